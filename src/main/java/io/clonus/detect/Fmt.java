package io.clonus.detect;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers for messages and methods text: a few significant digits, no trailing zeros ("5", "0.025", "4.2"). */
public final class Fmt {
    private Fmt() {
    }

    /**
     * @param v a finite number
     * @return v rounded to 4 significant digits, without trailing zeros or exponent
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
