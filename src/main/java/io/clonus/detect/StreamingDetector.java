package io.clonus.detect;

import io.clonus.condition.EmgConditioner;
import io.clonus.condition.AccConditioner;
import io.clonus.episodes.ChainTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds clonus in samples as they arrive, in chunks of any size, and tells a {@link DetectionListener}
 * about beats and episodes as they are found. {@link ClonusDetector} runs the same code over a whole
 * signal, so a record analysed in real time and offline gives the same episodes, whatever the chunk
 * sizes.
 *
 * <p><b>Latency.</b> A beat is reported {@link #beatLatencyS()} after it happened (one longest beat interval
 * of look-ahead, 0.4 s with the default band, plus the EMG envelope's delay, which is corrected in the
 * reported times); the beats of an episode so far are reported together when it is recognised: when its
 * chain reaches {@code openBeats} beats, or, for a shorter chain, {@code 1 + linkTolerance} periods after its
 * last beat, when the silence after it is known. The chain's first beat is then known at most
 * {@code openBeats - 2 + 1 + linkTolerance} periods plus the beat latency after it ({@link #recognitionLatencyS},
 * 1.32 s at 5 Hz with the defaults); beats linked back before the chain (up to {@code maxBackfillBeats}) are
 * older still. An episode is reported ended at most {@code 1 + maxMissedBeats + 0.5} periods after its last
 * beat, plus {@code 1.5} more when a beat after a gap waits for the next to confirm it, plus the beat latency
 * ({@link #episodeEndLatencyS}, 1.44 s at 5 Hz), since up to {@code maxMissedBeats} missing beats are
 * waited for; its final beats and times are those of
 * {@link DetectionListener#onEpisodeEnd}. With
 * {@link MainsSetting#AUTO} the first {@code mainsProbeS} seconds (4 s) of EMG are held back once, to
 * detect the mains frequency, before any output.
 *
 * <p><b>Memory</b> is constant: a few seconds of envelope, the current episode's beats and up to
 * {@code maxEpisodeEvidenceS} of its envelope; nothing is allocated per sample in steady state (EMG is
 * copied through a fixed 4096-sample buffer). Not thread-safe: feed it from one thread.
 */
public final class StreamingDetector {
    private final DetectorConfig config;
    private final SignalType type;
    private final String label;
    private final double sampleRateHz;
    private final int axes;
    private final EmgConditioner emg;
    private final AccConditioner acc;
    private final DetectionStages finder;
    private final SampleChecks checks;
    private final double[][] single = new double[1][];
    private boolean finished;
    private String failure;

    private StreamingDetector(DetectorConfig config, SignalType type, String label, double sampleRateHz, int axes,
            DetectionListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.type = Objects.requireNonNull(type, "type");
        this.label = label == null ? "" : label;
        this.sampleRateHz = sampleRateHz;
        this.axes = axes;
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new InvalidSignalException(this.label, "sample rate must be a positive number of Hz, got " + sampleRateHz);
        }
        if (type == SignalType.EMG && axes != 1) {
            throw new InvalidSignalException(this.label, "an EMG signal has one channel, got " + axes);
        }
        if (axes < 1 || axes > 3) {
            throw new InvalidSignalException(this.label, "an accelerometer has 1 to 3 axes, got " + axes);
        }
        Forward forward = new Forward();
        try {
            if (type == SignalType.EMG) {
                emg = new EmgConditioner(config, sampleRateHz, forward);
                acc = null;
                finder = new DetectionStages(config, type, emg.envelopeRateHz(), emg.time0S(), listener);
            } else {
                acc = new AccConditioner(config, sampleRateHz, axes, forward);
                emg = null;
                finder = new DetectionStages(config, type, sampleRateHz, acc.time0S(), listener);
            }
        } catch (InvalidSignalException e) {
            throw new InvalidSignalException(this.label, e.getMessage());
        }
        forward.target = finder;
        checks = new SampleChecks(this.label, sampleRateHz, axes, type);
        // an outlying sample (an electrode pop, a knock) is no beat: the beat stage is told before it sees it
        DetectionStages stages = finder;
        checks.onSpike(index -> stages.artefactAtS(index / sampleRateHz));
    }

    /**
     * @param config       detector parameters
     * @param type         signal type
     * @param label        channel or sensor name (may be empty)
     * @param sampleRateHz sample rate, Hz
     * @param axes         1 for EMG, 1–3 for ACC
     * @param listener     hears beats and episodes; may be null when only the final result matters
     * @return a detector waiting for samples
     * @throws InvalidSignalException if the sample rate is not positive or too low for the type
     */
    public static StreamingDetector create(DetectorConfig config, SignalType type, String label, double sampleRateHz,
            int axes, DetectionListener listener) {
        return new StreamingDetector(config, type, label, sampleRateHz, axes, listener);
    }

    /**
     * A detector for one EMG channel, as {@link Signal#emg} describes one.
     *
     * @param label        channel name (may be empty)
     * @param sampleRateHz sample rate, Hz
     * @param config       detector parameters
     * @param listener     hears beats and episodes; may be null when only the final result matters
     * @return a detector waiting for samples ({@link #accept(double[], int, int)})
     * @throws InvalidSignalException if the sample rate is not positive or too low for EMG
     */
    public static StreamingDetector emg(String label, double sampleRateHz, DetectorConfig config,
            DetectionListener listener) {
        return create(config, SignalType.EMG, label, sampleRateHz, 1, listener);
    }

    /**
     * A detector for the axes of one accelerometer or gyroscope, as {@link Signal#acc} describes one.
     *
     * @param label        sensor name (may be empty)
     * @param sampleRateHz sample rate, Hz
     * @param axisCount    how many axes each sample carries, 1 to 3
     * @param config       detector parameters
     * @param listener     hears beats and episodes; may be null when only the final result matters
     * @return a detector waiting for samples ({@link #accept(double[][], int, int)}, one array per axis)
     * @throws InvalidSignalException if the rate is not positive or too low, or the axis count not 1 to 3
     */
    public static StreamingDetector acc(String label, double sampleRateHz, int axisCount, DetectorConfig config,
            DetectionListener listener) {
        return create(config, SignalType.ACC, label, sampleRateHz, axisCount, listener);
    }

    /**
     * Feeds samples of a one-axis signal (an EMG channel).
     *
     * @param x      samples, not modified
     * @param offset first sample
     * @param length number of samples
     * @throws InvalidSignalException at a NaN or infinite sample (nothing after it is processed; the detector
     *                                then refuses further samples and {@link #finish()} with an
     *                                {@link IllegalStateException})
     */
    public void accept(double[] x, int offset, int length) {
        if (axes != 1) {
            throw new IllegalStateException("this detector expects " + axes + " axes: use accept(double[][], ...)");
        }
        ensureOpen();
        single[0] = x;
        try {
            checks.checkBlock(single, offset, length);
        } catch (InvalidSignalException e) {
            failure = e.getMessage();
            throw e;
        } finally {
            single[0] = null;
        }
        if (emg != null) {
            emg.accept(x, offset, length);
        } else {
            single[0] = x;
            acc.accept(single, offset, length);
            single[0] = null;
        }
    }

    /**
     * Feeds samples of all axes.
     *
     * @param x      one array per axis, not modified
     * @param offset first sample
     * @param length number of samples
     * @throws InvalidSignalException at a NaN or infinite sample
     */
    public void accept(double[][] x, int offset, int length) {
        if (x.length != axes) {
            throw new IllegalArgumentException("expected " + axes + " axes, got " + x.length);
        }
        if (emg != null) {
            accept(x[0], offset, length);
            return;
        }
        ensureOpen();
        try {
            checks.checkBlock(x, offset, length);
        } catch (InvalidSignalException e) {
            failure = e.getMessage();
            throw e;
        }
        acc.accept(x, offset, length);
    }

    private void ensureOpen() {
        if (failure != null) {
            throw new IllegalStateException("this detector refused a sample (" + failure
                    + ") and takes no more; make a new detector for the next stretch");
        }
        if (finished) {
            throw new IllegalStateException("finish() was called; make a new detector for more samples");
        }
    }

    /**
     * Ends the input: judges the last beats, closes an open episode and returns the result, the same as
     * {@link ClonusDetector#analyze} of the whole signal.
     *
     * @return the result
     * @throws InvalidSignalException if the record was too short or a flat line
     */
    public ClonusResult finish() {
        ensureOpen();
        finished = true;
        List<String> warnings = new ArrayList<>();
        checks.finish(warnings);
        Conditioning conditioning;
        if (emg != null) {
            emg.finish();
            conditioning = emg.conditioning();
            if (conditioning.filterHighHz() < config.emgHighHz()) {
                warnings.add("EMG sampled at " + Fmt.num(sampleRateHz) + " Hz: band-pass narrowed to "
                        + Fmt.num(conditioning.filterLowHz()) + "-" + Fmt.num(conditioning.filterHighHz()) + " Hz ("
                        + Fmt.num(Math.ceil(config.emgHighHz() / 0.45)) + " Hz or more keeps "
                        + Fmt.num(config.emgHighHz()) + " Hz)");
            }
        } else {
            conditioning = acc.conditioning();
        }
        finder.finish();
        List<Episode> episodes = finder.episodes();
        Classification cls = Classification.NONE;
        for (Episode e : episodes) {
            cls = cls.max(e.classification());
        }
        return new ClonusResult(label, type, sampleRateHz, checks.samples() / sampleRateHz, cls, episodes,
                finder.rhythm(), conditioning, config, warnings);
    }

    /** @return samples received so far (per axis) */
    public long samples() {
        return checks.samples();
    }

    /** @return how long after a beat it is known, seconds */
    public double beatLatencyS() {
        return finder.beatLatencyS() + (emg != null ? Math.max(0, emg.delayS()) : Math.max(0, acc.delayS()));
    }

    /**
     * @param frequencyHz an episode's beat frequency
     * @return at most how long after its last beat an episode at that frequency is reported ended, seconds
     */
    public double episodeEndLatencyS(double frequencyHz) {
        Thresholds t = config.thresholds();
        double late = Math.min(t.extendTolerance(), ChainTracker.MAX_WINDOW_REACH);
        // the last window waited for (the beat after maxMissedBeats missing ones); when a beat after a gap was
        // taken and nothing follows it, one more window passes before it is dropped and the episode ends
        double periods = 1 + t.maxMissedBeats() + late + (t.maxMissedBeats() > 0 ? 1 + late : 0);
        return periods / frequencyHz + beatLatencyS();
    }

    /**
     * @param frequencyHz an episode's beat frequency
     * @return at most how long after the first beat of the chain that opens it an episode is recognised,
     *         seconds: a chain of {@code openBeats - 1} beats judged once the silence after it is known
     */
    public double recognitionLatencyS(double frequencyHz) {
        Thresholds t = config.thresholds();
        return (t.openBeats() - 2 + 1 + t.linkTolerance()) / frequencyHz + beatLatencyS();
    }

    /** Forwards the conditioner's output to the finder made after it. */
    private static final class Forward implements DetectionSink {
        DetectionStages target;

        @Override
        public void accept(double value, double level, double power) {
            target.accept(value, level, power);
        }

        @Override
        public void inputMagnitude(double maxAbs) {
            target.inputMagnitude(maxAbs);
        }
    }
}
