package io.clonus.detect;

import io.clonus.dsp.Select;

/**
 * Finds gross outlying samples in one axis of a raw signal: a single sample, or a run of at most
 * {@link #MAX_RUN}, far outside the surrounding level and far outside its own neighbours too, the mark of
 * an electrode pop, a transmission glitch or a knock, not of anything a muscle or a limb does. Streaming,
 * one sample at a time, in constant memory and with nothing allocated after construction, so that any
 * chunking finds the same samples.
 *
 * <p><b>Surrounding level.</b> The raw samples are cut into blocks of {@link #BLOCK_S} (at least
 * {@link #MIN_BLOCK} samples); each block gives the median and the median absolute deviation (MAD) of
 * {@link #MAX_PICKS} of its samples at most, evenly spaced. The level against which a sample is judged is
 * the median of the MADs of the blocks of the last {@link #LEVEL_S} (at least {@link #MIN_LEVEL_BLOCKS}
 * blocks), a scale that a few wild samples, a burst in one block or a slow drift (which moves little within
 * a block) cannot move much. Samples of the first block, before any level exists, are not judged, nor are
 * samples while the level is 0 (a quantised, nearly constant signal: there is no scale to judge against).
 *
 * <p><b>Test.</b> A sample more than {@link #SCREEN_FACTOR} levels from the latest block's median or from
 * the sample before is examined {@link #NEIGHBOURS} samples later, in the window of itself and its
 * {@link #NEIGHBOURS} samples either side: taking deviations from the line through the medians of the
 * window's two halves (so that neither drift nor a signal moving steadily through the window counts), it is
 * an outlier if its deviation is the window's largest, at least {@link #SCREEN_FACTOR} levels, and at least
 * {@link #ISOLATION} times that of every other sample of the window but at most {@code MAX_RUN - 1} of them.
 * Its size is reported as that deviation over the level.
 *
 * <p>Measured before choosing the thresholds (window peaks of at least 20 levels): over the simulated
 * physiology grid and look-alikes (EMG 500–4096 Hz, needle motor units, ECG, myoclonus, cable motion,
 * movement artefacts, drift; ACC and gyroscope 40–200 Hz with taps, walking, shaking, quantisation) and the
 * real recordings of {@code ../shared/signals} (needle EMG at 4 kHz, surface and gait EMG, cat ENG, walking
 * and freezing of gait at 64 Hz, wrist IMUs at 100 Hz), no single sample stood more than 10.1 times (taps
 * on a gyroscope at 50 Hz) and no pair more than 14.2 times (cat ENG at 2500 Hz) above the rest of its
 * window, except three single-sample glitches in the real needle EMG of a neuropathy (a sample of -0.53 mV
 * among samples of 0.15–0.2 mV, three times), which stand about 40 times out, 35 levels, and are reported.
 * One sample of 10⁴ in EMG of noise RMS 5 stands out about 700 times and 1700 levels. Near fast movement
 * sampled slowly (an oscillation of 8 samples per cycle at 50 Hz) a spike must be many times the movement
 * to stand out that much; there some smaller spikes go unreported. Not thread-safe.
 */
final class SpikeScan {
    /** Length of the blocks whose median and MAD are taken, seconds: an eighth of a second. */
    static final double BLOCK_S = 0.125;
    /** Fewest samples in a block, so that its median and MAD mean something at low sample rates. */
    static final int MIN_BLOCK = 16;
    /**
     * Most samples of a block whose median and MAD are taken (evenly spaced): a block's spread is known well
     * enough from 32 of its samples, and selecting among all 250 of a block at 2000 Hz cost more than the
     * rest of the scan.
     */
    static final int MAX_PICKS = 32;
    /** The level is the median of the MADs of the blocks of the last second (at least {@link #MIN_LEVEL_BLOCKS}). */
    static final double LEVEL_S = 1.0;
    /** Fewest blocks whose MADs' median is the level, so that one block (a burst, a spike) cannot set it. */
    static final int MIN_LEVEL_BLOCKS = 3;
    /**
     * A sample must deviate at least this many levels (MADs) to be an outlier: about 13.5 standard
     * deviations of Gaussian noise, which noise never reaches; a real burst that does so is told apart by
     * {@link #ISOLATION}.
     */
    static final double SCREEN_FACTOR = 20;
    /**
     * An outlier deviates at least this many times more than every other sample of its window but
     * {@link #MAX_RUN} - 1: 1.4 times the largest such ratio measured on signals without artefacts (14.2 for
     * a pair, 10.1 for a single sample; see the class comment). A band-limited signal (EMG below 500 Hz,
     * the ringing of a tapped sensor) does not jump from its neighbours' line by many levels and back
     * within a sample or two; a wild sample does.
     */
    static final double ISOLATION = 20;
    /** Longest run of outlying samples reported as one artefact: a single sample or a pair. */
    static final int MAX_RUN = 2;
    /** Samples either side of a candidate that it must stand out from. */
    static final int NEIGHBOURS = 8;

    private static final int RING = 32;
    private static final int MASK = RING - 1;

    private final double[] ring = new double[RING];
    private final boolean[] screened = new boolean[RING];
    private final double[] window = new double[2 * NEIGHBOURS + 1];
    private final double[] block;
    private final double[] scratch;
    /** Every stride-th sample goes into the block. */
    private final int stride;
    private int untilPick = 1;
    private final double[] mads;
    private final double[] madScratch;
    private int inBlock;
    /** Screened samples not yet examined. */
    private int pending;
    private long blocks;
    private long n;
    private double center;
    private double level;
    /** {@link #SCREEN_FACTOR} × level; infinite while there is no level, so that nothing is screened. */
    private double threshold = Double.POSITIVE_INFINITY;

    private long count;
    private java.util.function.LongConsumer onSpike;
    private long firstIndex = -1;
    private double firstRatio;
    private long largestIndex = -1;
    private double largestRatio;

    /** @param sampleRateHz sample rate, Hz */
    SpikeScan(double sampleRateHz) {
        int b = Math.max(MIN_BLOCK, (int) Math.round(BLOCK_S * sampleRateHz));
        this.stride = Math.max(1, b / MAX_PICKS);
        this.block = new double[b / stride];
        this.scratch = new double[block.length];
        int levelBlocks = Math.max(MIN_LEVEL_BLOCKS, (int) Math.round(LEVEL_S * sampleRateHz / b));
        this.mads = new double[levelBlocks];
        this.madScratch = new double[levelBlocks];
    }

    /** @param listener told the index of every outlying sample as soon as it is judged; may be null */
    void onSpike(java.util.function.LongConsumer listener) {
        this.onSpike = listener;
    }

    /** @param v the next sample (finite) */
    void add(double v) {
        int slot = (int) n & MASK;
        // far from the latest block's median, or a jump from the sample before (on a moving signal); the
        // ring's zeros before the first sample are never compared: the threshold is infinite until a block ends
        boolean screen = Math.abs(v - center) > threshold | Math.abs(v - ring[(slot - 1) & MASK]) > threshold;
        screened[slot] = screen;
        if (screen) {
            pending++;
        }
        ring[slot] = v;
        if (--untilPick == 0) {
            untilPick = stride;
            block[inBlock] = v;
            if (++inBlock == block.length) {
                endBlock();
            }
        }
        n++;
        if (pending > 0 && screened[(slot - NEIGHBOURS) & MASK] && n > NEIGHBOURS) {
            pending--;
            examine(n - 1 - NEIGHBOURS);
        }
    }

    /**
     * {@link #add} of {@code length} samples from {@code offset}.
     *
     * @param x      samples (finite)
     * @param offset first sample
     * @param length number of samples
     */
    void add(double[] x, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            add(x[i]);
        }
    }

    /** Examines the candidates among the last samples with the neighbours there are; call once, at the end. */
    void finish() {
        for (long p = Math.max(0, n - NEIGHBOURS); p < n; p++) {
            if (screened[(int) (p & MASK)]) {
                examine(p);
            }
        }
    }

    /** @return outliers found */
    long count() {
        return count;
    }

    /** @return index (from 0) of the first outlier, or -1 */
    long firstIndex() {
        return firstIndex;
    }

    /** @return the first outlier's deviation, in levels */
    double firstRatio() {
        return firstRatio;
    }

    /** @return index (from 0) of the largest outlier, or -1 */
    long largestIndex() {
        return largestIndex;
    }

    /** @return the largest outlier's deviation, in levels */
    double largestRatio() {
        return largestRatio;
    }

    private void endBlock() {
        int m = block.length;
        System.arraycopy(block, 0, scratch, 0, m);
        double median = Select.kth(scratch, m, m / 2);
        for (int i = 0; i < m; i++) {
            scratch[i] = Math.abs(block[i] - median);
        }
        double mad = Select.kth(scratch, m, m / 2);
        mads[(int) (blocks % mads.length)] = mad;
        blocks++;
        int k = (int) Math.min(blocks, mads.length);
        System.arraycopy(mads, 0, madScratch, 0, k);
        level = Select.kth(madScratch, k, k / 2);
        center = median;
        threshold = level > 0 ? SCREEN_FACTOR * level : Double.POSITIVE_INFINITY;
        inBlock = 0;
    }

    /**
     * Judges sample p, screened on arrival, in the window of its neighbours received so far: deviations are
     * taken from the line through the medians of the window's halves either side of p, so that a signal
     * moving steadily through the window (a slow swing sampled at 50 Hz) leaves its neighbours near the line.
     */
    private void examine(long p) {
        long from = Math.max(0, p - NEIGHBOURS);
        long to = Math.min(n - 1, p + NEIGHBOURS);
        int left = (int) (p - from);
        int right = (int) (to - p);
        for (int j = 0; j < left; j++) {
            window[j] = ring[(int) ((from + j) & MASK)];
        }
        double leftMedian = left > 0 ? Select.kth(window, left, left / 2) : Double.NaN;
        for (int j = 0; j < right; j++) {
            window[j] = ring[(int) ((p + 1 + j) & MASK)];
        }
        double rightMedian = right > 0 ? Select.kth(window, right, right / 2) : leftMedian;
        if (left == 0) {
            leftMedian = rightMedian;
        }
        // the line through (centre of the left half, its median) and (centre of the right half, its median)
        double slope = left > 0 && right > 0 ? (rightMedian - leftMedian) / (0.5 * (left + right) + 1) : 0;
        double leftCentre = p - 0.5 * (left + 1);
        double d = Math.abs(ring[(int) (p & MASK)] - (leftMedian + slope * (p - leftCentre)));
        if (!(d > threshold)) {
            return;
        }
        int near = 0;
        for (long j = from; j <= to; j++) {
            if (j == p) {
                continue;
            }
            double dj = Math.abs(ring[(int) (j & MASK)] - (leftMedian + slope * (j - leftCentre)));
            if (dj > d || (dj == d && j < p)) {
                // a larger neighbour (or an equal one before it): that one is the candidate, not this
                return;
            }
            if (dj * ISOLATION > d && ++near >= MAX_RUN) {
                return;
            }
        }
        double ratio = d / level;
        if (onSpike != null) {
            onSpike.accept(p);
        }
        if (count++ == 0) {
            firstIndex = p;
            firstRatio = ratio;
        }
        if (ratio > largestRatio) {
            largestIndex = p;
            largestRatio = ratio;
        }
    }
}
