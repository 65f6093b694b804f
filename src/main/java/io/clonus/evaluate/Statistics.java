package io.clonus.evaluate;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The statistics of an evaluation, each with the formula it uses. Distributions, correlations and
 * percentiles come from Apache Commons Math 3.
 *
 * <p>Empty results: a figure that does not exist for the data (a proportion of 0 trials, an ICC of fewer than
 * 2 subjects or of data without any variance, a correlation of fewer than 4 pairs or of a constant series) is
 * an empty {@link Optional}, never NaN. Arrays passed in are not changed. Stateless and thread-safe.
 */
public final class Statistics {
    private Statistics() {
    }

    /**
     * @param confidence the confidence level, for example 0.95
     * @return the standard normal quantile of (1 + confidence) / 2 (1.959964 for 0.95)
     */
    public static double z(double confidence) {
        checkConfidence(confidence);
        return new NormalDistribution(0, 1).inverseCumulativeProbability((1 + confidence) / 2);
    }

    /**
     * A proportion with its Wilson score interval (Wilson 1927; Newcombe 1998, method 3, without continuity
     * correction): centre (p̂ + z²/2n) / (1 + z²/n), half-width z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
     *
     * @param successes  the count, 0 to {@code trials}
     * @param trials     the number of trials, at least 0
     * @param confidence the confidence level, for example 0.95
     * @return successes / trials with its interval, limits clamped to [0, 1]; empty for 0 trials
     */
    public static Optional<Estimate> wilson(int successes, int trials, double confidence) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= trials, got " + successes + " of "
                    + trials);
        }
        if (trials == 0) {
            return Optional.empty();
        }
        double z = z(confidence);
        double n = trials;
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return Optional.of(new Estimate(p, Math.min(lower, p), Math.max(upper, p)));
    }

    /**
     * F1 = 2TP / (2TP + FP + FN) with an interval from the Wilson interval of J = TP / (TP + FP + FN) (the
     * Jaccard index, a proportion of the TP + FP + FN events), mapped through F1 = 2J / (1 + J), which is
     * increasing. An approximation that treats those events as independent trials.
     *
     * @param tp         true positives
     * @param fp         false positives
     * @param fn         false negatives
     * @param confidence the confidence level
     * @return F1 with its interval; empty when TP + FP + FN = 0
     */
    public static Optional<Estimate> f1(int tp, int fp, int fn, double confidence) {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must not be negative: TP " + tp + ", FP " + fp + ", FN " + fn);
        }
        return wilson(tp, tp + fp + fn, confidence).map(j -> new Estimate(jaccardToF1(j.value()),
                jaccardToF1(j.lower()), jaccardToF1(j.upper())));
    }

    private static double jaccardToF1(double j) {
        return 2 * j / (1 + j);
    }

    /**
     * A Poisson rate with its exact (Garwood 1936) interval: count / exposure scaled to {@code per}, limits
     * χ²(α/2; 2k)/2 and χ²(1 − α/2; 2k + 2)/2 events (the lower limit 0 for k = 0), scaled the same way.
     *
     * @param count      the number of events, at least 0
     * @param exposure   the time observed, in the unit of {@code per}, positive
     * @param per        the time the rate is expressed per (24 for a rate per 24 hours when exposure is in hours)
     * @param confidence the confidence level
     * @return the rate with its interval; empty when the exposure is 0
     */
    public static Optional<Estimate> poissonRate(int count, double exposure, double per, double confidence) {
        checkConfidence(confidence);
        if (count < 0 || !(exposure >= 0) || !Double.isFinite(exposure) || !(per > 0)) {
            throw new IllegalArgumentException("a rate needs a count >= 0, a finite exposure >= 0 and per > 0, got "
                    + count + ", " + exposure + ", " + per);
        }
        if (exposure == 0) {
            return Optional.empty();
        }
        double alpha = 1 - confidence;
        double lower = count == 0 ? 0
                : new ChiSquaredDistribution(2.0 * count).inverseCumulativeProbability(alpha / 2) / 2;
        double upper = new ChiSquaredDistribution(2.0 * count + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        double scale = per / exposure;
        return Optional.of(new Estimate(count * scale, lower * scale, upper * scale));
    }

    /**
     * A quantile by linear interpolation between order statistics (Hyndman &amp; Fan 1996 definition 7, the
     * default of R's {@code quantile} and numpy's {@code percentile}): with the values sorted, h = (n − 1)p and
     * the result x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
     *
     * @param values the values, finite
     * @param p      the probability, 0 to 1
     * @return the quantile; empty without values
     */
    public static OptionalDouble quantile(double[] values, double p) {
        Objects.requireNonNull(values, "values");
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile's probability lies in [0, 1], got " + p);
        }
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        checkFinite(values, "values");
        if (p == 0) {
            return OptionalDouble.of(Arrays.stream(values).min().getAsDouble());
        }
        return OptionalDouble.of(new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                .evaluate(values, 100 * p));
    }

    /**
     * The intraclass correlation ICC(2,1) of Shrout &amp; Fleiss (1979), which McGraw &amp; Wong (1996) call
     * ICC(A,1): two-way random effects, absolute agreement, single rater. With n subjects (rows) rated by k
     * raters (columns) and the two-way ANOVA mean squares MSR (rows), MSC (columns) and MSE (residual),
     * ICC = (MSR − MSE) / (MSR + (k − 1)MSE + k(MSC − MSE)/n). The interval is McGraw &amp; Wong's (1996, table 7,
     * case 2A), with F quantiles on n − 1 and v degrees of freedom, v their Satterthwaite-type approximation. When
     * every subject gets the same value from every rater but subjects differ (MSE = MSC = 0), ICC = 1 and the
     * interval is [1, 1].
     *
     * @param ratings    ratings[i][j]: subject i by rater j; at least 2 subjects and 2 raters, finite
     * @param confidence the confidence level
     * @return the ICC with its interval; empty with fewer than 2 subjects or when the subjects do not differ at all
     *         (every subject's mean rating the same: MSR = 0, so there is nothing to agree about and the interval
     *         has no degrees of freedom)
     */
    public static Optional<Estimate> icc21(double[][] ratings, double confidence) {
        checkConfidence(confidence);
        Objects.requireNonNull(ratings, "ratings");
        int n = ratings.length;
        if (n < 2) {
            return Optional.empty();
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("an ICC needs at least 2 raters, got " + k);
        }
        double grand = 0;
        for (double[] row : ratings) {
            if (row.length != k) {
                throw new IllegalArgumentException("every subject needs " + k + " ratings, one has " + row.length);
            }
            checkFinite(row, "ratings");
            for (double v : row) {
                grand += v;
            }
        }
        grand /= n * k;
        double ssRows = 0;
        double ssColumns = 0;
        double ssTotal = 0;
        for (double[] row : ratings) {
            double mean = 0;
            for (double v : row) {
                mean += v;
                ssTotal += (v - grand) * (v - grand);
            }
            mean /= k;
            ssRows += k * (mean - grand) * (mean - grand);
        }
        for (int j = 0; j < k; j++) {
            double mean = 0;
            for (double[] row : ratings) {
                mean += row[j];
            }
            mean /= n;
            ssColumns += n * (mean - grand) * (mean - grand);
        }
        double ssError = Math.max(0, ssTotal - ssRows - ssColumns);
        double msr = ssRows / (n - 1);
        double msc = ssColumns / (k - 1);
        double mse = ssError / ((double) (n - 1) * (k - 1));
        double denominator = msr + (k - 1) * mse + k * (msc - mse) / n;
        if (!(denominator > 0) || !(msr > 0)) {
            return Optional.empty();
        }
        double icc = (msr - mse) / denominator;
        // rounding: a residual of 1e-15 of the total is no residual
        if (mse <= 1e-14 * Math.max(msr, Double.MIN_NORMAL) && msc <= 1e-14 * Math.max(msr, Double.MIN_NORMAL)) {
            return Optional.of(new Estimate(1, 1, 1));
        }
        double a = k * icc / (n * (1 - icc));
        double b = 1 + k * icc * (n - 1) / (n * (1 - icc));
        double v = (a * msc + b * mse) * (a * msc + b * mse)
                / ((a * msc) * (a * msc) / (k - 1) + (b * mse) * (b * mse) / ((n - 1.0) * (k - 1)));
        if (!(v > 0) || !Double.isFinite(v)) {
            return Optional.empty();
        }
        double q = (1 + confidence) / 2;
        double fStar = new FDistribution(n - 1, v).inverseCumulativeProbability(q);
        double fStarStar = new FDistribution(v, n - 1).inverseCumulativeProbability(q);
        double lower = n * (msr - fStar * mse) / (fStar * (k * msc + (k * n - k - n) * mse) + n * msr);
        double upper = n * (fStarStar * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fStarStar * msr);
        return Optional.of(new Estimate(icc, Math.min(lower, icc), Math.max(upper, icc)));
    }

    /**
     * ICC(2,1) of two raters, {@link #icc21(double[][], double)} with the pairs as subjects.
     *
     * @param detected   the detector's values
     * @param reference  the reference values, as many
     * @param confidence the confidence level
     * @return the ICC with its interval; empty with fewer than 2 pairs or when the pairs' means are all equal
     */
    public static Optional<Estimate> icc21(double[] detected, double[] reference, double confidence) {
        checkPairs(detected, reference);
        double[][] ratings = new double[detected.length][];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = new double[] {detected[i], reference[i]};
        }
        return icc21(ratings, confidence);
    }

    /**
     * Bland–Altman bias and limits of agreement of detected minus reference; see {@link BlandAltman} for the
     * formulas.
     *
     * @param detected   the detector's values
     * @param reference  the reference values, as many
     * @param confidence the confidence level (0.95: limits d̄ ± 1.96 s)
     * @return the agreement; empty with fewer than 2 pairs
     */
    public static Optional<BlandAltman> blandAltman(double[] detected, double[] reference, double confidence) {
        checkPairs(detected, reference);
        int n = detected.length;
        if (n < 2) {
            return Optional.empty();
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = detected[i] - reference[i];
            mean += d[i];
        }
        mean /= n;
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double z = z(confidence);
        double t = new TDistribution(n - 1).inverseCumulativeProbability((1 + confidence) / 2);
        double lower = mean - z * sd;
        double upper = mean + z * sd;
        double seBias = sd / Math.sqrt(n);
        double seLimit = sd * Math.sqrt(3.0 / n);
        return Optional.of(new BlandAltman(n, mean, sd, lower, upper,
                new Estimate(mean, mean - t * seBias, mean + t * seBias),
                new Estimate(lower, lower - t * seLimit, lower + t * seLimit),
                new Estimate(upper, upper - t * seLimit, upper + t * seLimit)));
    }

    /**
     * Pearson's product-moment correlation ({@link PearsonsCorrelation}); interval and p-value as
     * {@link Correlation} says.
     *
     * @param x          one series
     * @param y          the other, as long
     * @param confidence the confidence level
     * @return the correlation; empty with fewer than 4 pairs or a constant series
     */
    public static Optional<Correlation> pearson(double[] x, double[] y, double confidence) {
        checkPairs(x, y);
        if (x.length < 4 || constant(x) || constant(y)) {
            return Optional.empty();
        }
        return Optional.of(correlation(new PearsonsCorrelation().correlation(x, y), x.length, 1.0, confidence));
    }

    /**
     * Spearman's rank correlation ({@link SpearmansCorrelation}: Pearson's r of the ranks, ties given their
     * average rank); interval and p-value as {@link Correlation} says.
     *
     * @param x          one series
     * @param y          the other, as long
     * @param confidence the confidence level
     * @return the correlation; empty with fewer than 4 pairs or a constant series
     */
    public static Optional<Correlation> spearman(double[] x, double[] y, double confidence) {
        checkPairs(x, y);
        if (x.length < 4 || constant(x) || constant(y)) {
            return Optional.empty();
        }
        return Optional.of(correlation(new SpearmansCorrelation().correlation(x, y), x.length, 1.06, confidence));
    }

    private static Correlation correlation(double r, int n, double varianceFactor, double confidence) {
        r = Math.max(-1, Math.min(1, r));
        double se = Math.sqrt(varianceFactor / (n - 3));
        double z = z(confidence);
        double centre = atanh(r);
        Estimate interval = new Estimate(r, Math.min(r, Math.tanh(centre - z * se)), Math.max(r, Math.tanh(centre + z * se)));
        double p;
        if (Math.abs(r) == 1) {
            p = 0;
        } else {
            double t = r * Math.sqrt((n - 2) / (1 - r * r));
            p = 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
        }
        return new Correlation(n, r, interval, p);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static boolean constant(double[] x) {
        checkFinite(x, "values");
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private static void checkPairs(double[] a, double[] b) {
        Objects.requireNonNull(a, "detected");
        Objects.requireNonNull(b, "reference");
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need as many of each, got " + a.length + " and "
                    + b.length);
        }
        checkFinite(a, "values");
        checkFinite(b, "values");
    }

    private static void checkFinite(double[] x, String what) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite, got " + v);
            }
        }
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence level lies strictly between 0 and 1, got " + confidence);
        }
    }
}
