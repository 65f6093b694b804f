package io.clonus.cli;

import io.clonus.analysis.RecordingAnalyzer;
import io.clonus.analysis.RecordingReader;
import io.clonus.detect.DetectorConfig;
import io.clonus.evaluate.DetectionSet;
import io.clonus.evaluate.Evaluation;
import io.clonus.evaluate.EventCounts;
import io.clonus.evaluate.RecordingEvents;
import io.clonus.evaluate.ReferenceException;
import io.clonus.evaluate.ReferenceSet;
import io.clonus.evaluate.References;
import io.clonus.evaluate.ScoringRules;
import io.clonus.io.edf.EdfReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clonus evaluate}: scores the detector against a rater's reference events, recording by recording and
 * pooled, with {@link io.clonus.evaluate}. Each recording's reference is {@code --reference FILE} (one recording),
 * else the first file beside it named {@code <recording name without extension><suffix>} for a suffix of
 * {@code --reference-suffix}, else, for an EDF+/BDF+ recording, its own annotations. Detections come from running
 * the detector on the recording, or from {@code --detections}, the JSON Lines of {@code clonus analyze --format
 * json}.
 *
 * <p>A recording that cannot be scored (no reference, a malformed reference, a failed analysis, an error object in
 * the detections) is one line {@code clonus: FILE: message} on standard error and is left out of the figures; the
 * exit status is then 1. A usage error is status 2. Not thread-safe: one instance runs one command line.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, descriptionHeading = "%n", parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = {"Scores detections against a rater's reference events, event by event, per recording and"
                + " pooled: TP/FN/FP, sensitivity, precision and F1 with 95 %% intervals, false positives per 24 h,"
                + " latency, a per-epoch score, the SUSTAINED/UNSUSTAINED/NONE confusion and, for events matched one"
                + " to one, the agreement of beats, frequency and duration (ICC(2,1), Bland-Altman, Pearson,"
                + " Spearman).",
            "References: EDF+ annotations (the recording's own, or an annotation-only file such as EDFbrowser"
                + " exports) or CSV/TSV with start,end (or onset,duration) in seconds from the recording's start and"
                + " optional beats, frequencyHz, label, channel. A reference event with a channel is scored against"
                + " that channel's detections; without one, against the detections of every channel merged."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every recording was scored",
            "1:some recording could not be scored (one line each on standard error; the figures leave it out)",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  clonus evaluate data/     (data/s01.edf scored against data/s01_annotations.edf)",
            "  clonus evaluate --reference rater.csv --events events.csv s01.edf",
            "  clonus analyze --format json data/ > det.jsonl",
            "  clonus evaluate --detections det.jsonl --plot-dir figures/",
            "  clonus evaluate --format json 'cohort/**/*.edf' > evaluation.json"})
final class EvaluateCommand implements Callable<Integer> {
    /** Default of {@code --reference-suffix}: EDFbrowser's export names, then tables. */
    static final String DEFAULT_SUFFIXES = "_annotations.edf,_annotations.csv,_annotations.tsv,_annotations.txt";

    /** Output formats on standard output. */
    enum OutputFormat {
        /** Readable report. */
        text,
        /** One JSON document. */
        json
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Reference events of the one recording given: EDF+ annotations or CSV/TSV.")
    private Path reference;

    @Option(names = "--reference-suffix", paramLabel = "SUFFIX", split = ",", defaultValue = DEFAULT_SUFFIXES,
            description = "Where each recording's reference is found: the first existing <recording name without"
                    + " extension><SUFFIX> beside it; files with these endings are not taken as recordings. Without"
                    + " one, an EDF+ recording's own annotations. Default: ${DEFAULT-VALUE}.")
    private List<String> suffixes;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "clonus",
            description = "Keep only reference events whose label (annotation text) contains TEXT, case-insensitive;"
                    + " '' keeps all. A table without a label column keeps every row. Default: ${DEFAULT-VALUE}.")
    private String label;

    @Option(names = "--detections", paramLabel = "FILE.jsonl",
            description = "Read the detections from clonus analyze --format json instead of running the detector;"
                    + " without RECORDING arguments every file named there is scored.")
    private Path detections;

    @Option(names = "--start-tolerance", paramLabel = "S",
            description = "A detection may start this much before a reference event. Default: 1 s.")
    private Double startTolerance;

    @Option(names = "--end-tolerance", paramLabel = "S",
            description = "A detection may end this much after a reference event. Default: 1 s.")
    private Double endTolerance;

    @Option(names = "--min-overlap", paramLabel = "FRACTION",
            description = "Fraction of a reference event the detections must cover; 0: any overlap of its widened"
                    + " span. Default: 0.")
    private Double minOverlap;

    @Option(names = "--max-duration", paramLabel = "S|none",
            description = "Events longer than this are split into pieces of this length. Default: 300 s.")
    private String maxDuration;

    @Option(names = "--merge-gap", paramLabel = "S",
            description = "Events (of either side) closer than this are joined; overlapping detections always"
                    + " are. Default: 0 s.")
    private Double mergeGap;

    @Option(names = "--epoch", paramLabel = "S", description = "Epoch of the per-epoch score. Default: 1 s.")
    private Double epoch;

    @Option(names = "--epoch-cover", paramLabel = "FRACTION",
            description = "Fraction of an epoch events must cover to make it positive. Default: 0.5.")
    private Double epochCover;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Resamples of the recordings for the bootstrap interval of the pooled F1; 0 for none."
                    + " Default: 2000.")
    private Integer bootstrap;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap. Default: 1.")
    private Long seed;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Report on standard output: text (default) or json (one document).")
    private OutputFormat format;

    @Option(names = "--events", paramLabel = "FILE.csv",
            description = "Also write every reference event (matched or missed) and every false positive.")
    private Path events;

    @Option(names = "--plot-dir", paramLabel = "DIR",
            description = "Also draw bland-altman.png (beats, frequency, duration) and timeline.png (every event of"
                    + " every recording) into DIR.")
    private Path plotDir;

    @Option(names = "--plot-format", paramLabel = "png|svg", defaultValue = "png",
            description = "Picture format for --plot-dir. Default: png.")
    private String plotFormat;

    @Mixin
    private SignalOptions signalOptions;

    @Mixin
    private DetectorOptions detectorOptions;

    @Option(names = "--threads", paramLabel = "N",
            description = "Signals of one recording analysed at once (default: the number of processors).")
    private Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No closing summary on standard error.")
    private boolean quiet;

    @Parameters(arity = "0..*", paramLabel = "RECORDING|DIR|GLOB",
            description = "Recordings to score (EDF, BDF, delimited text; directories searched, globs expanded).")
    private List<String> inputs;

    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * What the report says of one scored recording besides its figures.
     *
     * @param recording the recording as shown
     * @param reference the reference file as shown ("own annotations" for the recording's)
     * @param notes     remarks about the reference (events left out by the filter, onsets moved)
     */
    record Source(String recording, String reference, List<String> notes) {
    }

    @Override
    public Integer call() {
        ScoringRules rules = rules();
        Plots.Format pictures = switch (plotFormat.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> Plots.Format.PNG;
            case "svg" -> Plots.Format.SVG;
            default -> throw usage("--plot-format " + plotFormat + ": use png or svg");
        };
        if (plotDir == null && spec.commandLine().getParseResult().hasMatchedOption("--plot-format")) {
            throw usage("--plot-format applies to --plot-dir");
        }
        for (String s : suffixes.isEmpty() ? List.of("") : suffixes) {
            if (s.isBlank()) {
                throw usage("--reference-suffix: an empty suffix would make every recording its own reference file");
            }
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        boolean none = inputs == null || inputs.isEmpty();
        if (none && detections == null) {
            throw usage("give the recordings to score (files, folders, globs), or --detections FILE.jsonl");
        }
        if (detections != null) {
            for (String o : new String[] {"--band", "--rule", "--mains", "--type", "--fs", "--threads"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw usage(o + " sets up the detector, which does not run with --detections (the rule is the one"
                            + " recorded in the detections)");
                }
            }
        }
        DetectorConfig config = detectorOptions.config();
        RecordingReader reader = signalOptions.reader();

        List<Failure> failures = new ArrayList<>();
        Map<Path, DetectionsFile.Entry> fromJson = null;
        if (detections != null) {
            try {
                fromJson = DetectionsFile.read(detections, Path.of("").toAbsolutePath());
            } catch (IOException e) {
                err.println(new Failure(detections.toString(), Failure.describe(e)).line());
                return 1;
            } catch (DetectionsFile.Malformed e) {
                err.println(new Failure(detections.toString(), e.getMessage()).line());
                return 1;
            }
        }

        // the recordings: the arguments (reference files among them left out), or every file of the detections
        List<Inputs.Input> recordings = new ArrayList<>();
        if (!none) {
            Inputs.Expansion found = Inputs.expand(inputs, Path.of(""));
            for (Inputs.Item item : found.items()) {
                if (item.problem() != null) {
                    failures.add(item.problem());
                } else if (!isReferenceName(item.input().path())) {
                    recordings.add(item.input());
                }
            }
        } else {
            for (DetectionsFile.Entry e : fromJson.values()) {
                // analyze run on a folder also tried the reference files beside the recordings
                if (!isReferenceName(e.path())) {
                    recordings.add(new Inputs.Input(e.path(), e.shown()));
                }
            }
        }
        if (reference != null && recordings.size() != 1) {
            throw usage("--reference takes one recording, but the arguments name " + recordings.size()
                    + "; put each recording's reference beside it (<name>" + suffixes.get(0) + ")");
        }
        for (Path output : new Path[] {events}) {
            for (Inputs.Input in : recordings) {
                if (output != null && in.path().toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                    throw usage("--events " + output + " is one of the recordings; choose another name");
                }
            }
        }

        RecordingAnalyzer analyzer = RecordingAnalyzer.of(config, reader,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        List<RecordingEvents> scored = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Failure f : failures) {
            err.println(f.line());
        }
        for (Inputs.Input in : recordings) {
            try {
                prepare(in, fromJson, analyzer, scored, sources);
            } catch (Unscorable u) {
                failures.add(u.failure);
                err.println(u.failure.line());
            }
        }
        if (scored.isEmpty()) {
            err.println("clonus: no recording could be scored");
            return 1;
        }
        Evaluation ev = Evaluation.of(scored, rules);
        EvaluationReport report = new EvaluationReport(ev, sources, failures);
        if (format == OutputFormat.json) {
            report.json(out);
        } else {
            report.text(out);
        }
        out.flush();
        boolean outputFailed = false;
        if (events != null) {
            try {
                createParent(events);
                try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                    report.eventsCsv(w);
                }
            } catch (IOException | UncheckedIOException e) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                err.println(new Failure(events.toString(), "cannot write: " + Failure.describe(io)).line());
                outputFailed = true;
            }
        }
        if (plotDir != null) {
            try {
                Files.createDirectories(plotDir);
                EvaluationPlots.blandAltman(ev, plotDir.resolve("bland-altman" + pictures.extension()), pictures);
                EvaluationPlots.timeline(ev, plotDir.resolve("timeline" + pictures.extension()), pictures);
            } catch (IOException e) {
                err.println(new Failure(plotDir.toString(), "cannot write the pictures: " + Failure.describe(e)).line());
                outputFailed = true;
            }
        }
        if (!quiet) {
            EventCounts c = ev.pooled().events();
            err.println(String.format(Locale.ROOT, "clonus: %d recording%s scored, %d reference event%s, %d detected"
                    + " (TP %d, FN %d, FP %d), %d failure%s", scored.size(), scored.size() == 1 ? "" : "s",
                    c.referenceEvents(), c.referenceEvents() == 1 ? "" : "s", c.detectedEvents(), c.truePositives(),
                    c.falseNegatives(), c.falsePositives(), failures.size(), failures.size() == 1 ? "" : "s"));
        }
        return failures.isEmpty() && !outputFailed ? 0 : 1;
    }

    /** A recording that cannot be scored, with its line. */
    private static final class Unscorable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        Unscorable(String where, String message) {
            super(message, null, false, false);
            this.failure = new Failure(where, message);
        }
    }

    /** Reads the reference and the detections of one recording and pairs them. */
    private void prepare(Inputs.Input in, Map<Path, DetectionsFile.Entry> fromJson, RecordingAnalyzer analyzer,
            List<RecordingEvents> scored, List<Source> sources) throws Unscorable {
        // detections first: a recording the detector cannot read needs no reference
        DetectionSet det;
        if (fromJson != null) {
            DetectionsFile.Entry e = fromJson.get(in.path().toAbsolutePath().normalize());
            if (e == null) {
                throw new Unscorable(in.shown(), "no result for it in " + detections + " (compare its 'file' fields)");
            }
            if (!e.errors().isEmpty()) {
                throw new Unscorable(in.shown(), "skipped: " + detections + " records an error for it ("
                        + String.join("; ", e.errors()) + ")");
            }
            if (e.rule() == null) {
                throw new Unscorable(in.shown(), "skipped: " + detections + " holds no signal of it");
            }
            try {
                det = e.detections();
            } catch (IllegalArgumentException ex) {
                throw new Unscorable(in.shown(), "skipped: " + detections + " gives no analysed time for it (every"
                        + " signal has durationS 0)");
            }
            if (signalOptionsChannels() != null) {
                det = onlyChannels(det, in.shown());
            }
        } else {
            RecordingAnalyzer.FileResult f = analyzer.analyze(in.path());
            if (f.error() != null) {
                throw new Unscorable(in.shown(), f.error());
            }
            List<String> problems = new ArrayList<>();
            for (RecordingAnalyzer.SignalResult s : f.signals()) {
                if (!s.ok()) {
                    problems.add(s.error());
                }
            }
            if (!problems.isEmpty()) {
                throw new Unscorable(in.shown(), String.join("; ", problems) + " (its detections would be incomplete)");
            }
            if (f.signals().isEmpty()) {
                throw new Unscorable(in.shown(), "no signal to analyse");
            }
            det = DetectionSet.of(f);
        }

        Path refFile = reference;
        String refShown = reference == null ? null : reference.toString();
        if (refFile == null) {
            for (String suffix : suffixes) {
                Path beside = besideWithSuffix(in.path(), suffix);
                if (beside != null && Files.isRegularFile(beside)) {
                    refFile = beside;
                    refShown = besideWithSuffix(Path.of(in.shown()), suffix).toString();
                    break;
                }
            }
        }
        ReferenceSet ref;
        try {
            if (refFile == null) {
                String none = "no reference: no " + stem(in.path()) + "{" + String.join(",", suffixes) + "} beside it";
                if (!isEdf(in.path()) || !isEdfPlus(in.path())) {
                    throw new Unscorable(in.shown(), none + (isEdf(in.path()) ? " and it is plain EDF, without"
                            + " annotations" : "") + " (or give --reference FILE)");
                }
                refFile = in.path();
                refShown = "own annotations";
                ref = References.readEdf(in.path(), label);
                if (ref.events().isEmpty()) {
                    // an EDF+ file without a matching annotation may simply not have been annotated: never score it
                    // as free of clonus unless a reference file says so
                    throw new Unscorable(in.shown(), none + ", and " + (ref.read() == 0 ? "it has no annotations"
                            : "none of its " + ref.read() + " annotations" + (label.isBlank() ? ""
                                    : " contains '" + label.strip() + "'")) + " (a recording without clonus needs a"
                            + " reference file without events, such as a CSV with only the header 'start,end')");
                }
            } else {
                ref = References.read(refFile, label);
                ref = aligned(in, refFile, refShown, ref);
            }
        } catch (ReferenceException e) {
            throw new Unscorable(refShown.equals("own annotations") ? in.shown() : refShown, e.detail());
        } catch (IOException e) {
            throw new Unscorable(refShown.equals("own annotations") ? in.shown() : refShown, Failure.describe(e));
        }
        try {
            scored.add(RecordingEvents.of(in.shown(), ref, det));
        } catch (ReferenceException e) {
            throw new Unscorable(refShown.equals("own annotations") ? in.shown() : refShown, e.detail());
        }
        sources.add(new Source(in.shown(), refShown, ref.notes()));
    }

    private List<String> signalOptionsChannels() {
        return spec.commandLine().getParseResult().hasMatchedOption("--channels")
                ? spec.commandLine().getParseResult().matchedOption("--channels").getValue() : null;
    }

    /** With --detections and --channels: only those channels' signals. */
    private DetectionSet onlyChannels(DetectionSet det, String shown) throws Unscorable {
        List<String> wanted = signalOptionsChannels().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> keep = det.channels().stream().filter(c -> wanted.contains(c.strip().toLowerCase(Locale.ROOT)))
                .toList();
        if (keep.isEmpty()) {
            throw new Unscorable(shown, "none of --channels " + String.join(",", signalOptionsChannels())
                    + " among its channels (" + String.join(", ", det.channels()) + ")");
        }
        return new DetectionSet(keep, det.coverage(), det.events().stream().filter(e -> keep.contains(e.channel()))
                .toList(), det.rule());
    }

    /**
     * An annotation-only EDF+ reference counts its onsets from its own start; EDFbrowser shifts imported annotations
     * by the difference of the two files' start times, and so is this: when both start times are known and differ,
     * the events are moved by it.
     */
    private static ReferenceSet aligned(Inputs.Input in, Path refFile, String refShown, ReferenceSet ref)
            throws IOException {
        if (ref.start() == null || !isEdf(in.path()) || !Files.isRegularFile(in.path())) {
            return ref;
        }
        LocalDateTime recStart;
        try (EdfReader r = EdfReader.open(in.path())) {
            recStart = References.knownStart(r.header());
        }
        if (recStart == null || recStart.equals(ref.start())) {
            return ref;
        }
        double dt = Duration.between(recStart, ref.start()).toNanos() / 1e9;
        return ref.shifted(dt, String.format(Locale.ROOT, "onsets moved by %s s: %s starts at %s, the recording at %s",
                Num.time(dt), refShown, ref.start(), recStart));
    }

    private boolean isReferenceName(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String s : suffixes) {
            if (name.endsWith(s.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String stem(Path p) {
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Path besideWithSuffix(Path recording, String suffix) {
        if (recording.getFileName() == null) {
            return null;
        }
        return recording.resolveSibling(stem(recording) + suffix);
    }

    private static boolean isEdf(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".edf") || n.endsWith(".bdf");
    }

    private static boolean isEdfPlus(Path p) {
        try (EdfReader r = EdfReader.open(p)) {
            return r.header().format().isPlus();
        } catch (IOException e) {
            return false;
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** The rules from the options; a value a rule refuses is a usage error naming the option. */
    private ScoringRules rules() {
        ScoringRules r = ScoringRules.defaults();
        try {
            if (startTolerance != null) {
                r = r.withStartToleranceS(startTolerance);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--start-tolerance " + startTolerance + ": " + e.getMessage());
        }
        try {
            if (endTolerance != null) {
                r = r.withEndToleranceS(endTolerance);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--end-tolerance " + endTolerance + ": " + e.getMessage());
        }
        try {
            if (minOverlap != null) {
                r = r.withMinOverlap(minOverlap);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--min-overlap " + minOverlap + ": " + e.getMessage());
        }
        if (maxDuration != null) {
            String m = maxDuration.trim().toLowerCase(Locale.ROOT);
            double v;
            if (m.equals("none") || m.equals("inf") || m.equals("infinity")) {
                v = Double.POSITIVE_INFINITY;
            } else {
                try {
                    v = Double.parseDouble(m);
                } catch (NumberFormatException e) {
                    throw usage("--max-duration " + maxDuration + ": give seconds, or none");
                }
            }
            try {
                r = r.withMaxEventDurationS(v);
            } catch (IllegalArgumentException e) {
                throw usage("--max-duration " + maxDuration + ": " + e.getMessage());
            }
        }
        try {
            if (mergeGap != null) {
                r = r.withMergeGapS(mergeGap);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--merge-gap " + mergeGap + ": " + e.getMessage());
        }
        try {
            if (epoch != null) {
                r = r.withEpochS(epoch);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--epoch " + epoch + ": " + e.getMessage());
        }
        try {
            if (epochCover != null) {
                r = r.withEpochCover(epochCover);
            }
        } catch (IllegalArgumentException e) {
            throw usage("--epoch-cover " + epochCover + ": " + e.getMessage());
        }
        try {
            if (bootstrap != null || seed != null) {
                r = r.withBootstrap(bootstrap != null ? bootstrap : r.bootstrapResamples(), seed != null ? seed : r.seed());
            }
        } catch (IllegalArgumentException e) {
            throw usage("--bootstrap " + bootstrap + ": " + e.getMessage());
        }
        return r;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
