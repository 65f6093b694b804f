package io.clonus.condition;

import io.clonus.detect.DetectorConfig;
import io.clonus.detect.InvalidSignalException;
import io.clonus.detect.Fmt;
import io.clonus.detect.Conditioning;
import io.clonus.detect.DetectionSink;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;

/**
 * Turns one to three accelerometer or gyroscope axes into one oscillation along the principal axis of
 * motion, causally and in constant memory.
 *
 * <ol>
 * <li>Each axis is band-passed (2nd-order Butterworth, 0.6 × search low edge to 1.25 × search high edge,
 *     by default 1.5–20 Hz, capped at 0.45 × sample rate). This removes gravity and slow movement while
 *     keeping the fundamental of any rhythm in the search range, so that harmonics of slow shaking do not
 *     pose as a faster rhythm. Each filter starts in the steady state of its first sample, so gravity
 *     causes no transient.</li>
 * <li>A running covariance of the filtered axes (exponential, time constant {@code axisTimeConstantS})
 *     gives the principal axis, refined every 20 ms by power iterations starting from the previous axis,
 *     which keeps its sign continuous.</li>
 * <li>The filtered axes are projected onto it. Projecting, unlike the vector magnitude, keeps the
 *     oscillation's frequency (the magnitude of a to-and-fro movement peaks twice per cycle). The
 *     projection leaves out an axis whose raw samples have not reversed direction for two periods of the
 *     search range's low edge, or not yet ({@link MonotoneGate}: a ramp or drift, or one quantised into a
 *     staircase): it holds no oscillation, and a staircase's steps would ring the band-pass like cycles.</li>
 * </ol>
 * Not thread-safe.
 */
public final class AccConditioner {
    /** Butterworth order of the per-axis band-pass. */
    public static final int FILTER_ORDER = 2;
    private static final int POWER_ITERATIONS = 8;
    private final DetectorConfig cfg;
    private final double fs;
    private final int axes;
    private final DetectionSink sink;
    private final Sos sos;
    private final SosFilter[] filters;
    private final MonotoneGate[] gates;
    private final double lowHz;
    private final double highHz;
    private final double alpha;
    private final int hop;
    private final double[] cov = new double[9];
    private final double[] v = new double[3];
    private final double[] b = new double[3];
    private final double[] tmp = new double[3];
    private final boolean[] open = new boolean[3];
    private long n;
    private double rawMax;

    /**
     * @param config       detector parameters
     * @param sampleRateHz sample rate, Hz; at least 2.5 × the search range's high edge
     * @param axisCount    1 to 3
     * @param sink         receives the principal-axis oscillation
     * @throws InvalidSignalException if the sample rate is too low for the search range
     */
    public AccConditioner(DetectorConfig config, double sampleRateHz, int axisCount, DetectionSink sink) {
        this.cfg = config;
        this.fs = sampleRateHz;
        this.axes = axisCount;
        this.sink = sink;
        double minRate = minSampleRateHz(config);
        if (!(sampleRateHz >= minRate)) {
            throw new InvalidSignalException("", "accelerometer sampled at " + Fmt.num(sampleRateHz)
                    + " Hz is too slow: rhythms up to " + Fmt.num(config.searchHighHz()) + " Hz need at least "
                    + Fmt.num(minRate) + " Hz");
        }
        this.lowHz = Math.max(0.3, 0.6 * config.searchLowHz());
        this.highHz = Math.min(1.25 * config.searchHighHz(), 0.45 * sampleRateHz);
        this.sos = Butterworth.bandPass(FILTER_ORDER, lowHz, highHz, sampleRateHz);
        this.filters = new SosFilter[axisCount];
        this.gates = new MonotoneGate[axisCount];
        for (int a = 0; a < axisCount; a++) {
            filters[a] = SosFilter.of(sos);
            gates[a] = new MonotoneGate(sampleRateHz, config.searchLowHz());
        }
        this.alpha = 1.0 / (config.axisTimeConstantS() * sampleRateHz);
        this.hop = Math.max(1, (int) Math.round(0.02 * sampleRateHz));
        double s = 1 / Math.sqrt(axisCount);
        for (int a = 0; a < axisCount; a++) {
            v[a] = s;
        }
    }

    /**
     * @param config detector parameters
     * @return the lowest accelerometer sample rate accepted: 2.5 × the search range's high edge, Hz
     */
    public static double minSampleRateHz(DetectorConfig config) {
        return 2.5 * config.searchHighHz();
    }

    /** @return the conditioning applied */
    public Conditioning conditioning() {
        return new Conditioning(lowHz, highHz, FILTER_ORDER, 0, java.util.List.of(), fs, delayS());
    }

    /** @return delay of the band-pass at the centre of the clonus band, seconds */
    public double delayS() {
        return FilterMath.groupDelayS(sos, 0.5 * (cfg.bandLowHz() + cfg.bandHighHz()), fs);
    }

    /** @return time of output sample 0 after correcting for the band-pass delay, seconds */
    public double time0S() {
        return -delayS();
    }

    /**
     * Feeds samples of all axes.
     *
     * @param x      one array per axis (as many as given to the constructor), not modified
     * @param offset first sample
     * @param length number of samples
     */
    public void accept(double[][] x, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            for (int a = 0; a < axes; a++) {
                double xi = x[a][i];
                if (n == 0) {
                    filters[a].initSteadyState(xi);
                }
                b[a] = filters[a].process(xi);
                open[a] = gates[a].open(xi);
                if (Math.abs(xi) > rawMax) {
                    rawMax = Math.abs(xi);
                    sink.inputMagnitude(rawMax);
                }
            }
            // equal weights at first, so that the early covariance is an average rather than one sample
            double w = Math.max(alpha, 1.0 / (n + 1));
            for (int p = 0; p < axes; p++) {
                for (int q = 0; q < axes; q++) {
                    int idx = p * 3 + q;
                    cov[idx] += w * (b[p] * b[q] - cov[idx]);
                }
            }
            n++;
            if (n % hop == 0) {
                powerStep();
            }
            // the principal axis follows every axis; the projection leaves out those the gate shut
            double p = 0;
            for (int a = 0; a < axes; a++) {
                if (open[a]) {
                    p += v[a] * b[a];
                }
            }
            sink.accept(p, Math.abs(p), p * p);
        }
    }

    /**
     * Power iterations from the current axis: a few suffice because the axis changes little between
     * updates, and starting from it keeps its sign. When a new oscillation dominates, the iterations turn
     * the axis to it within one update.
     */
    private void powerStep() {
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double norm = 0;
            for (int p = 0; p < axes; p++) {
                double s = 0;
                for (int q = 0; q < axes; q++) {
                    s += cov[p * 3 + q] * v[q];
                }
                tmp[p] = s;
                norm += s * s;
            }
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return;
            }
            norm = Math.sqrt(norm);
            for (int p = 0; p < axes; p++) {
                v[p] = tmp[p] / norm;
            }
        }
    }
}
