package io.clonus.evaluate;

/**
 * A correlation coefficient of paired measurements with its confidence interval and two-sided p-value.
 * Immutable and thread-safe. Made by {@link Statistics#pearson} and {@link Statistics#spearman}, which need at
 * least 4 pairs and neither series constant.
 *
 * @param n           number of pairs, at least 4
 * @param coefficient the coefficient, −1 to 1
 * @param interval    its confidence interval by Fisher's z transform: tanh(atanh(r) ± z·se), se = 1/√(n − 3) for
 *                    Pearson's r and √(1.06/(n − 3)) for Spearman's ρ (Fieller, Hartley &amp; Pearson 1957)
 * @param pValue      two-sided p-value of r = 0 from t = r·√((n − 2)/(1 − r²)) on n − 2 degrees of freedom
 *                    (exact for Pearson under normality, the usual large-sample approximation for Spearman); 0
 *                    when |r| = 1
 */
public record Correlation(int n, double coefficient, Estimate interval, double pValue) {
    /** Checks the count and range. */
    public Correlation {
        if (n < 4) {
            throw new IllegalArgumentException("a correlation needs at least 4 pairs, got " + n);
        }
        if (!(coefficient >= -1 && coefficient <= 1)) {
            throw new IllegalArgumentException("a correlation coefficient lies in [-1, 1], got " + coefficient);
        }
    }
}
