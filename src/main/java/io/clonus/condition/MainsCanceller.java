package io.clonus.condition;

import io.clonus.dsp.Select;

/**
 * Removes power-line interference by subtracting a learned sinusoid at the mains frequency and its chosen
 * harmonics, instead of notch filtering. A notch narrow enough to spare the EMG rings after every burst
 * (a Q-30 notch at 50 Hz for about 0.2 s), filling the relaxation between clonus bursts; here the hum's
 * amplitude and phase are learned only while the signal is quiet (the learning stops while the short-term
 * power is above four times the quiet power), so a burst passes through untouched and leaves no tail.
 *
 * <p>Per harmonic h the hum is modelled as {@code a·cos(hφ) + b·sin(hφ)} with φ advancing by 2π f0 / fs per
 * sample (a rotating phasor, re-anchored on the exact phase every 4096 samples); a and b follow the
 * residual with a time constant of 0.5 s (least mean squares). The phase depends only on the sample
 * number, so learning can be done in a first pass over the start of a record and reused from sample 0.
 *
 * <p>Robust to artefacts: the quiet power starts as the median block power of the first
 * {@link #QUIET_START_S} (no learning before), and the error that teaches the weights is clipped at
 * {@link #CLIP_FACTOR} quiet RMS, so that one wild sample (an electrode pop) can neither become the quiet
 * level nor throw the weights so far that the gate, seeing the wrong hum left in the output, never lets
 * learning resume. Not thread-safe.
 */
final class MainsCanceller {
    private static final double LEARNING_TIME_S = 0.5;
    private static final double QUIET_TIME_S = 2.0;
    private static final double BLOCK_S = 0.008;
    private static final double BURST_FACTOR = 4.0;
    /**
     * The error that teaches the weights is clipped at this many quiet RMS (a Huber update). Gaussian
     * noise passes unchanged but for 0.3 % of its samples (beyond 3 SD), so the hum is learned as before;
     * a lone artefact sample, whose whole error would otherwise go into the weights (beta × 10⁴ = 20 per
     * line for a sample of 10⁴ at 2000 Hz, then too much hum left for the power gate to let learning resume),
     * moves them by at most beta × 3 quiet RMS per sample before the gate stops the learning at its block's end.
     */
    static final double CLIP_FACTOR = 3.0;
    /**
     * Seconds of blocks whose median power starts the quiet power, with no learning meanwhile. The first
     * block alone was fragile both ways: a spike's ringing through the band-pass (about 0.1 s of blocks for
     * a sample of 10⁴ over noise of RMS 5 at 2000 Hz) made it the quiet power and opened the gate (and the
     * clip) to everything for tens of seconds; and the band-pass, started in the steady state of the first
     * sample, lets the hum fade in over its first milliseconds, so that for some phases of a clean hum the
     * first block held less than a quarter of its power and learning never started (6 of 16 phases of a
     * 50 Hz hum over noise of RMS 0.5). The median of 0.25 s ignores both.
     */
    static final double QUIET_START_S = 0.25;

    private final double step;
    private final int harmonics;
    private final int[] orders;
    private final double[] a;
    private final double[] b;
    private final double beta;
    private final double quietAlpha;
    private final int block;
    private double blockPower;
    private int inBlock;
    private double quietPower = -1;
    /** Powers of the first blocks, whose median is the first quiet power. */
    private final double[] startPowers;
    private int started;
    /** Bound of the learning error, {@link #CLIP_FACTOR} quiet RMS; set once the quiet power is known. */
    private double clip;
    private boolean learning;
    private long n;
    private double c = 1;
    private double s;
    private final double cosStep;
    private final double sinStep;
    private final double[] hc;
    private final double[] hs;
    private static final long ANCHOR_MASK = (1L << 12) - 1;

    /**
     * @param mainsHz       the mains frequency, Hz
     * @param linesHz       the lines to cancel (multiples of mainsHz)
     * @param sampleRateHz  sample rate, Hz
     */
    MainsCanceller(double mainsHz, double[] linesHz, double sampleRateHz) {
        this.step = 2 * Math.PI * mainsHz / sampleRateHz;
        this.harmonics = linesHz.length;
        this.orders = new int[harmonics];
        for (int i = 0; i < harmonics; i++) {
            orders[i] = (int) Math.round(linesHz[i] / mainsHz);
        }
        this.cosStep = Math.cos(step);
        this.sinStep = Math.sin(step);
        this.hc = new double[harmonics];
        this.hs = new double[harmonics];
        this.a = new double[harmonics];
        this.b = new double[harmonics];
        this.beta = 2.0 / (LEARNING_TIME_S * sampleRateHz);
        this.block = Math.max(1, (int) Math.round(BLOCK_S * sampleRateHz));
        this.quietAlpha = block / (QUIET_TIME_S * sampleRateHz);
        this.startPowers = new double[Math.max(1, (int) Math.round(QUIET_START_S * sampleRateHz / block))];
    }

    /** Starts again from sample 0, keeping what was learned (weights and quiet power). */
    void rewind() {
        n = 0;
        inBlock = 0;
        blockPower = 0;
        learning = quietPower >= 0;
    }

    /**
     * Cancels the hum in place.
     *
     * @param x   samples (band-passed EMG), modified
     * @param len number of samples from index 0
     */
    void process(double[] x, int len) {
        processAny(x, len);
    }

    /**
     * @param sections sections of the band-pass in front of the canceller
     * @return whether {@link #filterAndProcess} can run that band-pass with these lines: four sections (the
     *         default 4th-order EMG band-pass) and one to five lines
     */
    boolean canFilter(int sections) {
        return sections == 4 && harmonics >= 1 && harmonics <= 5;
    }

    /**
     * Band-passes {@code x} with a four-section cascade and cancels the hum, in one pass: the same bits as
     * {@code SosFilter.process} (transposed direct form II, the same operations in the same order) followed
     * by {@link #process}. The canceller's per-sample dependency chain (weights to hum to error to weights)
     * is long and leaves the floating-point units mostly idle; the band-pass's own chain runs in that
     * time, so the filter costs little on top.
     *
     * @param coef  the cascade's normalised coefficients, six per section (b0, b1, b2, a0, a1, a2)
     * @param state the cascade's state (z0, z1 per section), updated
     * @param x     raw samples, replaced by the band-passed, cancelled samples
     * @param len   number of samples from index 0
     */
    void filterAndProcess(double[] coef, double[] state, double[] x, int len) {
        switch (harmonics) {
            case 1 -> filterAndCancel1(coef, state, x, len);
            case 2 -> filterAndCancel2(coef, state, x, len);
            case 3 -> filterAndCancel3(coef, state, x, len);
            case 4 -> filterAndCancel4(coef, state, x, len);
            case 5 -> filterAndCancel5(coef, state, x, len);
            default -> throw new IllegalStateException(harmonics + " lines: use process");
        }
    }

    // filterAndCancelH is SosFilter's four-section recurrence followed by processAny for H lines, with the
    // weights, the phasor and the block state in locals (registers) instead of fields and arrays, written
    // out once per line count by MainsKernelGenerator from one template: the same operations in the same
    // order, so the same bits, without a store and reload of every weight on each sample's dependency chain.

    // ---- generated by MainsKernelGenerator (src/test/java/io/clonus/condition): do not edit by hand

    private void filterAndCancel1(double[] coef, double[] state, double[] x, int len) {
        final double f00 = coef[0], f01 = coef[1], f02 = coef[2], g01 = coef[4], g02 = coef[5];
        final double f10 = coef[6], f11 = coef[7], f12 = coef[8], g11 = coef[10], g12 = coef[11];
        final double f20 = coef[12], f21 = coef[13], f22 = coef[14], g21 = coef[16], g22 = coef[17];
        final double f30 = coef[18], f31 = coef[19], f32 = coef[20], g31 = coef[22], g32 = coef[23];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3];
        double z20 = state[4], z21 = state[5], z30 = state[6], z31 = state[7];
        final int o0 = orders[0];
        final double beta = this.beta;
        final double cosStep = this.cosStep;
        final double sinStep = this.sinStep;
        final int block = this.block;
        double a0 = a[0];
        double b0 = b[0];
        double c = this.c;
        double s = this.s;
        long n = this.n;
        int inBlock = this.inBlock;
        double blockPower = this.blockPower;
        boolean learning = this.learning;
        double clip = this.clip;
        for (int i = 0; i < len; i++) {
            // the band-pass: SosFilter's recurrence, operation for operation
            final double v = x[i];
            final double y0 = f00 * v + z00;
            z00 = f01 * v - g01 * y0 + z01;
            z01 = f02 * v - g02 * y0;
            final double y1 = f10 * y0 + z10;
            z10 = f11 * y0 - g11 * y1 + z11;
            z11 = f12 * y0 - g12 * y1;
            final double y2 = f20 * y1 + z20;
            z20 = f21 * y1 - g21 * y2 + z21;
            z21 = f22 * y1 - g22 * y2;
            final double y = f30 * y2 + z30;
            z30 = f31 * y2 - g31 * y + z31;
            z31 = f32 * y2 - g32 * y;
            if ((n & ANCHOR_MASK) == 0) {
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (; order < o0; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch0 = ch;
            final double sh0 = sh;
            hum += a0 * ch0 + b0 * sh0;
            double e = y - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber), as in processAny
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                a0 += beta * u * ch0;
                b0 += beta * u * sh0;
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                clip = this.clip;
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        state[6] = z30;
        state[7] = z31;
        a[0] = a0;
        b[0] = b0;
        this.c = c;
        this.s = s;
        this.n = n;
        this.inBlock = inBlock;
        this.blockPower = blockPower;
        this.learning = learning;
    }

    private void filterAndCancel2(double[] coef, double[] state, double[] x, int len) {
        final double f00 = coef[0], f01 = coef[1], f02 = coef[2], g01 = coef[4], g02 = coef[5];
        final double f10 = coef[6], f11 = coef[7], f12 = coef[8], g11 = coef[10], g12 = coef[11];
        final double f20 = coef[12], f21 = coef[13], f22 = coef[14], g21 = coef[16], g22 = coef[17];
        final double f30 = coef[18], f31 = coef[19], f32 = coef[20], g31 = coef[22], g32 = coef[23];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3];
        double z20 = state[4], z21 = state[5], z30 = state[6], z31 = state[7];
        final int o0 = orders[0];
        final int o1 = orders[1];
        final double beta = this.beta;
        final double cosStep = this.cosStep;
        final double sinStep = this.sinStep;
        final int block = this.block;
        double a0 = a[0];
        double b0 = b[0];
        double a1 = a[1];
        double b1 = b[1];
        double c = this.c;
        double s = this.s;
        long n = this.n;
        int inBlock = this.inBlock;
        double blockPower = this.blockPower;
        boolean learning = this.learning;
        double clip = this.clip;
        for (int i = 0; i < len; i++) {
            // the band-pass: SosFilter's recurrence, operation for operation
            final double v = x[i];
            final double y0 = f00 * v + z00;
            z00 = f01 * v - g01 * y0 + z01;
            z01 = f02 * v - g02 * y0;
            final double y1 = f10 * y0 + z10;
            z10 = f11 * y0 - g11 * y1 + z11;
            z11 = f12 * y0 - g12 * y1;
            final double y2 = f20 * y1 + z20;
            z20 = f21 * y1 - g21 * y2 + z21;
            z21 = f22 * y1 - g22 * y2;
            final double y = f30 * y2 + z30;
            z30 = f31 * y2 - g31 * y + z31;
            z31 = f32 * y2 - g32 * y;
            if ((n & ANCHOR_MASK) == 0) {
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (; order < o0; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch0 = ch;
            final double sh0 = sh;
            hum += a0 * ch0 + b0 * sh0;
            for (; order < o1; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch1 = ch;
            final double sh1 = sh;
            hum += a1 * ch1 + b1 * sh1;
            double e = y - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber), as in processAny
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                a0 += beta * u * ch0;
                b0 += beta * u * sh0;
                a1 += beta * u * ch1;
                b1 += beta * u * sh1;
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                clip = this.clip;
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        state[6] = z30;
        state[7] = z31;
        a[0] = a0;
        b[0] = b0;
        a[1] = a1;
        b[1] = b1;
        this.c = c;
        this.s = s;
        this.n = n;
        this.inBlock = inBlock;
        this.blockPower = blockPower;
        this.learning = learning;
    }

    private void filterAndCancel3(double[] coef, double[] state, double[] x, int len) {
        final double f00 = coef[0], f01 = coef[1], f02 = coef[2], g01 = coef[4], g02 = coef[5];
        final double f10 = coef[6], f11 = coef[7], f12 = coef[8], g11 = coef[10], g12 = coef[11];
        final double f20 = coef[12], f21 = coef[13], f22 = coef[14], g21 = coef[16], g22 = coef[17];
        final double f30 = coef[18], f31 = coef[19], f32 = coef[20], g31 = coef[22], g32 = coef[23];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3];
        double z20 = state[4], z21 = state[5], z30 = state[6], z31 = state[7];
        final int o0 = orders[0];
        final int o1 = orders[1];
        final int o2 = orders[2];
        final double beta = this.beta;
        final double cosStep = this.cosStep;
        final double sinStep = this.sinStep;
        final int block = this.block;
        double a0 = a[0];
        double b0 = b[0];
        double a1 = a[1];
        double b1 = b[1];
        double a2 = a[2];
        double b2 = b[2];
        double c = this.c;
        double s = this.s;
        long n = this.n;
        int inBlock = this.inBlock;
        double blockPower = this.blockPower;
        boolean learning = this.learning;
        double clip = this.clip;
        for (int i = 0; i < len; i++) {
            // the band-pass: SosFilter's recurrence, operation for operation
            final double v = x[i];
            final double y0 = f00 * v + z00;
            z00 = f01 * v - g01 * y0 + z01;
            z01 = f02 * v - g02 * y0;
            final double y1 = f10 * y0 + z10;
            z10 = f11 * y0 - g11 * y1 + z11;
            z11 = f12 * y0 - g12 * y1;
            final double y2 = f20 * y1 + z20;
            z20 = f21 * y1 - g21 * y2 + z21;
            z21 = f22 * y1 - g22 * y2;
            final double y = f30 * y2 + z30;
            z30 = f31 * y2 - g31 * y + z31;
            z31 = f32 * y2 - g32 * y;
            if ((n & ANCHOR_MASK) == 0) {
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (; order < o0; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch0 = ch;
            final double sh0 = sh;
            hum += a0 * ch0 + b0 * sh0;
            for (; order < o1; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch1 = ch;
            final double sh1 = sh;
            hum += a1 * ch1 + b1 * sh1;
            for (; order < o2; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch2 = ch;
            final double sh2 = sh;
            hum += a2 * ch2 + b2 * sh2;
            double e = y - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber), as in processAny
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                a0 += beta * u * ch0;
                b0 += beta * u * sh0;
                a1 += beta * u * ch1;
                b1 += beta * u * sh1;
                a2 += beta * u * ch2;
                b2 += beta * u * sh2;
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                clip = this.clip;
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        state[6] = z30;
        state[7] = z31;
        a[0] = a0;
        b[0] = b0;
        a[1] = a1;
        b[1] = b1;
        a[2] = a2;
        b[2] = b2;
        this.c = c;
        this.s = s;
        this.n = n;
        this.inBlock = inBlock;
        this.blockPower = blockPower;
        this.learning = learning;
    }

    private void filterAndCancel4(double[] coef, double[] state, double[] x, int len) {
        final double f00 = coef[0], f01 = coef[1], f02 = coef[2], g01 = coef[4], g02 = coef[5];
        final double f10 = coef[6], f11 = coef[7], f12 = coef[8], g11 = coef[10], g12 = coef[11];
        final double f20 = coef[12], f21 = coef[13], f22 = coef[14], g21 = coef[16], g22 = coef[17];
        final double f30 = coef[18], f31 = coef[19], f32 = coef[20], g31 = coef[22], g32 = coef[23];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3];
        double z20 = state[4], z21 = state[5], z30 = state[6], z31 = state[7];
        final int o0 = orders[0];
        final int o1 = orders[1];
        final int o2 = orders[2];
        final int o3 = orders[3];
        final double beta = this.beta;
        final double cosStep = this.cosStep;
        final double sinStep = this.sinStep;
        final int block = this.block;
        double a0 = a[0];
        double b0 = b[0];
        double a1 = a[1];
        double b1 = b[1];
        double a2 = a[2];
        double b2 = b[2];
        double a3 = a[3];
        double b3 = b[3];
        double c = this.c;
        double s = this.s;
        long n = this.n;
        int inBlock = this.inBlock;
        double blockPower = this.blockPower;
        boolean learning = this.learning;
        double clip = this.clip;
        for (int i = 0; i < len; i++) {
            // the band-pass: SosFilter's recurrence, operation for operation
            final double v = x[i];
            final double y0 = f00 * v + z00;
            z00 = f01 * v - g01 * y0 + z01;
            z01 = f02 * v - g02 * y0;
            final double y1 = f10 * y0 + z10;
            z10 = f11 * y0 - g11 * y1 + z11;
            z11 = f12 * y0 - g12 * y1;
            final double y2 = f20 * y1 + z20;
            z20 = f21 * y1 - g21 * y2 + z21;
            z21 = f22 * y1 - g22 * y2;
            final double y = f30 * y2 + z30;
            z30 = f31 * y2 - g31 * y + z31;
            z31 = f32 * y2 - g32 * y;
            if ((n & ANCHOR_MASK) == 0) {
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (; order < o0; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch0 = ch;
            final double sh0 = sh;
            hum += a0 * ch0 + b0 * sh0;
            for (; order < o1; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch1 = ch;
            final double sh1 = sh;
            hum += a1 * ch1 + b1 * sh1;
            for (; order < o2; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch2 = ch;
            final double sh2 = sh;
            hum += a2 * ch2 + b2 * sh2;
            for (; order < o3; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch3 = ch;
            final double sh3 = sh;
            hum += a3 * ch3 + b3 * sh3;
            double e = y - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber), as in processAny
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                a0 += beta * u * ch0;
                b0 += beta * u * sh0;
                a1 += beta * u * ch1;
                b1 += beta * u * sh1;
                a2 += beta * u * ch2;
                b2 += beta * u * sh2;
                a3 += beta * u * ch3;
                b3 += beta * u * sh3;
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                clip = this.clip;
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        state[6] = z30;
        state[7] = z31;
        a[0] = a0;
        b[0] = b0;
        a[1] = a1;
        b[1] = b1;
        a[2] = a2;
        b[2] = b2;
        a[3] = a3;
        b[3] = b3;
        this.c = c;
        this.s = s;
        this.n = n;
        this.inBlock = inBlock;
        this.blockPower = blockPower;
        this.learning = learning;
    }

    private void filterAndCancel5(double[] coef, double[] state, double[] x, int len) {
        final double f00 = coef[0], f01 = coef[1], f02 = coef[2], g01 = coef[4], g02 = coef[5];
        final double f10 = coef[6], f11 = coef[7], f12 = coef[8], g11 = coef[10], g12 = coef[11];
        final double f20 = coef[12], f21 = coef[13], f22 = coef[14], g21 = coef[16], g22 = coef[17];
        final double f30 = coef[18], f31 = coef[19], f32 = coef[20], g31 = coef[22], g32 = coef[23];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3];
        double z20 = state[4], z21 = state[5], z30 = state[6], z31 = state[7];
        final int o0 = orders[0];
        final int o1 = orders[1];
        final int o2 = orders[2];
        final int o3 = orders[3];
        final int o4 = orders[4];
        final double beta = this.beta;
        final double cosStep = this.cosStep;
        final double sinStep = this.sinStep;
        final int block = this.block;
        double a0 = a[0];
        double b0 = b[0];
        double a1 = a[1];
        double b1 = b[1];
        double a2 = a[2];
        double b2 = b[2];
        double a3 = a[3];
        double b3 = b[3];
        double a4 = a[4];
        double b4 = b[4];
        double c = this.c;
        double s = this.s;
        long n = this.n;
        int inBlock = this.inBlock;
        double blockPower = this.blockPower;
        boolean learning = this.learning;
        double clip = this.clip;
        for (int i = 0; i < len; i++) {
            // the band-pass: SosFilter's recurrence, operation for operation
            final double v = x[i];
            final double y0 = f00 * v + z00;
            z00 = f01 * v - g01 * y0 + z01;
            z01 = f02 * v - g02 * y0;
            final double y1 = f10 * y0 + z10;
            z10 = f11 * y0 - g11 * y1 + z11;
            z11 = f12 * y0 - g12 * y1;
            final double y2 = f20 * y1 + z20;
            z20 = f21 * y1 - g21 * y2 + z21;
            z21 = f22 * y1 - g22 * y2;
            final double y = f30 * y2 + z30;
            z30 = f31 * y2 - g31 * y + z31;
            z31 = f32 * y2 - g32 * y;
            if ((n & ANCHOR_MASK) == 0) {
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (; order < o0; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch0 = ch;
            final double sh0 = sh;
            hum += a0 * ch0 + b0 * sh0;
            for (; order < o1; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch1 = ch;
            final double sh1 = sh;
            hum += a1 * ch1 + b1 * sh1;
            for (; order < o2; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch2 = ch;
            final double sh2 = sh;
            hum += a2 * ch2 + b2 * sh2;
            for (; order < o3; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch3 = ch;
            final double sh3 = sh;
            hum += a3 * ch3 + b3 * sh3;
            for (; order < o4; order++) {
                double t = ch * c - sh * s;
                sh = sh * c + ch * s;
                ch = t;
            }
            final double ch4 = ch;
            final double sh4 = sh;
            hum += a4 * ch4 + b4 * sh4;
            double e = y - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber), as in processAny
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                a0 += beta * u * ch0;
                b0 += beta * u * sh0;
                a1 += beta * u * ch1;
                b1 += beta * u * sh1;
                a2 += beta * u * ch2;
                b2 += beta * u * sh2;
                a3 += beta * u * ch3;
                b3 += beta * u * sh3;
                a4 += beta * u * ch4;
                b4 += beta * u * sh4;
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                clip = this.clip;
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        state[6] = z30;
        state[7] = z31;
        a[0] = a0;
        b[0] = b0;
        a[1] = a1;
        b[1] = b1;
        a[2] = a2;
        b[2] = b2;
        a[3] = a3;
        b[3] = b3;
        a[4] = a4;
        b[4] = b4;
        this.c = c;
        this.s = s;
        this.n = n;
        this.inBlock = inBlock;
        this.blockPower = blockPower;
        this.learning = learning;
    }
    // ---- end of generated code

    /**
     * Ends a block of {@code block} samples whose summed power is given: during the first
     * {@link #QUIET_START_S} the block's power is only collected, and the quiet power starts as their
     * median; afterwards a block at most {@link #BURST_FACTOR} times the quiet power updates it. Sets
     * {@link #clip} from the quiet power.
     *
     * @return whether to learn during the next block
     */
    private boolean endBlock(double summedPower) {
        double power = summedPower / block;
        if (quietPower < 0) {
            startPowers[started++] = power;
            if (started < startPowers.length) {
                return false;
            }
            quietPower = Select.kth(startPowers, started, started / 2);
        }
        boolean learn = power <= BURST_FACTOR * quietPower;
        if (learn) {
            quietPower += quietAlpha * (power - quietPower);
        }
        clip = CLIP_FACTOR * Math.sqrt(quietPower);
        return learn;
    }

    private void processAny(double[] x, int len) {
        for (int i = 0; i < len; i++) {
            if ((n & ANCHOR_MASK) == 0) {
                // re-anchor the rotating phasor on the exact phase, so rounding cannot accumulate
                c = Math.cos(step * n);
                s = Math.sin(step * n);
            }
            double hum = 0;
            double ch = 1;
            double sh = 0;
            int order = 0;
            for (int h = 0; h < harmonics; h++) {
                while (order < orders[h]) {
                    double t = ch * c - sh * s;
                    sh = sh * c + ch * s;
                    ch = t;
                    order++;
                }
                hc[h] = ch;
                hs[h] = sh;
                hum += a[h] * ch + b[h] * sh;
            }
            double e = x[i] - hum;
            if (learning) {
                // the error clipped at a few quiet RMS (Huber): one wild sample moves the weights by at most
                // beta times the clip, not beta times itself
                double u = e;
                if (Math.abs(u) > clip) {
                    u = u > 0 ? clip : -clip; // rare (a pop): a branch, off the weights' dependency chain
                }
                for (int h = 0; h < harmonics; h++) {
                    a[h] += beta * u * hc[h];
                    b[h] += beta * u * hs[h];
                }
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                learning = endBlock(blockPower);
                inBlock = 0;
                blockPower = 0;
            }
            double t = c * cosStep - s * sinStep;
            s = s * cosStep + c * sinStep;
            c = t;
            n++;
        }
    }
}
