package io.clonus.cli;

import io.clonus.analysis.Recording;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clonus.detect.Beat;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Episode;
import io.clonus.detect.InvalidSignalException;
import io.clonus.detect.SignalType;
import io.clonus.detect.StreamingDetector;
import io.clonus.io.ChannelPlan;
import io.clonus.io.DelimitedText;
import io.clonus.io.InputException;
import io.clonus.io.TimeColumn;
import io.clonus.analysis.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clonus stream}: reads samples from standard input (or a file), one line per sample, with the rules of
 * {@code clonus analyze} ({@link DelimitedText}: separator and decimal comma, quoted fields, an optional
 * header row, {@code #} lines, strict decimal numbers; a time column is left out, must increase, and is
 * checked against {@code --fs} once a second of rows has come), runs the real-time detector and prints each beat and episode as a JSON Lines event as soon as it is known, then one
 * result per signal in the {@code analyze --format json} schema when the input ends. Each event line is
 * flushed, so other programs can pipe into and out of it.
 *
 * <p>Events: {@code {"event":"episodeStart","channel","episode","startS","frequencyHz"}},
 * {@code {"event":"beat","channel","episode","timeS","amplitude"}},
 * {@code {"event":"episodeEnd","channel","episode","startS","endS","beatCount","frequencyHz","classification","scatsGrade"}},
 * then {@code {"event":"result", ...}}. Times are seconds from the first sample.
 */
@Command(name = "stream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Reads samples from standard input (or FILE), one line per sample, and prints beats and episodes as"
                + " JSON Lines as they happen, then each signal's result (the analyze --format json schema).",
            "With --type emg every column is a channel of its own; with --type acc the columns (up to 3) are the"
                + " axes of one sensor. A column named time or t is skipped."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the input was analysed", "1:a line could not be read or a sample was not a number",
            "2:usage error"},
        footer = {"%nExample:", "  my-amplifier --stdout | clonus stream --fs 2000 --type emg"})
final class StreamCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DetectorOptions detectorOptions;

    @Option(names = "--fs", paramLabel = "HZ", required = true, description = "Sample rate, Hz.")
    private double fs;

    @Option(names = "--type", paramLabel = "emg|acc", required = true, description = "Signal type.")
    private SignalType type;

    @Option(names = "--channels", split = ",", paramLabel = "NAME",
            description = "Columns to analyse, by header name (needs a header row). Default: all but time.")
    private List<String> channels;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Read this file as a stream instead of standard input ('-': standard input).")
    private String input;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonFactory json = JsonFactory.builder().build();

    StreamCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!(fs > 0) || fs > TimeColumn.MAX_RATE_HZ) {
            throw new ParameterException(spec.commandLine(), "--fs " + fs + ": the sample rate must be a positive"
                    + " number of Hz, at most " + DelimitedText.format(TimeColumn.MAX_RATE_HZ));
        }
        DetectorConfig config = detectorOptions.config();
        boolean stdin = input == null || input.equals("-");
        String where = stdin ? "stdin" : input;
        int lineNo = 0;
        try (DelimitedText.Rows rows = DelimitedText.rows(stdin ? new InputStreamReader(in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8))) {
            List<String> names = rows.names();
            for (String note : rows.notes()) {
                err.println(new Failure(where, "warning: " + note).line());
            }
            if (rows.notes().stream().anyMatch(n -> n.startsWith("no header row")) && channels != null
                    && !channels.isEmpty()) {
                throw new InputException("--channels needs a header row naming the columns");
            }
            int timeIdx = -1;
            List<String> available = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (timeIdx < 0 && TimeColumn.isTime(names.get(i))) {
                    timeIdx = i;
                } else {
                    available.add(names.get(i));
                }
            }
            List<String> notes = new ArrayList<>();
            List<ChannelPlan.Group> groups = ChannelPlan.plan(available, channels, type, notes);
            for (String note : notes) {
                err.println(new Failure(where, "warning: " + note).line());
            }
            List<Channel> signals = new ArrayList<>();
            List<int[]> columns = new ArrayList<>();
            for (ChannelPlan.Group g : groups) {
                int[] c = new int[g.channels().size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = names.indexOf(g.channels().get(i));
                }
                columns.add(c);
                signals.add(new Channel(g.label(), c.length, config));
            }
            TimeCheck time = timeIdx >= 0 ? new TimeCheck(names.get(timeIdx), where) : null;
            double[] row = new double[rows.columns()];
            double[][][] one = new double[signals.size()][][];
            for (int k = 0; k < signals.size(); k++) {
                one[k] = new double[columns.get(k).length][1];
            }
            while (rows.next(row)) {
                lineNo = rows.lineNumber();
                if (time != null) {
                    time.add(row[timeIdx], lineNo);
                }
                for (int k = 0; k < signals.size(); k++) {
                    int[] c = columns.get(k);
                    for (int a = 0; a < c.length; a++) {
                        one[k][a][0] = row[c[a]];
                    }
                    signals.get(k).detector.accept(one[k], 0, 1);
                }
            }
            if (lineNo == 0) {
                throw new InputException("no samples: a header (" + String.join(", ", names) + ") but no data rows");
            }
            lineNo = 0; // what finishing finds (too short, a flat line) concerns the whole stream, not a line
            for (Channel ch : signals) {
                ClonusResult r = ch.detector.finish();
                Recording.Source src = new Recording.Source(ch.name, type, fs, 0, 1, 0.0, "a.u.", null);
                Analysis a = new Analysis(stdin ? "-" : where, src, null, r, r.warnings());
                StringWriter text = new StringWriter();
                try (JsonGenerator g = json.createGenerator(text)) {
                    g.writeStartObject();
                    g.writeStringField("event", "result");
                    JsonLinesReport.writeFields(g, a, false);
                    g.writeEndObject();
                }
                out.println(text);
                out.flush();
            }
            return 0;
        } catch (InputException e) {
            err.println(new Failure(where, e.getMessage()).line());
        } catch (InvalidSignalException e) {
            err.println(new Failure(where, (lineNo > 0 ? "line " + lineNo + ": " : "") + e.getMessage()).line());
        } catch (IOException e) {
            err.println(new Failure(where, Failure.describe(e)).line());
        } catch (UncheckedIOException e) {
            err.println(new Failure("stdout", Failure.describe(e.getCause())).line());
        }
        return 1;
    }

    /**
     * The time column of a stream, checked as rows arrive ({@link TimeColumn.Track}: it must increase), and once
     * a second of rows (by --fs) has arrived, the rate it implies must agree with --fs within 1 %, else a
     * warning says so once.
     */
    private final class TimeCheck {
        private final TimeColumn.Track track;
        private final String name;
        private final String where;
        private boolean checked;

        TimeCheck(String name, String where) {
            this.track = new TimeColumn.Track(name);
            this.name = name;
            this.where = where;
        }

        void add(double t, int line) throws InputException {
            track.add(t, line);
            if (!checked && track.rows() > fs) {
                checked = true;
                List<String> notes = new ArrayList<>();
                try {
                    double implied = track.spanRateHz(notes);
                    if (Math.abs(implied - fs) > RecordingReader.RATE_TOLERANCE * fs) {
                        notes.add(String.format(Locale.ROOT, "--fs %s Hz differs from the %s Hz implied by time"
                                + " column '%s' over its first %d rows; using --fs", DelimitedText.format(fs),
                                DelimitedText.format(implied), name, track.rows()));
                    }
                } catch (InputException e) {
                    notes.add(e.getMessage().replace(" or give --fs HZ", "") + "; using --fs");
                }
                for (String note : notes) {
                    err.println(new Failure(where, "warning: " + note).line());
                }
            }
        }
    }

    /** One signal with its detector; its events go straight to standard output. */
    private final class Channel implements DetectionListener {
        final String name;
        final int axes;
        final StreamingDetector detector;

        Channel(String name, int axes, DetectorConfig config) {
            this.name = name;
            this.axes = axes;
            this.detector = StreamingDetector.create(config, type, name, fs, axes, this);
        }

        @Override
        public void onEpisodeStart(int episode, double startS, double frequencyHz) {
            event("episodeStart", episode, g -> {
                g.writeNumberField("startS", Num.roundTime(startS));
                g.writeNumberField("frequencyHz", Num.round(frequencyHz));
            });
        }

        @Override
        public void onBeat(int episode, Beat beat) {
            event("beat", episode, g -> {
                g.writeNumberField("timeS", Num.roundTime(beat.timeS()));
                g.writeNumberField("amplitude", Num.round(beat.amplitude()));
            });
        }

        @Override
        public void onEpisodeEnd(int episode, Episode e) {
            event("episodeEnd", episode, g -> {
                g.writeNumberField("startS", Num.roundTime(e.startS()));
                g.writeNumberField("endS", Num.roundTime(e.endS()));
                g.writeNumberField("beatCount", e.beatCount());
                g.writeNumberField("frequencyHz", Num.round(e.frequencyHz()));
                g.writeStringField("classification", e.classification().name());
                g.writeNumberField("scatsGrade", e.scatsGrade());
            });
        }

        private void event(String kind, int episode, Fields fields) {
            StringWriter text = new StringWriter();
            try (JsonGenerator g = json.createGenerator(text)) {
                g.writeStartObject();
                g.writeStringField("event", kind);
                g.writeStringField("channel", name);
                g.writeNumberField("episode", episode);
                fields.write(g);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(text);
            out.flush();
        }
    }

    /** Writes an event's own fields. */
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }
}
