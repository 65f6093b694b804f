package io.clonus.detect;

import io.clonus.condition.EmgConditioner;
import io.clonus.condition.AccConditioner;

/**
 * Finds clonus in one signal: conditions it ({@link EmgConditioner} or {@link AccConditioner}), finds
 * beats and episodes (the stages of {@code io.clonus.beats} and {@code io.clonus.episodes}), estimates the record's rhythm ({@link RhythmAccumulator}) and
 * classifies the record by its most severe episode. It runs the {@link StreamingDetector} over the whole
 * signal, so offline and real-time analysis give the same episodes.
 *
 * <p>The samples are checked as they are read: a NaN or infinite sample, a record shorter than
 * {@link DetectorConfig#MIN_DURATION_S}, a sample rate too low for the type, or a flat line are refused
 * with an {@link InvalidSignalException} that says which and what would be right. Clipping, a narrowed EMG
 * band and a flat axis of a multi-axis sensor are reported as warnings in the result.
 *
 * <p>Immutable and thread-safe: one detector may analyse many signals at once. Memory beyond the input is
 * a few seconds of envelope and the beats found; the input is read in chunks and never copied whole.
 */
public final class ClonusDetector {
    private static final int CHUNK = 8192;

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
        return analyze(signal, null);
    }

    /**
     * Analyses one signal and tells a listener what is found, in time order, as the real-time detector
     * would: beats, episodes, and the runs of candidates that were judged and rejected (with the rule and the
     * measured value).
     *
     * @param signal   the samples and their rate; not modified
     * @param listener hears the events; may be null
     * @return the result
     * @throws InvalidSignalException if the signal cannot be analysed (the message says why)
     */
    public ClonusResult analyze(Signal signal, DetectionListener listener) {
        java.util.Objects.requireNonNull(signal, "signal is null: pass a Signal, e.g. Signal.emg(label, rateHz, samples)");
        int n = signal.length();
        int axes = signal.axisCount();
        StreamingDetector stream = StreamingDetector.create(config, signal.type(), signal.label(),
                signal.sampleRateHz(), axes, listener);
        double[][] buf = new double[axes][Math.max(1, Math.min(CHUNK, n))];
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            for (int a = 0; a < axes; a++) {
                signal.copyTo(a, i, buf[a], 0, m);
            }
            stream.accept(buf, 0, m);
        }
        return stream.finish();
    }
}
