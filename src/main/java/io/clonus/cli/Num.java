package io.clonus.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * Number formatting shared by the outputs: seven significant digits, no exponent, no trailing zeros, so
 * that text, CSV and JSON show the same values and none carries spurious precision. Times in seconds are
 * the exception: they keep microseconds at any offset ({@link #time}), so that beat times late in a 24-hour
 * recording or after a multi-day EDF+ offset stay distinct. Stateless.
 */
final class Num {
    private static final MathContext DIGITS = new MathContext(7);

    private Num() {
    }

    /**
     * @param x a finite number
     * @return {@code x} rounded to seven significant digits
     */
    static double round(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).round(DIGITS).doubleValue();
    }

    /**
     * @param x a number
     * @return plain decimal text of {@code x} rounded to seven significant digits; empty for NaN or infinity
     */
    static String text(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    /** @see io.clonus.analysis.Seconds#round */
    static double roundTime(double seconds) {
        return io.clonus.analysis.Seconds.round(seconds);
    }

    /** @see io.clonus.analysis.Seconds#text */
    static String time(double seconds) {
        return io.clonus.analysis.Seconds.text(seconds);
    }

    /**
     * @param x an optional number
     * @return its text, or empty
     */
    static String text(OptionalDouble x) {
        return x.isPresent() ? text(x.getAsDouble()) : "";
    }
}
