package io.clonus.dsp;

import java.util.Arrays;

/**
 * Peak detection reproducing {@code scipy.signal.find_peaks} (same indices), with its
 * {@code height}, {@code distance}, {@code prominence} and {@code width} conditions (minimum
 * values only), plus {@code peak_prominences} and {@code peak_widths}.
 *
 * <p>Like scipy, a peak is a local maximum: a sample higher than its left neighbour and higher
 * than the next sample that differs from it. For a flat top the middle sample is reported, the
 * left one of the two middle samples when the plateau has an even length. The first and last
 * samples are never peaks. The conditions are applied in scipy's order: height, distance,
 * prominence, width. Prominences use the whole signal (scipy's {@code wlen=None}); a window length
 * is not supported.
 *
 * <p>Comparisons with NaN are false, so a NaN sample is never a peak and stops the base searches
 * of neighbouring peaks. Static and thread-safe; no argument is modified.
 */
public final class PeakFinder {
    private PeakFinder() {
    }

    /**
     * Conditions a peak must meet; use {@link #none()} and the withers. Immutable and thread-safe.
     *
     * @param minHeight     minimum sample value at the peak, in signal units ({@code height});
     *                      NaN = no condition. Any other value applies, including 0 (which
     *                      rejects negative peaks)
     * @param minDistance   minimum horizontal distance between peaks in samples
     *                      ({@code distance}); 0 = no condition (1 has no effect either). Where
     *                      peaks are closer, lower ones are removed first, as in scipy; peaks of
     *                      exactly equal height are ranked by position, the later one kept (numpy's
     *                      unstable sort may order such ties differently)
     * @param minProminence minimum prominence in signal units ({@code prominence}); NaN = no
     *                      condition (0 or less keeps every peak, prominences being &gt;= 0)
     * @param minWidth      minimum width in samples at half prominence ({@code width},
     *                      {@code rel_height=0.5}); NaN = no condition (0 or less keeps every peak)
     */
    public record Options(double minHeight, int minDistance, double minProminence, double minWidth) {
        /**
         * Checks the values.
         *
         * @param minHeight     minimum peak value, NaN = unused
         * @param minDistance   minimum distance in samples, 0 = unused
         * @param minProminence minimum prominence, NaN = unused
         * @param minWidth      minimum width in samples, NaN = unused
         * @throws IllegalArgumentException if {@code minDistance} is negative
         */
        public Options {
            if (minDistance < 0) {
                throw new IllegalArgumentException("minimum peak distance must be 0 (unused) or more samples, got "
                        + minDistance);
            }
        }

        /**
         * No condition: every local maximum is a peak.
         *
         * @return {@code Options(NaN, 0, NaN, NaN)}
         */
        public static Options none() {
            return new Options(Double.NaN, 0, Double.NaN, Double.NaN);
        }

        /**
         * Copy with a minimum height.
         *
         * @param value signal units; NaN removes the condition
         * @return new options
         */
        public Options withMinHeight(double value) {
            return new Options(value, minDistance, minProminence, minWidth);
        }

        /**
         * Copy with a minimum distance.
         *
         * @param samples 0 removes the condition
         * @return new options
         * @throws IllegalArgumentException if negative
         */
        public Options withMinDistance(int samples) {
            return new Options(minHeight, samples, minProminence, minWidth);
        }

        /**
         * Copy with a minimum prominence.
         *
         * @param value signal units; NaN removes the condition
         * @return new options
         */
        public Options withMinProminence(double value) {
            return new Options(minHeight, minDistance, value, minWidth);
        }

        /**
         * Copy with a minimum width at half prominence.
         *
         * @param samples width in samples; NaN removes the condition
         * @return new options
         */
        public Options withMinWidth(double samples) {
            return new Options(minHeight, minDistance, minProminence, samples);
        }
    }

    /**
     * Peaks of the whole signal, {@code scipy.signal.find_peaks(x, ...)}.
     *
     * @param x       signal; not modified; fewer than 3 samples have no peak
     * @param options conditions
     * @return peak indices, ascending (empty if none)
     */
    public static int[] find(double[] x, Options options) {
        return find(x, 0, x.length, options);
    }

    /**
     * Peaks of the segment {@code x[from..to)}, as {@code find_peaks(x[from:to], ...) + from}: the
     * segment is treated as the whole signal (its first and last samples cannot be peaks and
     * prominence bases are searched inside it), but indices are relative to the start of
     * {@code x}.
     *
     * @param x       signal; not modified
     * @param from    first sample of the segment, inclusive
     * @param to      end, exclusive
     * @param options conditions
     * @return peak indices into {@code x}, ascending
     * @throws IllegalArgumentException if the range is not within {@code x}
     */
    public static int[] find(double[] x, int from, int to, Options options) {
        Checks.range(x.length, from, to);
        int[] peaks = localMaxima(x, from, to);
        if (!Double.isNaN(options.minHeight())) {
            int m = 0;
            for (int p : peaks) {
                if (x[p] >= options.minHeight()) {
                    peaks[m++] = p;
                }
            }
            peaks = Arrays.copyOf(peaks, m);
        }
        if (options.minDistance() > 1) {
            peaks = selectByDistance(x, peaks, options.minDistance());
        }
        boolean needProminence = !Double.isNaN(options.minProminence()) || !Double.isNaN(options.minWidth());
        if (needProminence) {
            int[] leftBases = new int[peaks.length];
            int[] rightBases = new int[peaks.length];
            double[] prominences = prominences(x, from, to, peaks, leftBases, rightBases);
            if (!Double.isNaN(options.minProminence())) {
                int m = 0;
                for (int i = 0; i < peaks.length; i++) {
                    if (prominences[i] >= options.minProminence()) {
                        peaks[m] = peaks[i];
                        prominences[m] = prominences[i];
                        leftBases[m] = leftBases[i];
                        rightBases[m] = rightBases[i];
                        m++;
                    }
                }
                peaks = Arrays.copyOf(peaks, m);
            }
            if (!Double.isNaN(options.minWidth())) {
                double[] widths = widths(x, peaks, 0.5, prominences, leftBases, rightBases);
                int m = 0;
                for (int i = 0; i < peaks.length; i++) {
                    if (widths[i] >= options.minWidth()) {
                        peaks[m++] = peaks[i];
                    }
                }
                peaks = Arrays.copyOf(peaks, m);
            }
        }
        return peaks;
    }

    /**
     * Prominence of each peak, {@code scipy.signal.peak_prominences(x, peaks)[0]}: the height of
     * the peak above the higher of the two lowest points reached on either side before the signal
     * rises above the peak (or the signal ends).
     *
     * @param x     signal; not modified
     * @param peaks indices into {@code x} (any samples, not necessarily local maxima); not modified
     * @return prominences in signal units, one per peak, each &gt;= 0 (0 for a sample that is not a
     *         peak)
     * @throws IllegalArgumentException if a peak index is outside {@code x}
     */
    public static double[] prominences(double[] x, int[] peaks) {
        checkPeaks(x, peaks);
        return prominences(x, 0, x.length, peaks, new int[peaks.length], new int[peaks.length]);
    }

    /**
     * Width of each peak, {@code scipy.signal.peak_widths(x, peaks, rel_height)[0]}: the distance
     * between the points left and right of the peak where the signal crosses
     * {@code x[peak] - relHeight * prominence}, linearly interpolated between samples and bounded
     * by the prominence bases.
     *
     * @param x         signal; not modified
     * @param peaks     indices into {@code x}; not modified
     * @param relHeight height of the measurement relative to the prominence: 0.5 = half
     *                  prominence, 1 = at the higher base; at least 0
     * @return widths in samples (fractional), one per peak
     * @throws IllegalArgumentException if a peak index is outside {@code x} or {@code relHeight}
     *         is negative or NaN
     */
    public static double[] widths(double[] x, int[] peaks, double relHeight) {
        if (!(relHeight >= 0)) {
            throw new IllegalArgumentException("relative height must be 0 or more, got " + relHeight);
        }
        checkPeaks(x, peaks);
        int[] left = new int[peaks.length];
        int[] right = new int[peaks.length];
        double[] prom = prominences(x, 0, x.length, peaks, left, right);
        return widths(x, peaks, relHeight, prom, left, right);
    }

    private static void checkPeaks(double[] x, int[] peaks) {
        for (int p : peaks) {
            if (p < 0 || p >= x.length) {
                throw new IllegalArgumentException("peak " + p + " is not a valid index for a signal of "
                        + x.length + " samples");
            }
        }
    }

    /** scipy's _local_maxima_1d on x[from..to): midpoints of (flat) maxima, rounding down. */
    static int[] localMaxima(double[] x, int from, int to) {
        int[] mid = new int[Math.max(0, (to - from) / 2)];
        int m = 0;
        int i = from + 1;
        int iMax = to - 1;
        while (i < iMax) {
            if (x[i - 1] < x[i]) {
                int ahead = i + 1;
                while (ahead < iMax && x[ahead] == x[i]) {
                    ahead++;
                }
                if (x[ahead] < x[i]) {
                    mid[m++] = (i + ahead - 1) / 2;
                    i = ahead;
                }
            }
            i++;
        }
        return Arrays.copyOf(mid, m);
    }

    /** scipy's _select_by_peak_distance: visit peaks from highest to lowest, drop close neighbours. */
    private static int[] selectByDistance(double[] x, int[] peaks, int distance) {
        int n = peaks.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // ascending height, stable: ties keep position order, so the later of equal peaks is visited first
        Arrays.sort(order, (a, b) -> Double.compare(x[peaks[a]], x[peaks[b]]));
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (int r = n - 1; r >= 0; r--) {
            int j = order[r];
            if (!keep[j]) {
                continue;
            }
            for (int k = j - 1; k >= 0 && peaks[j] - peaks[k] < distance; k--) {
                keep[k] = false;
            }
            for (int k = j + 1; k < n && peaks[k] - peaks[j] < distance; k++) {
                keep[k] = false;
            }
        }
        int m = 0;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[m++] = peaks[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** scipy's _peak_prominences (wlen = None) within x[from..to); fills the base indices. */
    private static double[] prominences(double[] x, int from, int to, int[] peaks, int[] leftBases, int[] rightBases) {
        double[] prom = new double[peaks.length];
        for (int n = 0; n < peaks.length; n++) {
            int peak = peaks[n];
            double height = x[peak];
            int i = peak;
            leftBases[n] = peak;
            double leftMin = height;
            while (from <= i && x[i] <= height) {
                if (x[i] < leftMin) {
                    leftMin = x[i];
                    leftBases[n] = i;
                }
                i--;
            }
            i = peak;
            rightBases[n] = peak;
            double rightMin = height;
            while (i < to && x[i] <= height) {
                if (x[i] < rightMin) {
                    rightMin = x[i];
                    rightBases[n] = i;
                }
                i++;
            }
            prom[n] = height - Math.max(leftMin, rightMin);
        }
        return prom;
    }

    /** scipy's _peak_widths: interpolated crossings of x[peak] - prominence * relHeight. */
    private static double[] widths(double[] x, int[] peaks, double relHeight, double[] prominences,
                                   int[] leftBases, int[] rightBases) {
        double[] w = new double[peaks.length];
        for (int p = 0; p < peaks.length; p++) {
            int iMin = leftBases[p];
            int iMax = rightBases[p];
            int peak = peaks[p];
            double height = x[peak] - prominences[p] * relHeight;
            int i = peak;
            while (iMin < i && height < x[i]) {
                i--;
            }
            double leftIp = i;
            if (x[i] < height) {
                leftIp += (height - x[i]) / (x[i + 1] - x[i]);
            }
            i = peak;
            while (i < iMax && height < x[i]) {
                i++;
            }
            double rightIp = i;
            if (x[i] < height) {
                rightIp -= (height - x[i]) / (x[i - 1] - x[i]);
            }
            w[p] = rightIp - leftIp;
        }
        return w;
    }
}
