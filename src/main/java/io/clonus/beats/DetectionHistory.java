package io.clonus.beats;

/**
 * The last few seconds of the detection signal, indexed by absolute sample number: the value in which
 * beats are found (EMG envelope or ACC oscillation), and for EMG the mean rectified and mean squared EMG
 * of the same block of raw samples (for ACC: |value| and value²). Later stages read a beat's
 * surroundings and an episode's stretch from it. Fixed memory (a power of two of samples), no allocation
 * after construction. Not thread-safe.
 */
public final class DetectionHistory {
    private final double[] value;
    private final double[] level;
    private final double[] power;
    private final int mask;
    private final double rateHz;
    private final double time0S;
    private long newest = -1;

    /**
     * @param rateHz   sample rate of the detection signal, Hz
     * @param time0S   time of sample 0 in seconds from the record's start (conditioning delay corrected)
     * @param keepS    at least this many seconds are kept
     */
    public DetectionHistory(double rateHz, double time0S, double keepS) {
        int need = (int) Math.ceil(keepS * rateHz) + 2;
        int size = io.clonus.dsp.PowerOfTwo.atLeast(need);
        this.value = new double[size];
        this.level = new double[size];
        this.power = new double[size];
        this.mask = size - 1;
        this.rateHz = rateHz;
        this.time0S = time0S;
    }

    /**
     * Appends the next sample.
     *
     * @param v value
     * @param l level (EMG mean |x| of the block; ACC |v|)
     * @param p power (EMG mean x² of the block; ACC v²)
     * @return its index
     */
    public long add(double v, double l, double p) {
        long j = ++newest;
        int slot = (int) (j & mask);
        value[slot] = v;
        level[slot] = l;
        power[slot] = p;
        return j;
    }

    /** @return index of the newest sample, -1 before the first */
    public long newest() {
        return newest;
    }

    /** @return index of the oldest sample still held (0 until the ring has wrapped) */
    public long oldest() {
        return Math.max(0, newest - mask);
    }

    /** @param i index, between {@link #oldest()} and {@link #newest()} @return the value */
    public double value(long i) {
        return value[(int) (i & mask)];
    }

    /** @param i index @return the level */
    public double level(long i) {
        return level[(int) (i & mask)];
    }

    /** @param i index @return the power */
    public double power(long i) {
        return power[(int) (i & mask)];
    }

    /** @return sample rate, Hz */
    public double rateHz() {
        return rateHz;
    }

    /** @param index a (possibly fractional) sample index @return its time, seconds from the record's start */
    public double timeS(double index) {
        return index / rateHz + time0S;
    }

    /** @param timeS a time, seconds from the record's start @return the nearest sample index */
    public long indexAt(double timeS) {
        return Math.round((timeS - time0S) * rateHz);
    }

    /**
     * Copies values {@code [from, to]} (clipped to what is held) into {@code dst} from 0.
     *
     * @param from first index
     * @param to   last index, inclusive
     * @param dst  destination, large enough; modified
     * @return the number copied
     */
    public int copyValues(long from, long to, double[] dst) {
        long a = Math.max(from, oldest());
        long b = Math.min(to, newest);
        int n = 0;
        for (long i = a; i <= b; i++) {
            dst[n++] = value[(int) (i & mask)];
        }
        return n;
    }

    /** @return the number of samples the ring holds */
    public int capacity() {
        return mask + 1;
    }
}
