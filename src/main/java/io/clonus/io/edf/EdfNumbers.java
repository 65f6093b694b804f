package io.clonus.io.edf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Number parsing and fixed-width formatting for EDF's ASCII header fields and TAL time stamps. Stateless. */
final class EdfNumbers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    // '.' only as decimal separator; an exponent is tolerated on reading (some writers use it)
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** TAL onsets: a mandatory sign, digits, optionally '.' and more digits. */
    private static final Pattern ONSET = Pattern.compile("[+-]\\d+(\\.\\d+)?");
    /** TAL durations: digits, optionally '.' and more digits; no sign. */
    private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?");

    /** Decimal places used for time stamps written into TALs (100 ns, the resolution EDFbrowser keeps). */
    static final int TAL_DECIMALS = 7;

    private EdfNumbers() {
    }

    static boolean isInteger(String s) {
        return INTEGER.matcher(s).matches();
    }

    static boolean isDecimal(String s) {
        return DECIMAL.matcher(s).matches();
    }

    static boolean isOnset(String s) {
        return ONSET.matcher(s).matches();
    }

    static boolean isDuration(String s) {
        return DURATION.matcher(s).matches();
    }

    /**
     * Formats {@code value} into at most {@code width} characters without exponent. The shortest exact
     * decimal is used when it fits; otherwise fraction digits are dropped, rounding with {@code mode}
     * (callers pass FLOOR for minima and CEILING for maxima so a range still covers what was asked).
     *
     * @throws IllegalArgumentException if the integer part alone does not fit, or if rounding would turn
     *     a non-zero value into 0 or flip its sign
     */
    static String fitWidth(double value, int width, RoundingMode mode, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        String s = plain(exact);
        if (s.length() <= width) {
            return s;
        }
        for (int decimals = width - 2; decimals >= 0; decimals--) {
            BigDecimal r = exact.setScale(decimals, mode);
            String t = plain(r);
            if (t.length() <= width) {
                if (r.signum() != exact.signum()) {
                    throw new IllegalArgumentException(what + " " + s + " cannot be written in the " + width
                            + "-character EDF field without losing its sign or magnitude (it would become "
                            + t + "); use a smaller physical unit");
                }
                return t;
            }
        }
        throw new IllegalArgumentException(what + " " + s + " does not fit the " + width
                + "-character EDF field; use a larger physical unit");
    }

    /** Shortest plain (no exponent) decimal form without trailing zeros, e.g. 1.50 -> "1.5", 100 -> "100". */
    static String plain(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        return v.stripTrailingZeros().toPlainString();
    }

    /** A TAL time stamp: sign, then up to {@link #TAL_DECIMALS} decimals, e.g. "+0", "+12.5", "-0.25". */
    static String talOnset(BigDecimal seconds) {
        BigDecimal r = seconds.setScale(TAL_DECIMALS, RoundingMode.HALF_EVEN);
        String p = plain(r.abs());
        return (r.signum() < 0 ? "-" : "+") + p;
    }

    /** A TAL duration (no sign), up to {@link #TAL_DECIMALS} decimals. */
    static String talDuration(BigDecimal seconds) {
        return plain(seconds.setScale(TAL_DECIMALS, RoundingMode.HALF_EVEN));
    }

    /** Exact decimal value of a double as written by {@link Double#toString}, e.g. 0.1 -> 0.1 (not 0.1000000000000000055...). */
    static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v);
    }

    /** Formats a count of seconds for messages: up to 6 decimals, no trailing zeros. */
    static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return Double.toString(s);
        }
        return plain(BigDecimal.valueOf(s).setScale(6, RoundingMode.HALF_EVEN));
    }
}
