package io.clonus.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds clonus in one signal: conditions it ({@link EmgConditioner} or {@link AccConditioner}), finds
 * beats and episodes ({@link BeatFinder}), estimates the record's rhythm and classifies the record by its
 * most severe episode. The same steps run, sample by sample, in the real-time detector, so both give the
 * same answer.
 *
 * <p>Before analysis the samples are checked: a NaN or infinite sample, a record shorter than
 * {@link DetectorConfig#MIN_DURATION_S}, a sample rate too low for the type, or a flat line are refused
 * with an {@link InvalidSignalException} that says which and what would be right. Clipping, a narrowed EMG
 * band and a flat axis of a multi-axis sensor are reported as warnings in the result.
 *
 * <p>Immutable and thread-safe: one detector may analyse many signals at once. Memory beyond the input is
 * a small multiple of the envelope (1/8 of the input for EMG at 2 kHz) plus a few seconds of buffers.
 */
public final class ClonusDetector {
    private static final int CHUNK = 8192;
    /** Fraction of samples at the extremes from which a signal is reported as clipped. */
    static final double CLIPPED_FRACTION = 0.001;

    private final DetectorConfig config;

    private ClonusDetector(DetectorConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /** @return a detector with the default parameters */
    public static ClonusDetector create() {
        return new ClonusDetector(DetectorConfig.defaults());
    }

    /**
     * @param config the parameters
     * @return a detector with them
     */
    public static ClonusDetector of(DetectorConfig config) {
        return new ClonusDetector(config);
    }

    /** @return the parameters */
    public DetectorConfig config() {
        return config;
    }

    /**
     * Analyses one signal.
     *
     * @param signal the samples and their rate; not modified
     * @return the result
     * @throws InvalidSignalException if the signal cannot be analysed (the message says why)
     */
    public ClonusResult analyze(Signal signal) {
        List<String> warnings = new ArrayList<>();
        check(signal, config, warnings);
        int n = signal.length();
        double fs = signal.sampleRateHz();
        BeatFinder finder;
        Conditioning conditioning;
        try {
            if (signal.type() == SignalType.EMG) {
                Forward forward = new Forward();
                EmgConditioner c = new EmgConditioner(config, fs, forward);
                finder = new BeatFinder(config, SignalType.EMG, c.envelopeRateHz(), c.time0S(), null);
                forward.target = finder;
                double[] buf = new double[Math.min(CHUNK, n)];
                for (int i = 0; i < n; i += CHUNK) {
                    int m = Math.min(CHUNK, n - i);
                    signal.copyTo(0, i, buf, 0, m);
                    c.accept(buf, 0, m);
                }
                c.finish();
                conditioning = c.conditioning();
                if (conditioning.filterHighHz() < config.emgHighHz()) {
                    warnings.add(String.format(Locale.ROOT,
                            "EMG sampled at %.4g Hz: band-pass narrowed to %.0f-%.0f Hz (%.0f Hz or more keeps %.0f Hz)",
                            fs, conditioning.filterLowHz(), conditioning.filterHighHz(),
                            config.emgHighHz() / 0.45, config.emgHighHz()));
                }
            } else {
                Forward forward = new Forward();
                AccConditioner c = new AccConditioner(config, fs, signal.axisCount(), forward);
                finder = new BeatFinder(config, SignalType.ACC, fs, c.time0S(), null);
                forward.target = finder;
                int axes = signal.axisCount();
                double[][] buf = new double[axes][Math.min(CHUNK, n)];
                for (int i = 0; i < n; i += CHUNK) {
                    int m = Math.min(CHUNK, n - i);
                    for (int a = 0; a < axes; a++) {
                        signal.copyTo(a, i, buf[a], 0, m);
                    }
                    c.accept(buf, 0, m);
                }
                conditioning = c.conditioning();
            }
        } catch (InvalidSignalException e) {
            throw new InvalidSignalException(signal.label(), e.getMessage());
        }
        finder.finish();
        List<Episode> episodes = finder.episodes();
        Classification cls = Classification.NONE;
        for (Episode e : episodes) {
            cls = cls.max(e.classification());
        }
        return new ClonusResult(signal.label(), signal.type(), fs, signal.durationS(), cls, episodes, finder.rhythm(),
                conditioning, config, warnings);
    }

    /** Forwards the conditioner's output to a finder made after the conditioner. */
    private static final class Forward implements DetectionSink {
        BeatFinder target;

        @Override
        public void accept(double value, double level, double power) {
            target.accept(value, level, power);
        }
    }

    /**
     * Checks a signal before analysis; the same checks run in the CLI and the real-time detector.
     *
     * @param signal   the signal
     * @param config   the parameters (for the minimum sample rate)
     * @param warnings receives warnings (clipping, flat axis); modified
     * @throws InvalidSignalException naming the first problem that prevents analysis
     */
    public static void check(Signal signal, DetectorConfig config, List<String> warnings) {
        String label = signal.label();
        double fs = signal.sampleRateHz();
        if (signal.type() == SignalType.EMG && fs < DetectorConfig.MIN_EMG_SAMPLE_RATE_HZ) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "EMG sampled at %.4g Hz is too slow: the %.0f-%.0f Hz EMG band needs about %.0f Hz"
                            + " (at least %.0f Hz is accepted)", fs, config.emgLowHz(), config.emgHighHz(),
                    DetectorConfig.RECOMMENDED_EMG_SAMPLE_RATE_HZ, DetectorConfig.MIN_EMG_SAMPLE_RATE_HZ));
        }
        if (signal.type() == SignalType.ACC && fs < AccConditioner.minSampleRateHz(config)) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "accelerometer sampled at %.4g Hz is too slow: rhythms up to %.3g Hz need at least %.3g Hz",
                    fs, config.searchHighHz(), AccConditioner.minSampleRateHz(config)));
        }
        int n = signal.length();
        if (n == 0) {
            throw new InvalidSignalException(label, "no samples");
        }
        if (signal.durationS() < DetectorConfig.MIN_DURATION_S) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "record of %d samples (%.3g s at %.4g Hz) is too short: at least %.3g s is needed", n,
                    signal.durationS(), fs, DetectorConfig.MIN_DURATION_S));
        }
        int flatAxes = 0;
        for (int a = 0; a < signal.axisCount(); a++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = signal.sample(a, i);
                if (!Double.isFinite(x)) {
                    throw new InvalidSignalException(label, String.format(Locale.ROOT,
                            "sample %d%s (t = %.4f s) is %s: fill or cut gaps before analysis", i + 1,
                            signal.axisCount() > 1 ? " of axis " + (a + 1) : "", i / fs,
                            Double.isNaN(x) ? "NaN" : "infinite"));
                }
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (min == max) {
                flatAxes++;
                if (signal.axisCount() > 1) {
                    warnings.add(String.format(Locale.ROOT, "axis %d is flat (all samples %s)", a + 1, fmt(min)));
                }
                continue;
            }
            long atExtremes = 0;
            int run = 0;
            for (int i = 0; i < n; i++) {
                double x = signal.sample(a, i);
                if (x == min || x == max) {
                    run++;
                    if (run == 3) {
                        atExtremes += 3;
                    } else if (run > 3) {
                        atExtremes++;
                    }
                } else {
                    run = 0;
                }
            }
            if (atExtremes > CLIPPED_FRACTION * n) {
                warnings.add(String.format(Locale.ROOT,
                        "%s%d samples (%.2g %%) sit in runs at the extreme values %s and %s: the signal may be clipped",
                        signal.axisCount() > 1 ? "axis " + (a + 1) + ": " : "", atExtremes, 100.0 * atExtremes / n,
                        fmt(min), fmt(max)));
            }
        }
        if (flatAxes == signal.axisCount()) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "flat line: all %d samples%s are equal (%s); is the electrode or sensor connected?", n,
                    signal.axisCount() > 1 ? " of every axis" : "", fmt(signal.sample(0, 0))));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
