package io.clonus.analysis;

import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.InvalidSignalException;
import io.clonus.io.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * From a file to results, as {@code clonus analyze} does it: the file is opened by a {@link RecordingReader}
 * (channel choice and grouping, EDF+D segments with their start times, per-signal rates), every signal is
 * analysed in bounded memory (EDF streamed block by block, {@link EdfAnalysis}), up to {@code threads}
 * signals of a file at once, and every failure is a value: a file that cannot be read, or a channel that
 * cannot be analysed, gives a result with its message instead of an exception, so a batch always goes on.
 *
 * <pre>{@code
 * RecordingAnalyzer analyzer = RecordingAnalyzer.create();
 * RecordingAnalyzer.FileResult r = analyzer.analyze(Path.of("session.edf"));
 * for (RecordingAnalyzer.SignalResult s : r.signals()) {
 *     System.out.println(s.source().channel() + ": " + (s.ok() ? s.result().classification() : s.error()));
 * }
 * }</pre>
 *
 * Immutable and thread-safe; each call uses its own threads, which end before it returns.
 */
public final class RecordingAnalyzer {
    private final DetectorConfig config;
    private final RecordingReader reader;
    private final int threads;

    private RecordingAnalyzer(DetectorConfig config, RecordingReader reader, int threads) {
        this.config = Objects.requireNonNull(config, "config");
        this.reader = Objects.requireNonNull(reader, "reader");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * @param config  detector parameters
     * @param reader  how files are read (forced type, sample rate for text without a time column, channels)
     * @param threads signals of one file analysed at once, at least 1
     * @return an analyzer
     */
    public static RecordingAnalyzer of(DetectorConfig config, RecordingReader reader, int threads) {
        return new RecordingAnalyzer(config, reader, threads);
    }

    /**
     * @return an analyzer with the default configuration, types inferred from channel names, every channel,
     *         and one thread per processor
     */
    public static RecordingAnalyzer create() {
        return of(DetectorConfig.defaults(), new RecordingReader(null, null, null),
                Runtime.getRuntime().availableProcessors());
    }

    /** @return the detector parameters */
    public DetectorConfig config() {
        return config;
    }

    /**
     * The result of one signal of a file.
     *
     * @param source what was analysed: channel, type, rate, segment and its start
     * @param result the result with every time counted from the recording's start (the EDF header's start, or
     *               the first sample of delimited text), or null when it failed
     * @param error  what went wrong, one line naming the channel (and segment), or null
     */
    public record SignalResult(Recording.Source source, ClonusResult result, String error) {
        /** @return whether there is a result */
        public boolean ok() {
            return result != null;
        }
    }

    /**
     * The outcome of one file.
     *
     * @param file    the file
     * @param signals one result per signal, in file order (empty when the file could not be read)
     * @param notes   remarks about the file (a skipped channel, an inferred time unit, a rate given that
     *                differs from the time column's)
     * @param error   why the file gave no signals at all (missing, not a recording, malformed), or null
     */
    public record FileResult(Path file, List<SignalResult> signals, List<String> notes, String error) {
        /** Copies the lists. */
        public FileResult {
            signals = List.copyOf(signals);
            notes = List.copyOf(notes);
        }

        /** @return whether the file and every signal gave a result */
        public boolean ok() {
            return error == null && signals.stream().allMatch(SignalResult::ok);
        }
    }

    /** Receives the signals of a recording in file order, with the raw result or what it threw. */
    public interface SourceSink {
        /**
         * @param source  the signal
         * @param result  its result, times from the signal's first sample ({@link Recording.Source#startS()}
         *                later than the recording's start), or null
         * @param failure what analysing it threw (an {@link IOException}, {@link InputException},
         *                {@link InvalidSignalException}, another runtime exception or {@link OutOfMemoryError}),
         *                or null
         */
        void accept(Recording.Source source, ClonusResult result, Throwable failure);
    }

    /**
     * Analyses one file. Never throws for what the file holds or for I/O: those failures are values.
     *
     * @param file the file (delimited text, or EDF/BDF by extension)
     * @return its outcome
     */
    public FileResult analyze(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            return new FileResult(file, List.of(), List.of(), "not a regular file (a pipe, device or socket), which"
                    + " could block or never end; copy the recording to a file first");
        }
        try (Recording rec = reader.open(file)) {
            List<SignalResult> out = new ArrayList<>();
            analyzeSources(rec, s -> null, (src, raw, failure) -> out.add(failure == null
                    ? new SignalResult(src, raw.shifted(src.startS()), null)
                    : new SignalResult(src, null, describe(src, failure))));
            List<String> notes = new ArrayList<>(rec.notes());
            for (String p : rec.channelProblems()) {
                notes.add(p);
            }
            return new FileResult(file, out, notes, null);
        } catch (InputException | InvalidSignalException e) {
            return new FileResult(file, List.of(), List.of(), e.getMessage());
        } catch (IOException e) {
            return new FileResult(file, List.of(), List.of(), describe(e));
        } catch (OutOfMemoryError e) {
            return new FileResult(file, List.of(), List.of(),
                    "out of memory while reading; give Java more, e.g. -Xmx8g");
        }
    }

    /**
     * Analyses several files one after another (the signals of each in parallel).
     *
     * @param files the files
     * @return one outcome per file, in order
     */
    public List<FileResult> analyze(List<Path> files) {
        List<FileResult> out = new ArrayList<>();
        for (Path f : files) {
            out.add(analyze(f));
        }
        return out;
    }

    /**
     * Analyses every signal of an opened recording without holding any whole, up to {@code threads} at once,
     * and hands each to the sink in file order, from the calling thread.
     *
     * @param rec       the recording; not closed
     * @param listeners gives the listener for a signal (hears beats, episodes, rejected runs; times from the
     *                  signal's first sample), or null for none
     * @param sink      receives each signal's result or failure
     */
    public void analyzeSources(Recording rec, Function<Recording.Source, DetectionListener> listeners,
            SourceSink sink) {
        List<Recording.Source> sources = rec.sources();
        if (threads <= 1 || sources.size() <= 1) {
            for (Recording.Source src : sources) {
                ClonusResult r = null;
                Throwable failure = null;
                try {
                    r = src.loader().analyze(config, listeners.apply(src));
                } catch (IOException | InputException | RuntimeException | OutOfMemoryError e) {
                    failure = e;
                }
                sink.accept(src, r, failure);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sources.size()), r -> {
            Thread t = new Thread(r, "clonus-analyze");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ClonusResult>> futures = new ArrayList<>();
            for (Recording.Source src : sources) {
                futures.add(pool.submit(() -> src.loader().analyze(config, listeners.apply(src))));
            }
            for (int i = 0; i < sources.size(); i++) {
                ClonusResult r = null;
                Throwable failure = null;
                try {
                    r = futures.get(i).get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted", e);
                }
                sink.accept(sources.get(i), r, failure);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param src     the signal
     * @param failure what analysing it threw
     * @return the one-line message {@code clonus analyze} prints for it (without the file)
     */
    public static String describe(Recording.Source src, Throwable failure) {
        String where = src.segment() > 0 ? "segment " + src.segment() + " (from " + Seconds.text(src.startS())
                + " s): " : "";
        if (failure instanceof InvalidSignalException e) {
            return where + e.getMessage(); // it names the channel already
        }
        String channel = where + "channel '" + src.channel() + "': ";
        if (failure instanceof InputException e) {
            return channel + e.getMessage();
        }
        if (failure instanceof IOException e) {
            return channel + describe(e);
        }
        if (failure instanceof OutOfMemoryError) {
            return channel + "out of memory (" + src.type() + ", " + new java.math.BigDecimal(src.sampleRateHz())
                    .round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString()
                    + " Hz); give Java more, e.g. JAVA_OPTS=-Xmx8g";
        }
        return channel + "internal error: " + failure;
    }

    /**
     * @param e an I/O error
     * @return a short description for a person: "no such file", "permission denied", or the message
     */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
