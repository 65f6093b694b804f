package io.clonus.episodes;

/**
 * How well a stretch of detection signal repeats at a beat period when unequal beat amplitudes are
 * discounted: the signal is divided by its running RMS over one period (so a decaying or uneven run
 * counts like an even one), and the result is correlated with itself shifted by the period (Pearson
 * correlation over the overlap; a fractional lag interpolates between whole lags). 1 is a perfect
 * repetition; noise and irregular activity give values near 0. Reuses its buffer; not thread-safe.
 */
final class Periodicity {
    private double[] y = new double[0];

    /**
     * @param x       samples (not modified)
     * @param n       how many, from index 0
     * @param lag     the period in samples, at least 1
     * @return the amplitude-normalised correlation at the lag, -1 to 1; 0 when the overlap is shorter than
     *         three samples or the stretch is flat
     */
    double at(double[] x, int n, double lag) {
        if (y.length < n) {
            y = new double[n];
        }
        int w = Math.max(1, (int) Math.round(lag));
        // running RMS over one period, centred
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= Math.max(1, n);
        double ss = 0;
        int lo = 0;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - w / 2);
            int b = Math.min(n - 1, i + w / 2);
            while (hi < b) {
                hi++;
                double d = x[hi] - mean;
                ss += d * d;
            }
            while (lo < a) {
                double d = x[lo] - mean;
                ss -= d * d;
                lo++;
            }
            double rms = Math.sqrt(Math.max(0, ss) / (hi - lo + 1));
            y[i] = rms > 0 ? (x[i] - mean) / rms : 0;
        }
        int l0 = (int) Math.floor(lag);
        double f = lag - l0;
        double r0 = pearson(y, n, l0);
        return f == 0 ? r0 : (1 - f) * r0 + f * pearson(y, n, l0 + 1);
    }

    private static double pearson(double[] v, int n, int lag) {
        int m = n - lag;
        if (m < 3 || lag < 1) {
            return 0;
        }
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < m; i++) {
            sa += v[i];
            sb += v[i + lag];
        }
        double ma = sa / m;
        double mb = sb / m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < m; i++) {
            double a = v[i] - ma;
            double b = v[i + lag] - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        double den = Math.sqrt(saa * sbb);
        return den > 0 ? sab / den : 0;
    }
}
