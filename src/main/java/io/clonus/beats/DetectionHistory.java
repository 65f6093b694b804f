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

    /**
     * Whether sample k is a candidate peak: higher than the sample before it, at least the one after, the
     * highest within {@code distance} samples before and none higher within {@code distance} after (up to
     * {@code last}); what both beat finders ask first.
     *
     * @param k        a sample with neighbours held on both sides
     * @param last     the newest sample that may be looked at
     * @param distance samples around k that must not be higher
     * @return whether k is such a peak
     */
    public boolean isPeak(long k, long last, int distance) {
        double dk = value(k);
        if (!(dk > value(k - 1) && dk >= value(k + 1))) {
            return false;
        }
        for (long i = Math.max(oldest(), k - distance); i < k; i++) {
            if (value(i) >= dk) {
                return false;
            }
        }
        for (long i = k + 1; i <= Math.min(last, k + distance); i++) {
            if (value(i) > dk) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param k  a peak
     * @param lo the earliest sample looked at
     * @return the lowest value before k, walking back from it to lo or to the first sample above the peak
     */
    public double lowestBefore(long k, long lo) {
        double dk = value(k);
        double min = dk;
        for (long i = k - 1; i >= lo; i--) {
            double v = value(i);
            if (v > dk) {
                break;
            }
            min = Math.min(min, v);
        }
        return min;
    }

    /**
     * @param k  a peak
     * @param hi the latest sample looked at
     * @return the lowest value after k, walking on to hi or to the first sample above the peak
     */
    public double lowestAfter(long k, long hi) {
        double dk = value(k);
        double min = dk;
        for (long i = k + 1; i <= hi; i++) {
            double v = value(i);
            if (v > dk) {
                break;
            }
            min = Math.min(min, v);
        }
        return min;
    }

    /** @param k a peak @return its time refined between samples by the parabola through it and its neighbours, s */
    public double peakTimeS(long k) {
        return timeS(k + io.clonus.dsp.Vertex.offset(value(k - 1), value(k), value(k + 1)));
    }

    /** @return the number of samples the ring holds */
    public int capacity() {
        return mask + 1;
    }
}
