package io.clonus.cli;

import io.clonus.analysis.Recording;
import io.clonus.analysis.RecordingAnalyzer;
import io.clonus.analysis.RecordingReader;
import io.clonus.detect.ClonusDetector;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.RejectedRun;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.InvalidSignalException;
import io.clonus.detect.Signal;
import io.clonus.io.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clonus analyze}: analyses files, directories and globs, one result per signal, and writes the
 * results (text, JSON Lines or CSV on standard output) and optionally beats, annotations and plots.
 *
 * <p>A problem with one input (unreadable, malformed, unusable channel, signal refused by the detector)
 * is one line {@code clonus: FILE: message} on standard error, and the batch goes on; the exit status is
 * then 1. A usage error is status 2. Not thread-safe: one instance runs one command line.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, descriptionHeading = "%n",
        parameterListHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Detects clonus in EMG and accelerometer recordings and reports, per signal, the episodes"
                + " with their beats, frequency, class and SCATS grade.",
            "Inputs: delimited text (.csv .txt .tsv and others; a time column or --fs gives the rate) and"
                + " EDF, EDF+, BDF (by extension .edf/.bdf), MATLAB v5-v7 .mat files (a variable such as fs or"
                + " --fs gives the rate). Directories are searched recursively; globs"
                + " (*, ?, **) are expanded. Times in every output are seconds from the recording's start."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input was analysed",
            "1:some file or channel could not be analysed (one line each on standard error)",
            "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  clonus analyze --fs 2000 soleus.csv",
            "  clonus analyze --format json --channels \"EMG L TA,ACC X,ACC Y,ACC Z\" s.edf",
            "  clonus analyze --format csv --beats beats.csv 'data/**/*.edf' > episodes.csv",
            "  clonus analyze --annotations clonus.edf --plot clonus.png session.edf"})
final class AnalyzeCommand implements Callable<Integer> {

    /** Output formats of the results on standard output. */
    enum OutputFormat {
        /** Readable summary. */
        text,
        /** JSON Lines. */
        json,
        /** One CSV row per episode. */
        csv
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private SignalOptions signalOptions;

    @Mixin
    private DetectorOptions detectorOptions;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            description = "Results on standard output: text (default), json (JSON Lines, one object per"
                    + " signal) or csv (one row per episode; a signal without episodes gets one NONE row).")
    private OutputFormat format;

    @Option(names = "--beats", paramLabel = "FILE.csv",
            description = "Also write every beat: file, channel, type, episode, timeS, amplitude, segment.")
    private Path beats;

    @Option(names = "--annotations", paramLabel = "OUT.edf",
            description = "Also write an EDF+ annotation file with one annotation per episode, for EDFbrowser."
                    + " Takes one input file; its start time is the input EDF's.")
    private Path annotations;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
            description = "Also draw signal, detection signal and spectrum. Takes one input file; when it has"
                    + " several signals, each gets FILE-<channel>.png.")
    private Path plot;

    @Option(names = "--plot-dir", paramLabel = "DIR",
            description = "Also draw one picture per signal into DIR (created if needed), named after the"
                    + " input's path below the inputs' common folder and the channel:"
                    + " <folder>_<file>_<channel>.png.")
    private Path plotDir;

    @Option(names = "--plot-format", paramLabel = "png|svg", defaultValue = "png",
            description = "Picture format for --plot-dir (--plot takes it from its file name). Default: png.")
    private String plotFormat;

    @Option(names = "--threads", paramLabel = "N",
            description = "Signals of one file analysed at once (default: the number of processors). Each reads its"
                    + " own samples record by record, so memory stays small whatever the length.")
    private Integer threads;

    @Option(names = "--streaming",
            description = "Run the real-time detector over the samples as they are read, block by block, never"
                    + " holding a whole signal (the default whenever no plot is asked for). The results are the"
                    + " same as the default analysis.")
    private boolean streaming;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no closing summary on standard error.")
    private boolean quiet;

    @Option(names = "--methods",
            description = "Add the methods paragraph (text: once per distinct configuration at the end;"
                    + " json: a 'methods' key).")
    private boolean methods;

    @Option(names = "--debug", description = "Print every run of beat candidates that was judged and not"
            + " accepted, with the rule it failed (measured value against the limit), and the stack trace of"
            + " unexpected errors.")
    private boolean debug;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|GLOB", description = "Recordings to analyse.")
    private List<String> inputs;

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    boolean debug() {
        return debug;
    }

    @Override
    public Integer call() {
        DetectorConfig config = detectorOptions.config();
        RecordingReader reader = signalOptions.reader();
        Plots.Format dirFormat = plotDirFormat();
        if (plotDir == null && spec.commandLine().getParseResult().hasMatchedOption("--plot-format")) {
            throw usage("--plot-format applies to --plot-dir; --plot takes its format from the file name"
                    + " (.png or .svg)");
        }
        if (plot != null && Plots.Format.of(plot) == null) {
            throw usage("--plot " + plot + ": the file name must end in .png or .svg");
        }
        if (annotations != null && !annotations.toString().toLowerCase(Locale.ROOT).endsWith(".edf")) {
            throw usage("--annotations " + annotations + ": the file name must end in .edf");
        }
        if (methods && format == OutputFormat.csv) {
            throw usage("--methods goes with --format text or json (a paragraph has no place in CSV rows)");
        }

        Inputs.Expansion found = Inputs.expand(inputs, Path.of(""));
        if (annotations != null && found.files().size() > 1) {
            throw usage("--annotations takes one input file, but the arguments name " + found.files().size()
                    + "; run once per file");
        }
        if (plot != null && found.files().size() > 1) {
            throw usage("--plot takes one input file, but the arguments name " + found.files().size()
                    + "; use --plot-dir DIR for several");
        }
        checkNotAnInput(found, beats, "--beats");
        checkNotAnInput(found, annotations, "--annotations");
        checkNotAnInput(found, plot, "--plot");

        Progress progress = new Progress(err, !quiet && err == System.err && Progress.stderrIsTerminal()
                && found.files().size() > 1, found.files().size());
        BatchSummary summary = new BatchSummary();
        summary.hiddenSkipped(found.hiddenSkipped());
        summary.annotationOnlySkipped(found.annotationOnlySkipped());

        // outputs that can fail are opened first, so that a failure leaves nothing half-written behind; the
        // folders of every output are created as --plot-dir's is
        for (Path file : new Path[] {beats, annotations, plot}) {
            Path parent = file == null ? null : file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    progress.println(new Failure(file.toString(), "cannot create its folder " + parent + ": "
                            + Failure.describe(e)).line());
                    return 1;
                }
            }
        }
        if (plotDir != null) {
            try {
                Files.createDirectories(plotDir);
            } catch (IOException e) {
                progress.println(new Failure(plotDir.toString(), "cannot create the plot directory: "
                        + Failure.describe(e)).line());
                return 1;
            }
        }
        BeatsCsv beatsCsv = null;
        if (beats != null) {
            try {
                beatsCsv = new BeatsCsv(Files.newBufferedWriter(beats, StandardCharsets.UTF_8));
            } catch (IOException e) {
                progress.println(new Failure(beats.toString(), "cannot write: " + Failure.describe(e)).line());
                return 1;
            }
        }
        List<ResultWriter> writers = new ArrayList<>();
        writers.add(switch (format) {
            case text -> new TextReport(out, methods);
            case json -> new JsonLinesReport(out, methods);
            case csv -> new CsvReport(out);
        });
        if (beatsCsv != null) {
            writers.add(beatsCsv);
        }
        AnnotationExport export = annotations == null ? null : new AnnotationExport(annotations);

        if (threads != null && threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Batch batch = new Batch(ClonusDetector.of(config), reader, writers, export,
                dirFormat, progress, summary, workers, commonFolder(found.files()));
        int done = 0;
        for (Inputs.Item item : found.items()) {
            if (item.problem() != null) {
                batch.fail(item.problem());
                continue;
            }
            progress.show(done, item.input().shown());
            batch.analyze(item.input());
            done++;
            if (out.checkError()) {
                // the reader of standard output has gone (e.g. '| head'): the rest would be lost
                progress.println("clonus: standard output closed; stopped after " + done + " of "
                        + found.files().size() + " files");
                summary.failure();
                break;
            }
        }
        progress.show(done, "");
        progress.clear();
        for (ResultWriter w : writers) {
            try {
                w.finish();
            } catch (IOException e) {
                progress.println(new Failure(beats == null ? "output" : beats.toString(), "cannot write: "
                        + Failure.describe(e)).line());
                summary.failure();
            }
        }
        if (export != null && export.opened()) {
            try {
                export.write();
            } catch (IOException | IllegalArgumentException e) {
                progress.println(new Failure(annotations.toString(), "cannot write the annotation file: "
                        + (e instanceof IOException io ? Failure.describe(io) : e.getMessage())).line());
                summary.failure();
            }
        }
        if (!quiet) {
            err.println(summary.line());
            err.flush();
        }
        return summary.failures() > 0 ? 1 : 0;
    }

    private Plots.Format plotDirFormat() {
        return switch (plotFormat.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> Plots.Format.PNG;
            case "svg" -> Plots.Format.SVG;
            default -> throw usage("--plot-format " + plotFormat + ": use png or svg");
        };
    }

    /** @return the deepest folder holding every input (absolute), or null without inputs */
    static Path commonFolder(List<Inputs.Input> inputs) {
        Path common = null;
        for (Inputs.Input in : inputs) {
            Path dir = in.path().toAbsolutePath().normalize().getParent();
            if (dir == null) {
                continue;
            }
            if (common == null) {
                common = dir;
            } else {
                while (!dir.startsWith(common)) {
                    common = common.getParent();
                    if (common == null) {
                        return null;
                    }
                }
            }
        }
        return common;
    }

    /** Refuses an output path that is one of the inputs: writing it would destroy a recording. */
    private void checkNotAnInput(Inputs.Expansion found, Path output, String option) {
        if (output == null) {
            return;
        }
        Path o = output.toAbsolutePath().normalize();
        for (Inputs.Input in : found.files()) {
            if (in.path().toAbsolutePath().normalize().equals(o)) {
                throw usage(option + " " + output + " is one of the input files; choose another name");
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Runs the analysis of the input files, one at a time, one signal at a time. */
    private final class Batch {
        private final ClonusDetector detector;
        private final RecordingReader reader;
        private final List<ResultWriter> writers;
        private final AnnotationExport export;
        private final Plots.Format dirFormat;
        private final Progress progress;
        private final BatchSummary summary;
        private final Set<String> plotNames = new HashSet<>();

        private final RecordingAnalyzer analyzer;
        /** The deepest folder holding every input: pictures in --plot-dir are named by the path below it. */
        private final Path commonFolder;

        Batch(ClonusDetector detector, RecordingReader reader, List<ResultWriter> writers, AnnotationExport export,
                Plots.Format dirFormat, Progress progress, BatchSummary summary, int workers, Path commonFolder) {
            this.commonFolder = commonFolder;
            this.detector = detector;
            this.reader = reader;
            this.writers = writers;
            this.export = export;
            this.dirFormat = dirFormat;
            this.progress = progress;
            this.summary = summary;
            this.analyzer = RecordingAnalyzer.of(detector.config(), reader, workers);
        }

        void analyze(Inputs.Input in) {
            summary.file();
            try (Recording rec = reader.open(in.path())) {
                for (String note : rec.notes()) {
                    progress.println(new Failure(in.shown(), "warning: " + note).line());
                }
                for (String problem : rec.channelProblems()) {
                    fail(in, problem);
                }
                if (export != null) {
                    export.start(rec.start());
                }
                boolean needSamples = !streaming && (plot != null || plotDir != null);
                if (needSamples) {
                    for (Recording.Source src : rec.sources()) {
                        analyze(in, rec, src);
                    }
                } else {
                    analyzeStreaming(in, rec);
                }
            } catch (InputException e) {
                fail(in, e.getMessage());
            } catch (IOException e) {
                fail(in, Failure.describe(e));
            } catch (InvalidSignalException e) {
                fail(in, e.getMessage());
            } catch (RuntimeException e) {
                unexpected(in, e);
            } catch (OutOfMemoryError e) {
                // what the file held is dropped with this frame, so the batch goes on with the next input
                fail(in, "out of memory while reading; give Java more, e.g. JAVA_OPTS=-Xmx8g");
            }
        }

        /**
         * Analyses every signal of the file without holding any whole, up to {@code workers} at once, and
         * writes the results in file order.
         */
        private void analyzeStreaming(Inputs.Input in, Recording rec) {
            analyzer.analyzeSources(rec, src -> debugListener(in, src),
                    (src, raw, failure) -> finish(in, rec, src, null, raw, failure));
        }

        /** Analyses one signal held whole (for its pictures). */
        private void analyze(Inputs.Input in, Recording rec, Recording.Source src) {
            Signal loaded = null;
            ClonusResult raw = null;
            Throwable failure = null;
            try {
                loaded = src.loader().load();
                raw = detector.analyze(loaded, debugListener(in, src));
            } catch (IOException | InputException | RuntimeException | OutOfMemoryError e) {
                failure = e;
            }
            finish(in, rec, src, loaded, raw, failure);
        }

        /**
         * With {@code --debug}: a listener that prints, for each run of candidates judged and rejected, the rule
         * it failed with the measured value and the limit; otherwise null.
         */
        private DetectionListener debugListener(Inputs.Input in, Recording.Source src) {
            if (!debug) {
                return null;
            }
            double offset = src.startS();
            return new DetectionListener() {
                @Override
                public void onRejectedRun(RejectedRun run) {
                    RejectedRun at = new RejectedRun(run.startS() + offset, run.endS() + offset, run.beats(),
                            run.frequencyHz(), run.rule(), run.measured(), run.limit());
                    progress.println(in.shown() + " " + src.channel() + ": rejected " + at.describe());
                }
            };
        }

        /**
         * Writes one signal's result, or its one-line failure ({@link RecordingAnalyzer#describe}, the library's
         * message); {@code loaded} holds the samples if kept.
         */
        private void finish(Inputs.Input in, Recording rec, Recording.Source src, Signal loaded, ClonusResult raw,
                Throwable failure) {
            if (failure instanceof RuntimeException e && !(failure instanceof InvalidSignalException)) {
                unexpected(in, e);
                return;
            }
            if (failure != null) {
                // OutOfMemoryError included: the signal is dropped with this frame, so the batch goes on
                fail(in, RecordingAnalyzer.describe(src, failure));
                return;
            }
            String where = src.segment() > 0 ? String.format(Locale.ROOT, "segment %d (from %s s): ", src.segment(),
                    Num.time(src.startS())) : "";
            Analysis a = Analysis.of(in.shown(), src, loaded, raw, rec.notes());
            summary.add(a);
            if (plot != null || plotDir != null) {
                a = drawn(in, rec, src, a, where);
            }
            for (ResultWriter w : writers) {
                try {
                    w.write(a);
                } catch (IOException | UncheckedIOException e) {
                    IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                    fail(in, "cannot write results: " + Failure.describe(io));
                }
            }
            if (export != null) {
                export.add(a);
            }
        }

        /** Draws the pictures asked for; returns the analysis naming the one drawn (the last, if both). */
        private Analysis drawn(Inputs.Input in, Recording rec, Recording.Source src, Analysis a, String where) {
            Analysis drawn = a;
            if (a.signal() == null) {
                // analysed as a stream: the picture needs the samples, read once more
                try {
                    drawn = new Analysis(a.file(), src, src.loader().load(), a.result(), a.warnings());
                } catch (IOException | InputException e) {
                    fail(in, where + "channel '" + src.channel() + "': cannot read the samples for the plot: "
                            + e.getMessage());
                    return a;
                }
            }
            String picture = null;
            if (plot != null) {
                Path file = plotFile(plot, src, rec.sources().size());
                if (drawPlot(in, drawn, fileName(in), file, Plots.Format.of(plot))) {
                    picture = file.toString();
                }
            }
            if (plotDir != null) {
                Path file = plotDir.resolve(uniqueName(in, src));
                if (drawPlot(in, drawn, below(in), file, dirFormat)) {
                    picture = file.toString();
                }
            }
            return picture == null ? a : a.withPicture(picture);
        }

        private static String fileName(Inputs.Input in) {
            Path name = in.path().getFileName();
            return name == null ? in.shown() : name.toString();
        }

        /** The input's path below the inputs' common folder, with '/' ("patient3/session.edf"). */
        private String below(Inputs.Input in) {
            Path p = in.path().toAbsolutePath().normalize();
            if (commonFolder == null || !p.startsWith(commonFolder)) {
                return fileName(in);
            }
            return commonFolder.relativize(p).toString().replace('\\', '/');
        }

        /** @return whether the picture was written */
        private boolean drawPlot(Inputs.Input in, Analysis a, String shown, Path file, Plots.Format f) {
            try {
                Plots.write(a, shown, file, f);
                return true;
            } catch (IOException e) {
                fail(in, "channel '" + a.channelAndSegment() + "': cannot write the plot " + file + ": "
                        + Failure.describe(e));
            } catch (RuntimeException e) {
                unexpected(in, e);
            }
            return false;
        }

        /** --plot FILE with several signals in the file: FILE-channel.ext, so that none overwrites another. */
        private Path plotFile(Path given, Recording.Source src, int signals) {
            if (signals <= 1) {
                return given;
            }
            String name = given.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String suffix = "-" + sanitize(src.channel()) + (src.segment() > 0 ? "-seg" + src.segment() : "");
            return given.resolveSibling(name.substring(0, dot) + suffix + name.substring(dot));
        }

        /**
         * The picture's name in --plot-dir: the input's path below the inputs' common folder without its
         * extension, folders joined by '_' ("patient3_session"), then the channel (and segment); "-2", "-3"
         * only if two names still coincide.
         */
        private String uniqueName(Inputs.Input in, Recording.Source src) {
            String file = below(in);
            int dot = file.lastIndexOf('.');
            String stem = dot > 0 && dot > file.lastIndexOf('/') ? file.substring(0, dot) : file;
            stem = stem.replace('/', '_');
            String base = sanitize(stem) + "_" + sanitize(src.channel())
                    + (src.segment() > 0 ? "_seg" + src.segment() : "");
            String name = base;
            for (int k = 2; !plotNames.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "-" + k;
            }
            return name + dirFormat.extension();
        }

        private void fail(Inputs.Input in, String message) {
            fail(new Failure(in.shown(), message));
        }

        /** Reports a failure on standard error and as a row of the results, so that every input appears. */
        void fail(Failure f) {
            progress.println(f.line());
            summary.failure();
            for (ResultWriter w : writers) {
                try {
                    w.writeFailure(f);
                } catch (IOException | UncheckedIOException e) {
                    progress.println(new Failure(f.where(), "cannot write results: " + Failure.describe(
                            e instanceof UncheckedIOException u ? u.getCause() : (IOException) e)).line());
                }
            }
        }

        private void unexpected(Inputs.Input in, RuntimeException e) {
            fail(in, "internal error: " + e);
            if (debug) {
                progress.clear();
                e.printStackTrace(err);
            }
        }
    }

    /**
     * @param s a channel or file name
     * @return it with everything but letters, digits, '.', '-' and '_' replaced by '_', for a file name
     */
    static String sanitize(String s) {
        String t = s.strip().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_.]+|_+$", "");
        return t.isEmpty() ? "signal" : t;
    }
}
