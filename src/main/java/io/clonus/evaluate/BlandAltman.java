package io.clonus.evaluate;

/**
 * Bland–Altman agreement of paired measurements, detected minus reference (Bland &amp; Altman 1986, Lancet
 * i:307-310; 1999, Stat Methods Med Res 8:135-160), in the unit of the measurement. Immutable and
 * thread-safe. Made by {@link Statistics#blandAltman}, which needs at least 2 pairs.
 *
 * @param n            number of pairs, at least 2
 * @param bias         mean difference d̄ (detected − reference)
 * @param sdDifference sample standard deviation s of the differences (divisor n − 1)
 * @param lowerLimit   lower limit of agreement, d̄ − z·s with z the standard normal quantile of (1 + confidence) / 2
 *                     (1.959964 for 95 %)
 * @param upperLimit   upper limit of agreement, d̄ + z·s
 * @param biasInterval confidence interval of the bias, d̄ ± t·s/√n (t: Student's quantile, n − 1 degrees of freedom)
 * @param lowerLimitInterval confidence interval of the lower limit, ± t·s·√(3/n) (the approximate standard error of
 *                     a limit, √(3s²/n), of Bland &amp; Altman 1986)
 * @param upperLimitInterval confidence interval of the upper limit, the same way
 */
public record BlandAltman(int n, double bias, double sdDifference, double lowerLimit, double upperLimit,
        Estimate biasInterval, Estimate lowerLimitInterval, Estimate upperLimitInterval) {
    /** Checks the count. */
    public BlandAltman {
        if (n < 2) {
            throw new IllegalArgumentException("Bland-Altman needs at least 2 pairs, got " + n);
        }
    }
}
