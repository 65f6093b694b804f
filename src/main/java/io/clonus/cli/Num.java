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

    /**
     * @param seconds a time or duration in seconds, finite
     * @return it rounded to the microsecond (exact in a double up to about 10^9 s, 30 years)
     */
    static double roundTime(double seconds) {
        if (seconds == 0 || !Double.isFinite(seconds)) {
            return seconds;
        }
        return BigDecimal.valueOf(seconds).setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * @param seconds a time or duration in seconds
     * @return plain decimal text of it to the microsecond, no trailing zeros; empty for NaN or infinity
     */
    static String time(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "";
        }
        if (seconds == 0) {
            return "0";
        }
        String t = BigDecimal.valueOf(seconds).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /**
     * @param x an optional number
     * @return its text, or empty
     */
    static String text(OptionalDouble x) {
        return x.isPresent() ? text(x.getAsDouble()) : "";
    }
}
