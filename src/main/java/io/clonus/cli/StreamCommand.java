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
import java.io.BufferedReader;
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
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clonus stream}: reads samples from standard input, one line per sample (columns separated by
 * commas, tabs, semicolons or spaces, an optional header row naming them, {@code #} lines skipped), runs the
 * real-time detector and prints each beat and episode as a JSON Lines event as soon as it is known, then one
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
        description = {"Reads samples from standard input, one line per sample, and prints beats and episodes as"
                + " JSON Lines as they happen, then each signal's result (the analyze --format json schema).",
            "With --type emg every column is a channel of its own; with --type acc the columns (up to 3) are the"
                + " axes of one sensor. A column named time or t is skipped."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the input was analysed", "1:a line could not be read or a sample was not a number",
            "2:usage error"},
        footer = {"%nExample:", "  my-amplifier --stdout | clonus stream --fs 2000 --type emg"})
final class StreamCommand implements Callable<Integer> {
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\t ]+");

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
        if (!(fs > 0) || Double.isInfinite(fs)) {
            throw new ParameterException(spec.commandLine(), "--fs " + fs + ": the sample rate must be a positive number of Hz");
        }
        DetectorConfig config = detectorOptions.config();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        try {
            String line;
            List<String> header = null;
            int[] columns = null;
            List<Channel> signals = null;
            double[][] row = null;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cells = SEPARATORS.split(t);
                if (signals == null) {
                    if (!isNumber(cells[0])) {
                        header = List.of(cells);
                        columns = choose(header);
                        signals = open(config, header, columns);
                        row = new double[signals.get(0).axes][1];
                        continue;
                    }
                    header = new ArrayList<>();
                    for (int i = 0; i < cells.length; i++) {
                        header.add("col" + (i + 1));
                    }
                    if (channels != null && !channels.isEmpty()) {
                        throw new InputException("line " + lineNo + ": --channels needs a header row naming the columns");
                    }
                    columns = choose(header);
                    signals = open(config, header, columns);
                    row = new double[signals.get(0).axes][1];
                }
                if (cells.length != header.size()) {
                    throw new InputException("line " + lineNo + ": " + cells.length + " fields, expected "
                            + header.size() + " (" + String.join(", ", header) + ")");
                }
                int c = 0;
                for (Channel ch : signals) {
                    for (int a = 0; a < ch.axes; a++) {
                        int col = columns[c++];
                        try {
                            row[a][0] = Double.parseDouble(cells[col]);
                        } catch (NumberFormatException e) {
                            throw new InputException(String.format(Locale.ROOT, "line %d, column %d ('%s'): '%s' is not a number",
                                    lineNo, col + 1, header.get(col), cells[col]));
                        }
                    }
                    ch.detector.accept(row, 0, 1); // every signal has row.length axes (EMG: 1; ACC: one sensor)
                }
            }
            if (signals == null) {
                throw new InputException("no samples on standard input");
            }
            for (Channel ch : signals) {
                ClonusResult r = ch.detector.finish();
                Recording.Source src = new Recording.Source(ch.name, type, fs, 0, 1, 0.0, "a.u.", null);
                Analysis a = new Analysis("-", src, null, r, r.warnings());
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
            err.println(new Failure("stdin", e.getMessage()).line());
        } catch (InvalidSignalException e) {
            err.println(new Failure("stdin", "line " + lineNo + ": " + e.getMessage()).line());
        } catch (IOException e) {
            err.println(new Failure("stdin", Failure.describe(e)).line());
        } catch (UncheckedIOException e) {
            err.println(new Failure("stdout", Failure.describe(e.getCause())).line());
        }
        return 1;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Column indices of the chosen signals, in signal order (EMG: one per channel; ACC: the axes). */
    private int[] choose(List<String> header) throws InputException {
        List<String> available = new ArrayList<>();
        for (String h : header) {
            if (!DelimitedText.isTimeColumn(h)) {
                available.add(h);
            }
        }
        List<ChannelPlan.Group> groups = ChannelPlan.plan(available, channels, type);
        List<Integer> cols = new ArrayList<>();
        for (ChannelPlan.Group g : groups) {
            for (String c : g.channels()) {
                cols.add(header.indexOf(c));
            }
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<Channel> open(DetectorConfig config, List<String> header, int[] columns) {
        List<Channel> out = new ArrayList<>();
        if (type == SignalType.ACC) {
            StringBuilder name = new StringBuilder();
            for (int c : columns) {
                name.append(name.length() == 0 ? "" : "+").append(header.get(c));
            }
            out.add(new Channel(name.toString(), columns.length, config));
        } else {
            for (int c : columns) {
                out.add(new Channel(header.get(c), 1, config));
            }
        }
        return out;
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
