package io.clonus.analysis;

import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.InvalidSignalException;
import io.clonus.detect.SignalType;
import io.clonus.detect.StreamingDetector;
import io.clonus.io.edf.EdfHeader;
import io.clonus.io.edf.EdfReader;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Analyses EDF/EDF+/BDF recordings of any length in bounded memory: each signal is read record by record
 * in blocks and fed to a {@link StreamingDetector}, which carries its state from one block to the next.
 * The blocks therefore need no overlap and stitch exactly: an episode that spans a block boundary is found
 * once, with the same beats as if the file had been read whole (the detector's output does not depend on
 * how its input is split). Signals of one file can be analysed in parallel ({@link RecordingAnalyzer}), each
 * worker with its own reader. Memory per worker: one block per axis plus the detector's few seconds of state.
 *
 * <p>A 24-hour, 2 kHz channel (172.8 million samples, 1.4 GB as doubles) thus needs a few megabytes.
 * Thread-safe: the static methods share nothing.
 */
public final class EdfAnalysis {
    /** Samples per block read at once, per axis. */
    public static final int DEFAULT_BLOCK = 1 << 16;

    private EdfAnalysis() {
    }

    /**
     * One signal to analyse: an EMG channel or the axes of one motion sensor.
     *
     * @param label   the label of the result
     * @param type    signal type
     * @param signals indices of the EDF signals (1 for EMG, 1–3 axes with one sample rate for ACC)
     */
    public record Target(String label, SignalType type, List<Integer> signals) {
        /** Copies the list. */
        public Target {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
            signals = List.copyOf(signals);
            if (signals.isEmpty() || signals.size() > 3 || (type == SignalType.EMG && signals.size() != 1)) {
                throw new IllegalArgumentException("a target is one EMG signal or 1-3 motion axes, got " + signals);
            }
        }
    }

    /**
     * Analyses samples [from, to) of one target with a reader the caller owns.
     *
     * @param reader open reader, used from this thread only
     * @param target what to analyse
     * @param from   first sample (of the target's signals)
     * @param to     one past the last sample
     * @param config detector parameters
     * @param block  samples per read, per axis
     * @return the result; beat times are seconds from sample {@code from}
     * @throws IOException            if the file cannot be read
     * @throws InvalidSignalException if the samples cannot be analysed
     */
    public static ClonusResult analyze(EdfReader reader, Target target, long from, long to, DetectorConfig config,
            int block) throws IOException {
        return analyze(reader, target, from, to, config, block, null);
    }

    /**
     * {@link #analyze(EdfReader, Target, long, long, DetectorConfig, int)} telling a listener what is found.
     *
     * @param reader   open reader, used from this thread only
     * @param target   what to analyse
     * @param from     first sample (of the target's signals)
     * @param to       one past the last sample
     * @param config   detector parameters
     * @param block    samples per read, per axis
     * @param listener hears beats, episodes and rejected runs (times from sample {@code from}); may be null
     * @return the result; beat times are seconds from sample {@code from}
     * @throws IOException            if the file cannot be read
     * @throws InvalidSignalException if the samples cannot be analysed
     */
    public static ClonusResult analyze(EdfReader reader, Target target, long from, long to, DetectorConfig config,
            int block, DetectionListener listener) throws IOException {
        EdfHeader h = reader.header();
        int axes = target.signals().size();
        double fs = h.sampleRateHz(target.signals().get(0));
        for (int s : target.signals()) {
            if (h.sampleRateHz(s) != fs) {
                throw new InvalidSignalException(target.label(), "axes differ in sample rate: "
                        + h.signal(s).label() + " has " + h.sampleRateHz(s) + " Hz, "
                        + h.signal(target.signals().get(0)).label() + " has " + fs + " Hz");
            }
        }
        StreamingDetector detector = StreamingDetector.create(config, target.type(), target.label(), fs, axes,
                listener);
        double[][] buf = new double[axes][(int) Math.max(1, Math.min(block, to - from))];
        for (long i = from; i < to; i += block) {
            int m = (int) Math.min(block, to - i);
            for (int a = 0; a < axes; a++) {
                int got = reader.readSignal(target.signals().get(a), i, buf[a], 0, m);
                if (got != m) {
                    throw new IOException(reader.file() + ": signal " + h.signal(target.signals().get(a)).label()
                            + " ends at sample " + (i + got) + ", expected " + to);
                }
            }
            detector.accept(buf, 0, m);
        }
        return detector.finish();
    }
}
