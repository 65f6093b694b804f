package io.clonus.episodes;

import java.util.Arrays;

/**
 * A run of beats being judged or built: parallel arrays, grown as needed and reused, so that judging a
 * chain allocates nothing. Beat {@code i} lies {@code missedBefore(i)} missing beats after beat
 * {@code i - 1} (0 for consecutive beats). Not thread-safe.
 */
final class Run {
    private double[] timeS = new double[64];
    private double[] amplitude = new double[64];
    private long[] seq = new long[64];
    private boolean[] unit = new boolean[64];
    private boolean[] strong = new boolean[64];
    private boolean[] relaxed = new boolean[64];
    private int[] missed = new int[64];
    private int size;
    private double[] scratch = new double[64];

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    double timeS(int i) {
        return timeS[i];
    }

    double amplitude(int i) {
        return amplitude[i];
    }

    long seq(int i) {
        return seq[i];
    }

    boolean unit(int i) {
        return unit[i];
    }

    boolean strong(int i) {
        return strong[i];
    }

    /** @return the number of beats on a pedestal */
    int pedestalBeats() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += relaxed[i] ? 0 : 1;
        }
        return n;
    }

    int missedBefore(int i) {
        return missed[i];
    }

    double firstS() {
        return timeS[0];
    }

    double lastS() {
        return timeS[size - 1];
    }

    void add(double t, double a, long q, boolean u, boolean st, boolean rel, int missedBefore) {
        grow(size + 1);
        strong[size] = st;
        relaxed[size] = rel;
        timeS[size] = t;
        amplitude[size] = a;
        seq[size] = q;
        unit[size] = u;
        missed[size] = missedBefore;
        size++;
    }

    /** Puts a beat before the first, which becomes consecutive to it. */
    void addFirst(double t, double a, long q, boolean u, boolean st, boolean rel) {
        grow(size + 1);
        System.arraycopy(strong, 0, strong, 1, size);
        strong[0] = st;
        System.arraycopy(relaxed, 0, relaxed, 1, size);
        relaxed[0] = rel;
        System.arraycopy(timeS, 0, timeS, 1, size);
        System.arraycopy(amplitude, 0, amplitude, 1, size);
        System.arraycopy(seq, 0, seq, 1, size);
        System.arraycopy(unit, 0, unit, 1, size);
        System.arraycopy(missed, 0, missed, 1, size);
        timeS[0] = t;
        amplitude[0] = a;
        seq[0] = q;
        unit[0] = u;
        missed[0] = 0;
        if (size > 0) {
            missed[1] = 0;
        }
        size++;
    }

    void removeLast() {
        size--;
    }

    /** @return the mean period, each gap counted as its number of periods, seconds; NaN for one beat */
    double meanPeriodS() {
        if (size < 2) {
            return Double.NaN;
        }
        int periods = size - 1;
        for (int i = 1; i < size; i++) {
            periods += missed[i];
        }
        return (lastS() - firstS()) / periods;
    }

    /**
     * @param last how many of the latest intervals to look at (at most)
     * @return the median of the latest consecutive intervals (a gap counts as its mean period), seconds
     */
    double recentPeriodS(int last) {
        int n = 0;
        for (int i = size - 1; i >= 1 && n < last && n < scratch.length; i--) {
            scratch[n++] = (timeS[i] - timeS[i - 1]) / (1 + missed[i]);
        }
        return medianOfScratch(n);
    }

    /** @return the median amplitude of the latest (up to 8) beats */
    double typicalAmplitude() {
        int n = Math.min(size, 8);
        System.arraycopy(amplitude, size - n, scratch, 0, n);
        return medianOfScratch(n);
    }

    /** @return the median amplitude of all beats */
    double medianAmplitude() {
        System.arraycopy(amplitude, 0, scratch, 0, size);
        return medianOfScratch(size);
    }

    private void grow(int n) {
        if (n > timeS.length) {
            int cap = Math.max(n, 2 * timeS.length);
            timeS = Arrays.copyOf(timeS, cap);
            amplitude = Arrays.copyOf(amplitude, cap);
            seq = Arrays.copyOf(seq, cap);
            unit = Arrays.copyOf(unit, cap);
            strong = Arrays.copyOf(strong, cap);
            relaxed = Arrays.copyOf(relaxed, cap);
            missed = Arrays.copyOf(missed, cap);
            scratch = new double[cap];
        }
    }

    /**
     * @param first how many of the earliest intervals to look at (at most)
     * @return the median of the earliest consecutive intervals, seconds
     */
    double earlyPeriodS(int first) {
        int n = 0;
        for (int i = 1; i < size && n < first && n < scratch.length; i++) {
            scratch[n++] = (timeS[i] - timeS[i - 1]) / (1 + missed[i]);
        }
        return medianOfScratch(n);
    }

    /** Copies beats [from, to) of another run into this one; the first copied beat counts as consecutive. */
    void copyRange(Run o, int from, int to) {
        int n = to - from;
        grow(n);
        System.arraycopy(o.timeS, from, timeS, 0, n);
        System.arraycopy(o.amplitude, from, amplitude, 0, n);
        System.arraycopy(o.seq, from, seq, 0, n);
        System.arraycopy(o.unit, from, unit, 0, n);
        System.arraycopy(o.strong, from, strong, 0, n);
        System.arraycopy(o.relaxed, from, relaxed, 0, n);
        System.arraycopy(o.missed, from, missed, 0, n);
        missed[0] = 0;
        size = n;
    }

    /** Copies another run into this one. */
    void copyFrom(Run o) {
        grow(o.size);
        System.arraycopy(o.timeS, 0, timeS, 0, o.size);
        System.arraycopy(o.amplitude, 0, amplitude, 0, o.size);
        System.arraycopy(o.seq, 0, seq, 0, o.size);
        System.arraycopy(o.unit, 0, unit, 0, o.size);
        System.arraycopy(o.strong, 0, strong, 0, o.size);
        System.arraycopy(o.relaxed, 0, relaxed, 0, o.size);
        System.arraycopy(o.missed, 0, missed, 0, o.size);
        size = o.size;
    }

    /** The median of scratch[0, n) (the mean of the middle two for even n), reordering it; NaN for none. */
    private double medianOfScratch(int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }
}
