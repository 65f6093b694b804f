package io.clonus.analysis;

import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import io.clonus.detect.SignalType;
import io.clonus.detect.StreamingDetector;
import io.clonus.io.ChannelPlan;
import io.clonus.io.DelimitedText;
import io.clonus.io.InputException;
import io.clonus.io.edf.EdfFormatException;
import io.clonus.io.edf.EdfReader;
import io.clonus.io.edf.EdfSignalHeader;
import io.clonus.io.mat.MatReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens an input file as a {@link Recording}: delimited text through {@link DelimitedText}, EDF, EDF+ and
 * BDF(+) (by the extension {@code .edf} or {@code .bdf}, any case) through {@link EdfReader}, MATLAB MAT-files
 * ({@code .mat}, any case) through {@link MatReader}. Channels are chosen and grouped by {@link ChannelPlan}, by
 * column name, EDF label or MAT variable.
 *
 * <p>This is the one way from a file to signals: the command line ({@code clonus analyze}) and
 * {@link RecordingAnalyzer} both use it, so a library user gets the signals the command analyses.
 *
 * <p>Choices made here:
 * <ul>
 * <li>Without {@code --channels} and {@code --type}, channels whose type the name does not tell (an EEG,
 *     a force or status channel) are skipped with a note as long as some channel's type is told; when
 *     none is, that is an error asking for {@code --type}.</li>
 * <li>Delimited text takes its rate from a time column or {@code --fs}; when both are given and differ by
 *     more than 1 %, {@code --fs} wins, with a note.</li>
 * <li>EDF gives each signal its own rate (so {@code --fs} is ignored, with a note); the axes of one
 *     accelerometer must share theirs. Annotation signals are never data.</li>
 * <li>EDF+D (discontinuous) files: every contiguous segment is analysed on its own (a rhythm does not
 *     continue across a gap), as signals numbered 1, 2, …; every time is counted from the recording's
 *     start, so episodes land where EDFbrowser shows them.</li>
 * <li>Duplicate EDF labels get {@code #2}, {@code #3}, … appended so that each can be chosen.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class RecordingReader {
    /** Relative difference between --fs and a time column's rate above which --fs is reported as overriding it. */
    public static final double RATE_TOLERANCE = 0.01;

    private final SignalType forcedType;
    private final Double sampleRateHz;
    private final List<String> channels;

    /**
     * @param forcedType   the type given with --type, or null to infer it from names
     * @param sampleRateHz the rate given with --fs, or null
     * @param channels     the channels given with --channels, or null/empty for all
     */
    public RecordingReader(SignalType forcedType, Double sampleRateHz, List<String> channels) {
        this.forcedType = forcedType;
        this.sampleRateHz = sampleRateHz;
        this.channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** @return whether the file is read as EDF/BDF */
    public static boolean isEdf(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".edf") || n.endsWith(".bdf");
    }

    /**
     * @param file the file
     * @return the opened recording; close it
     * @throws IOException    if the file cannot be read, or is not valid EDF
     * @throws InputException if its content cannot be used (the message is one line)
     */
    public Recording open(Path file) throws IOException, InputException {
        return isEdf(file) ? openEdf(file) : MatReader.isMat(file) ? openMat(file) : openText(file);
    }

    /**
     * A MATLAB MAT-file, read whole by {@link MatReader}: the rate from --fs (winning over the file's, with a
     * note when they differ by more than {@link #RATE_TOLERANCE}) or from the file's rate variable.
     */
    private Recording openMat(Path file) throws IOException, InputException {
        MatReader.Contents mat = MatReader.read(file);
        List<String> notes = new ArrayList<>(mat.notes());
        List<ChannelPlan.Group> groups = plan(mat.names(), notes);
        List<MatReader.Selection> chosen = mat.select(groups.stream().map(ChannelPlan.Group::channels).toList(),
                sampleRateHz, RATE_TOLERANCE, notes);
        List<Recording.Source> sources = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ChannelPlan.Group g = groups.get(i);
            MatReader.Selection s = chosen.get(i);
            sources.add(new Recording.Source(g.label(), g.type(), s.sampleRateHz(), 0, 1, 0.0, "a.u.",
                    () -> Signal.wrap(g.label(), g.type(), s.sampleRateHz(), s.axes())));
        }
        return new Recording(sources, List.of(), notes, null, null);
    }

    /**
     * Delimited text: read once to check every row and find the rate ({@link DelimitedText#scan}), then each
     * signal streamed from the file when it is analysed, so no text file is ever held whole.
     */
    private Recording openText(Path file) throws IOException, InputException {
        DelimitedText.Summary table = DelimitedText.scan(file);
        List<String> notes = new ArrayList<>(table.notes());
        double fs;
        if (sampleRateHz != null) {
            fs = sampleRateHz;
            if (table.timeProblem() != null) {
                notes.add(table.timeProblem().replace(" or give --fs HZ", "") + "; using --fs");
            }
            if (table.sampleRateHz().isPresent()) {
                double fromTime = table.sampleRateHz().getAsDouble();
                if (Math.abs(fromTime - fs) > RATE_TOLERANCE * fs) {
                    notes.add(String.format(Locale.ROOT,
                            "--fs %s Hz differs from the %s Hz implied by time column '%s' by %.3g %%; using --fs",
                            DelimitedText.format(fs), DelimitedText.format(fromTime), table.timeColumn(),
                            100 * Math.abs(fromTime - fs) / fs));
                }
            }
        } else if (table.sampleRateHz().isPresent()) {
            fs = table.sampleRateHz().getAsDouble();
        } else if (table.timeProblem() != null) {
            throw new InputException(table.timeProblem());
        } else {
            throw new InputException("no time column (time, t, time_s, time (ms), ...) to take the sample rate from;"
                    + " give it with --fs HZ");
        }
        List<ChannelPlan.Group> groups = plan(table.dataNames(), notes);
        List<Recording.Source> sources = new ArrayList<>();
        for (ChannelPlan.Group g : groups) {
            int[] columns = new int[g.channels().size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = table.names().indexOf(g.channels().get(i));
            }
            sources.add(new Recording.Source(g.label(), g.type(), fs, 0, 1, 0.0, "a.u.",
                    new TextLoader(file, g.label(), g.type(), fs, columns, table.rows())));
        }
        return new Recording(sources, List.of(), notes, null, null);
    }

    /** Reads one signal's columns from delimited text: whole for {@link #load}, in blocks for analysis. */
    private static final class TextLoader implements Recording.Loader {
        private static final int BLOCK = 1 << 14;
        private final Path file;
        private final String label;
        private final SignalType type;
        private final double fs;
        private final int[] columns;
        private final long rows;

        TextLoader(Path file, String label, SignalType type, double fs, int[] columns, long rows) {
            this.file = file;
            this.label = label;
            this.type = type;
            this.fs = fs;
            this.columns = columns.clone();
            this.rows = rows;
        }

        @Override
        public Signal load() throws IOException, InputException {
            if (rows > Integer.MAX_VALUE - 8) {
                throw new InputException(String.format(Locale.ROOT, "channel '%s': %d rows are too many to hold"
                        + " at once (at most %d); it is analysed as a stream without plots", label, rows,
                        Integer.MAX_VALUE - 8));
            }
            double[][] axes = new double[columns.length][(int) rows];
            try (DelimitedText.Rows in = DelimitedText.rows(file)) {
                double[] row = new double[in.columns()];
                for (int i = 0; i < rows && in.next(row); i++) {
                    for (int a = 0; a < columns.length; a++) {
                        axes[a][i] = row[columns[a]];
                    }
                }
            }
            return Signal.wrap(label, type, fs, axes);
        }

        @Override
        public ClonusResult analyze(DetectorConfig config, DetectionListener listener)
                throws IOException, InputException {
            StreamingDetector detector = StreamingDetector.create(config, type, label, fs, columns.length, listener);
            double[][] block = new double[columns.length][BLOCK];
            try (DelimitedText.Rows in = DelimitedText.rows(file)) {
                double[] row = new double[in.columns()];
                int m = 0;
                while (in.next(row)) {
                    for (int a = 0; a < columns.length; a++) {
                        block[a][m] = row[columns[a]];
                    }
                    if (++m == BLOCK) {
                        detector.accept(block, 0, m);
                        m = 0;
                    }
                }
                if (m > 0) {
                    detector.accept(block, 0, m);
                }
            }
            return detector.finish();
        }
    }

    private Recording openEdf(Path file) throws IOException, InputException {
        EdfReader reader;
        try {
            reader = EdfReader.open(file);
        } catch (EdfFormatException e) {
            throw new InputException(e.problem(), e);
        }
        try {
            return planEdf(reader);
        } catch (InputException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private Recording planEdf(EdfReader reader) throws InputException {
        var header = reader.header();
        List<String> notes = new ArrayList<>(reader.warnings());
        if (sampleRateHz != null) {
            notes.add("--fs ignored: the EDF header gives each signal's sample rate");
        }
        List<EdfSignalHeader> data = header.dataSignals();
        if (data.isEmpty()) {
            throw new InputException("no signals to analyse: an annotation-only " + header.format().displayName()
                    + " file");
        }
        if (header.recordCount() == 0) {
            throw new InputException("no samples: the file has no data records");
        }
        // unique names, so that two channels labelled alike can still be told apart and chosen
        List<String> names = new ArrayList<>();
        Map<String, EdfSignalHeader> byName = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (EdfSignalHeader s : data) {
            String key = s.label().toLowerCase(Locale.ROOT);
            int k = count.merge(key, 1, Integer::sum);
            String name = k == 1 ? s.label() : s.label() + " #" + k;
            names.add(name);
            byName.put(name, s);
        }
        List<ChannelPlan.Group> groups = plan(names, notes);
        List<EdfReader.Segment> segments = reader.segments();
        List<Recording.Source> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ChannelPlan.Group g : groups) {
            List<EdfSignalHeader> axes = g.channels().stream().map(byName::get).toList();
            double rate = header.sampleRateHz(axes.get(0).index());
            boolean same = axes.stream().allMatch(a -> a.samplesPerRecord() == axes.get(0).samplesPerRecord());
            if (!same) {
                StringBuilder s = new StringBuilder();
                for (EdfSignalHeader a : axes) {
                    s.append(s.length() == 0 ? "" : ", ").append('\'').append(a.label()).append("' ")
                            .append(DelimitedText.format(header.sampleRateHz(a.index()))).append(" Hz");
                }
                problems.add("sensor '" + g.label() + "': its axes must share one sample rate, but they have " + s
                        + "; analyse them one by one with --channels and --type acc");
                continue;
            }
            String unit = axes.get(0).physicalDimension().isBlank() ? "a.u." : axes.get(0).physicalDimension();
            for (int k = 0; k < segments.size(); k++) {
                EdfReader.Segment seg = segments.get(k);
                int number = segments.size() > 1 ? k + 1 : 0;
                EdfAnalysis.Target target = new EdfAnalysis.Target(g.label(), g.type(),
                        axes.stream().map(EdfSignalHeader::index).toList());
                long from = seg.firstRecord() * axes.get(0).samplesPerRecord();
                long to = seg.endRecord() * axes.get(0).samplesPerRecord();
                sources.add(new Recording.Source(g.label(), g.type(), rate, number, segments.size(), seg.startS(),
                        unit, new Recording.Loader() {
                            @Override
                            public Signal load() throws IOException {
                                double[][] x = new double[axes.size()][];
                                for (int a = 0; a < x.length; a++) {
                                    x[a] = reader.readSegment(axes.get(a).index(), seg);
                                }
                                return Signal.wrap(g.label(), g.type(), rate, x);
                            }

                            @Override
                            public ClonusResult analyze(DetectorConfig config, DetectionListener listener)
                                    throws IOException {
                                // a reader of its own: record by record, and safe beside other signals' workers;
                                // reopen() shares the parsed header instead of parsing it again for every signal
                                try (EdfReader own = reader.reopen()) {
                                    return EdfAnalysis.analyze(own, target, from, to, config, EdfAnalysis.DEFAULT_BLOCK,
                                            listener);
                                }
                            }
                        }));
            }
        }
        return new Recording(sources, problems, notes, header.start(), reader);
    }

    /**
     * Chooses the channels: with neither --channels nor --type, channels of untold type are skipped (with a
     * note) if any channel's type is told; everything else is {@link ChannelPlan#plan}'s.
     */
    private List<ChannelPlan.Group> plan(List<String> available, List<String> notes) throws InputException {
        List<String> candidates = available;
        if (channels.isEmpty() && forcedType == null) {
            List<String> typed = available.stream().filter(n -> ChannelPlan.inferType(n) != null).toList();
            List<String> untyped = available.stream().filter(n -> ChannelPlan.inferType(n) == null).toList();
            if (!typed.isEmpty() && !untyped.isEmpty()) {
                notes.add("skipped " + quoteAll(untyped) + ": not EMG or accelerometer by name (choose with"
                        + " --channels, and --type if needed)");
                candidates = typed;
            }
        }
        return ChannelPlan.plan(candidates, channels.isEmpty() ? null : channels, forcedType, notes);
    }

    private static String quoteAll(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(s.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return s.toString();
    }
}
