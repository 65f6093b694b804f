package io.clonus.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Times in seconds as the outputs write them: to the microsecond at any offset, so that beat times late in a
 * 24-hour recording or after a multi-day EDF+ offset stay distinct (seven significant digits would quantise
 * them to 10 ms at 86,000 s and merge them beyond 10^6 s). Exact in a double up to about 10^9 s. Stateless.
 */
public final class Seconds {
    private Seconds() {
    }

    /**
     * @param seconds a time or duration in seconds
     * @return it rounded to the microsecond; NaN and infinities unchanged
     */
    public static double round(double seconds) {
        if (seconds == 0 || !Double.isFinite(seconds)) {
            return seconds;
        }
        return BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_EVEN).doubleValue() + 0.0;
    }

    /**
     * @param seconds a time or duration in seconds
     * @return plain decimal text of it to the microsecond, no trailing zeros ("86000.123456", "12.5", "0");
     *         empty for NaN or infinity
     */
    public static String text(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "";
        }
        String t = BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return t.equals("-0") || t.equals("0.000000") ? "0" : t;
    }
}
