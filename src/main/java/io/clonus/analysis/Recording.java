package io.clonus.analysis;

import io.clonus.detect.ClonusDetector;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import io.clonus.detect.SignalType;
import io.clonus.io.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One opened input file: the signals it will give, loaded one at a time so that a long multi-channel
 * recording is never held whole, the problems with single channels, and remarks about the file. Close it
 * when done (an EDF file stays open while its signals are loaded). Not thread-safe.
 */
public final class Recording implements Closeable {
    /** Loads the samples of one signal, or analyses them without holding them all. */
    public interface Loader {
        /**
         * @return the signal
         * @throws IOException    if reading fails
         * @throws InputException if the samples are unusable
         */
        Signal load() throws IOException, InputException;

        /**
         * Analyses the signal. The default loads it whole; EDF sources stream it block by block through
         * their own reader instead, so that a recording larger than the heap can be analysed and several
         * signals of one file can be analysed at once.
         *
         * @param config   detector parameters
         * @param listener hears beats, episodes and rejected runs as they are found; may be null
         * @return the result, times from the signal's first sample
         * @throws IOException    if reading fails
         * @throws InputException if the samples are unusable
         */
        default ClonusResult analyze(DetectorConfig config, DetectionListener listener)
                throws IOException, InputException {
            return ClonusDetector.of(config).analyze(load(), listener);
        }
    }

    /**
     * One signal of the file, analysed on its own.
     *
     * @param channel       the channel (EMG) or sensor (ACC) name
     * @param type          the signal type
     * @param sampleRateHz  its sample rate, Hz
     * @param segment       1, 2, … for the contiguous segments of an EDF+D file; 0 for a continuous file
     * @param segmentCount  how many segments the file has (1 for a continuous file)
     * @param startS        when the signal's first sample was taken, seconds from the recording's start
     *                      time (the EDF header's); every time in the outputs is counted from there
     * @param unit          the physical unit of the samples, or {@code "a.u."} when the file does not say
     * @param loader        reads the samples
     */
    public record Source(String channel, SignalType type, double sampleRateHz, int segment, int segmentCount,
            double startS, String unit, Loader loader) {
    }

    private final List<Source> sources;
    private final List<String> channelProblems;
    private final List<String> notes;
    private final LocalDateTime start;
    private final Closeable resource;

    /**
     * @param sources         the signals to analyse, in file order
     * @param channelProblems one-line problems with single channels (they are not analysed)
     * @param notes           remarks worth showing (a skipped channel, an overridden sample rate)
     * @param start           the recording's start date and time, or null when the file does not say
     * @param resource        closed by {@link #close()}, or null
     */
    public Recording(List<Source> sources, List<String> channelProblems, List<String> notes, LocalDateTime start,
            Closeable resource) {
        this.sources = List.copyOf(sources);
        this.channelProblems = List.copyOf(channelProblems);
        this.notes = List.copyOf(notes);
        this.start = start;
        this.resource = resource;
    }

    /** @return the signals to analyse, in file order (EDF+D: each channel once per segment) */
    public List<Source> sources() {
        return sources;
    }

    /** @return one-line problems with single channels, which give no source */
    public List<String> channelProblems() {
        return channelProblems;
    }

    /** @return remarks about the file worth showing (a skipped channel, an inferred time unit) */
    public List<String> notes() {
        return notes;
    }

    /** @return the start date and time from the file, or null (delimited text has none) */
    public LocalDateTime start() {
        return start;
    }

    @Override
    public void close() throws IOException {
        if (resource != null) {
            resource.close();
        }
    }
}
