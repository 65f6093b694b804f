package io.clonus.detect;

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
 * Not thread-safe.
 */
final class MainsCanceller {
    private static final double LEARNING_TIME_S = 0.5;
    private static final double QUIET_TIME_S = 2.0;
    private static final double BLOCK_S = 0.008;
    private static final double BURST_FACTOR = 4.0;

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
    private boolean learning = true;
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
    }

    /** Starts again from sample 0, keeping what was learned. */
    void rewind() {
        n = 0;
        inBlock = 0;
        blockPower = 0;
        learning = true;
    }

    /**
     * Cancels the hum in place.
     *
     * @param x   samples (band-passed EMG), modified
     * @param len number of samples from index 0
     */
    void process(double[] x, int len) {
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
                for (int h = 0; h < harmonics; h++) {
                    a[h] += beta * e * hc[h];
                    b[h] += beta * e * hs[h];
                }
            }
            x[i] = e;
            blockPower += e * e;
            if (++inBlock == block) {
                double power = blockPower / block;
                if (quietPower < 0) {
                    quietPower = power;
                }
                learning = power <= BURST_FACTOR * quietPower;
                if (learning) {
                    quietPower += quietAlpha * (power - quietPower);
                }
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
