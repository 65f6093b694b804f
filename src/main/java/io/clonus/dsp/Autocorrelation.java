package io.clonus.dsp;

/**
 * Normalised (biased) autocorrelation and the lag of its dominant peak, the usual way to read a
 * rhythm's period from an envelope.
 *
 * <p>{@link #normalized(double[], int)} equals
 * {@code np.correlate(y, y, 'full')[n-1:][:maxLag+1] / (y @ y)} with {@code y = x - mean(x)}: the
 * value at lag 0 is 1 and every value lies in [-1, 1]. Lags are in samples. Short lag ranges are
 * summed directly; long ones ({@code n * maxLag} large) go through a zero-padded FFT of a power of
 * two at least {@code 2n} points, which agrees to about 1e-15. Static and thread-safe.
 */
public final class Autocorrelation {
    private Autocorrelation() {
    }

    /**
     * Autocorrelation of the whole signal for lags 0..maxLag.
     *
     * @param x      signal; not modified; at least one sample
     * @param maxLag largest lag in samples, 0 .. x.length - 1
     * @return {@code maxLag + 1} values, the first being 1; NaN everywhere if {@code x} holds NaN
     * @throws IllegalArgumentException if the signal is empty, {@code maxLag} is out of range, or
     *         the signal is constant ("constant signal has no autocorrelation": y @ y == 0)
     */
    public static double[] normalized(double[] x, int maxLag) {
        return normalized(x, 0, x.length, maxLag);
    }

    /**
     * Autocorrelation of the segment {@code x[from..to)} for lags 0..maxLag, as if the segment
     * were the whole signal (its own mean is removed; samples outside it are not used).
     *
     * @param x      signal; not modified
     * @param from   first sample, inclusive
     * @param to     end, exclusive; the segment must hold at least one sample
     * @param maxLag largest lag in samples, 0 .. (to - from) - 1
     * @return {@code maxLag + 1} values, the first being 1
     * @throws IllegalArgumentException as {@link #normalized(double[], int)}, or if the range is not
     *         within {@code x}
     */
    public static double[] normalized(double[] x, int from, int to, int maxLag) {
        Checks.range(x.length, from, to);
        int n = to - from;
        if (n == 0) {
            throw new IllegalArgumentException("empty signal has no autocorrelation");
        }
        if (maxLag < 0 || maxLag >= n) {
            throw new IllegalArgumentException("maxLag " + maxLag + " must be between 0 and " + (n - 1)
                    + " (signal of " + n + " samples)");
        }
        double mean = Spectrum.mean(x, from, to);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[from + i] - mean;
        }
        double[] r = useFft(n, maxLag) ? viaFft(y, maxLag) : direct(y, maxLag);
        double energy = r[0];
        if (energy == 0) {
            throw new IllegalArgumentException("constant signal has no autocorrelation (all " + n
                    + " samples equal " + x[from] + ")");
        }
        for (int k = 0; k <= maxLag; k++) {
            r[k] /= energy;
        }
        // exactly 1 at lag 0 whatever the summation order
        r[0] = 1.0;
        return r;
    }

    /** Direct sums cost n * (maxLag + 1); the FFT about 6 m log2 m with m >= 2n a power of two. */
    static boolean useFft(int n, int maxLag) {
        long m = PowerOfTwo.atLeast(2 * n);
        long fftCost = 6L * m * (63 - Long.numberOfLeadingZeros(m));
        return (long) n * (maxLag + 1) > fftCost;
    }

    /** Unnormalised sums r[k] = sum y[i] y[i + k]. */
    static double[] direct(double[] y, int maxLag) {
        int n = y.length;
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            for (int i = 0, j = k; j < n; i++, j++) {
                s += y[i] * y[j];
            }
            r[k] = s;
        }
        return r;
    }

    /** Unnormalised sums through |FFT|^2 of y zero-padded to avoid circular wrap-around. */
    static double[] viaFft(double[] y, int maxLag) {
        int m = PowerOfTwo.atLeast(2 * y.length);
        double[] buf = new double[m];
        System.arraycopy(y, 0, buf, 0, y.length);
        double[] power = new double[m / 2 + 1];
        Fft.powerOneSided(buf, power);
        // inverse real transform of the (real, even) power spectrum, JTransforms' packed layout
        buf[0] = power[0];
        buf[1] = power[m / 2];
        for (int k = 1; k < m / 2; k++) {
            buf[2 * k] = power[k];
            buf[2 * k + 1] = 0;
        }
        new org.jtransforms.fft.DoubleFFT_1D(m).realInverse(buf, true);
        double[] r = new double[maxLag + 1];
        System.arraycopy(buf, 0, r, 0, maxLag + 1);
        return r;
    }

    /**
     * The lag of the highest local maximum of an autocorrelation (or any sequence) within
     * {@code [minLag, maxLag]}, refined by a parabola through the maximum and its two neighbours.
     *
     * <p>A local maximum is a sample higher than its left neighbour and higher than the next
     * sample that differs from it; for a flat top the middle sample is taken (the left one of the
     * two middle samples, like {@code scipy.signal.find_peaks}), and the parabola then centres it.
     * The first and last samples of {@code ac} cannot be local maxima, so an array of fewer than
     * three values gives -1; NaN values are never maxima. Among several maxima the
     * highest wins, the smallest lag on ties. The refinement moves the lag by at most half a
     * sample.
     *
     * @param ac     the sequence, e.g. from {@link #normalized(double[], int)}; not modified
     * @param minLag smallest lag considered, at least 0
     * @param maxLag largest lag considered, at least {@code minLag}; values beyond the array are
     *               clamped to it
     * @return the interpolated lag in samples, or -1 when there is no local maximum in the range
     * @throws IllegalArgumentException if {@code minLag < 0} or {@code maxLag < minLag}
     */
    public static double peakLag(double[] ac, int minLag, int maxLag) {
        if (minLag < 0) {
            throw new IllegalArgumentException("minLag must be at least 0, got " + minLag);
        }
        if (maxLag < minLag) {
            throw new IllegalArgumentException("lag range reversed: minLag " + minLag + " > maxLag " + maxLag);
        }
        int hi = Math.min(maxLag, ac.length - 2);
        int best = -1;
        int i = Math.max(1, minLag);
        while (i <= hi) {
            if (ac[i - 1] < ac[i]) {
                int ahead = i + 1;
                while (ahead < ac.length - 1 && ac[ahead] == ac[i]) {
                    ahead++;
                }
                if (ac[ahead] < ac[i]) {
                    int mid = (i + ahead - 1) / 2;
                    if (mid <= hi && (best < 0 || ac[mid] > ac[best])) {
                        best = mid;
                    }
                    i = ahead;
                    continue;
                }
            }
            i++;
        }
        if (best < 0) {
            return -1;
        }
        double a = ac[best - 1];
        double b = ac[best];
        double c = ac[best + 1];
        return best + Vertex.offset(a, b, c);
    }

    /**
     * The share used by the detector's rhythm estimates with {@link #periodLag}: a shorter lag whose peak
     * reaches 90 % of the highest is taken as the period (a multiple of the period can peak a little higher
     * in a short stretch).
     */
    public static final double SHORTER_LAG_SHARE = 0.9;

    /**
     * The period of a rhythm from its autocorrelation: the highest positive local maximum in
     * [minLag, maxLag] as {@link #peakLag} finds it, unless a shorter lag's strict local maximum reaches
     * {@code shorterShare} of it, in which case the shortest such lag; refined by the same parabola.
     * Guards against taking a multiple of the period, whose peak can be a little higher than the
     * period's own in a short or noisy stretch.
     *
     * @param ac           the sequence; not modified
     * @param minLag       smallest lag considered, at least 0
     * @param maxLag       largest lag considered, at least {@code minLag}
     * @param shorterShare share of the highest peak from which a shorter lag is preferred, 0-1 (1 takes
     *                     the highest peak alone)
     * @return the interpolated lag in samples, or -1 when no positive local maximum lies in the range
     * @throws IllegalArgumentException for the lag ranges {@link #peakLag} refuses, or a share outside [0, 1]
     */
    public static double periodLag(double[] ac, int minLag, int maxLag, double shorterShare) {
        if (!(shorterShare >= 0 && shorterShare <= 1)) {
            throw new IllegalArgumentException("shorterShare must be between 0 and 1, got " + shorterShare);
        }
        double lag = peakLag(ac, minLag, maxLag);
        if (lag < 0) {
            return -1;
        }
        double top = Math.max(ac[(int) Math.floor(lag)], ac[(int) Math.ceil(lag)]);
        if (!(top > 0)) {
            return -1;
        }
        for (int k = Math.max(1, minLag); k < Math.floor(lag); k++) {
            if (ac[k] > ac[k - 1] && ac[k] > ac[k + 1] && ac[k] >= shorterShare * top) {
                return peakLag(ac, k, k);
            }
        }
        return lag;
    }
}
