package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clonus.detect.ClonusDetector;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Signal;
import io.clonus.sim.SimulatedRecording;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clonus stream}: samples on standard input, events and results as JSON Lines. */
class StreamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Out(int status, List<JsonNode> json, String err) {
    }

    private static Out stream(String input, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "stream";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.run(all, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return new Out(status, nodes, err.toString(StandardCharsets.UTF_8));
    }

    private static String lines(Signal s, boolean header) {
        StringBuilder b = new StringBuilder(header ? "time\t" + (s.axisCount() == 1 ? "emg" : "ax\tay\taz") + "\n" : "");
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format(Locale.ROOT, "%.4f", i / s.sampleRateHz()));
            for (int a = 0; a < s.axisCount(); a++) {
                b.append('\t').append(String.format(Locale.ROOT, "%.6f", s.sample(a, i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void emgEventsThenTheResultInTheAnalyzeSchema() throws Exception {
        SimulatedRecording sim = Cli.sustained(42);
        Out o = stream(lines(sim.signal(), true), "--fs", String.valueOf(sim.signal().sampleRateHz()), "--type", "emg");
        assertEquals(0, o.status(), o.err());
        List<JsonNode> events = o.json();
        JsonNode result = events.get(events.size() - 1);
        assertEquals("result", result.get("event").asText());
        assertEquals("emg", result.get("channel").asText());
        assertEquals("-", result.get("file").asText());
        // the streamed samples were rounded to 6 decimals, so compare with the offline analysis of the same text
        double[] x = new double[sim.signal().length()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.parseDouble(String.format(Locale.ROOT, "%.6f", sim.signal().sample(0, i)));
        }
        ClonusResult offline = ClonusDetector.create().analyze(Signal.emg("emg", sim.signal().sampleRateHz(), x));
        assertEquals(offline.classification().name(), result.get("classification").asText());
        assertEquals(offline.beatCount(), result.get("beatCount").asInt());
        long beats = events.stream().filter(e -> e.get("event").asText().equals("beat")).count();
        assertEquals(offline.beatCount(), beats);
        assertEquals(offline.episodes().size(),
                events.stream().filter(e -> e.get("event").asText().equals("episodeEnd")).count());
        // events come in order: a start before its beats, its end after them
        assertEquals("episodeStart", events.get(0).get("event").asText());
    }

    @Test
    void accelerometerAxesWithoutHeaderAreOneSensor() throws Exception {
        SimulatedRecording sim = Cli.acc(43);
        String text = lines(sim.signal(), false).lines().map(l -> l.substring(l.indexOf('\t') + 1))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        Out o = stream(text, "--fs", String.valueOf(sim.signal().sampleRateHz()), "--type", "acc");
        assertEquals(0, o.status(), o.err());
        JsonNode result = o.json().get(o.json().size() - 1);
        assertEquals("ACC", result.get("type").asText());
        assertEquals(sim.expectedBeats(io.clonus.detect.DetectorConfig.defaults()), result.get("beatCount").asInt(), 1);
    }

    @Test
    void aBadLineIsOneErrorLineAndStatusOne() throws Exception {
        Out o = stream("emg\n1\n2\nabc\n", "--fs", "2000", "--type", "emg");
        assertEquals(1, o.status());
        assertTrue(o.err().startsWith("clonus: stdin: line 4, column 1 ('emg'): 'abc' is not a decimal number"),
                o.err());
        Out nan = stream("emg\n1\nNaN\n", "--fs", "2000", "--type", "emg");
        assertEquals(1, nan.status());
        assertTrue(nan.err().contains("line 3") && nan.err().contains("NaN"), nan.err());
        Out empty = stream("", "--fs", "2000", "--type", "emg");
        assertEquals(1, empty.status());
        assertTrue(empty.err().contains("no samples"), empty.err());
    }

    /** The same rules as analyze: one parser. */
    @Test
    void semicolonsWithDecimalCommasAreOneChannelAndTheTimeColumnIsChecked() throws Exception {
        SimulatedRecording sim = Cli.sustained(42);
        String text = lines(sim.signal(), true).replace('.', ',').replace('\t', ';');
        Out o = stream(text, "--fs", "2000", "--type", "emg");
        assertEquals(0, o.status(), o.err());
        JsonNode result = o.json().get(o.json().size() - 1);
        assertEquals("emg", result.get("channel").asText(), "one channel, not integer and fraction parts");
        assertEquals("SUSTAINED", result.get("classification").asText(), o.err());
        assertEquals("", o.err());

        Out wrong = stream(lines(sim.signal(), true), "--fs", "1000", "--type", "emg");
        assertTrue(wrong.err().startsWith("clonus: stdin: warning: --fs 1000 Hz differs from the 2000 Hz implied by"
                + " time column 'time'"), wrong.err());
        Out back = stream("time,emg\n0,1\n0.001,2\n0.0005,3\n", "--fs", "1000", "--type", "emg");
        assertEquals(1, back.status());
        assertTrue(back.err().startsWith("clonus: stdin: line 4: time column 'time' goes back"), back.err());
    }

    @Test
    void aHeaderOfNumberLikeNamesIsAHeaderAndAFileOrDashMayBeGiven() throws Exception {
        SimulatedRecording sim = Cli.sustained(42);
        String text = lines(sim.signal(), true).replace("time\temg", "time\tNaN");
        Out o = stream(text, "--fs", "2000", "--type", "emg");
        assertEquals(0, o.status(), o.err());
        assertEquals("NaN", o.json().get(o.json().size() - 1).get("channel").asText());
        Path f = java.nio.file.Files.writeString(dir.resolve("s.tsv"), lines(sim.signal(), true));
        Out file = stream("", "--fs", "2000", "--type", "emg", f.toString());
        assertEquals(0, file.status(), file.err());
        assertEquals(f.toString(), file.json().get(file.json().size() - 1).get("file").asText());
        Out dash = stream(lines(sim.signal(), true), "--fs", "2000", "--type", "emg", "-");
        assertEquals(file.json().get(file.json().size() - 1).get("beatCount"),
                dash.json().get(dash.json().size() - 1).get("beatCount"));
    }

    @Test
    void anAccelerometerIsNamedAsAnalyzeNamesIt() throws Exception {
        SimulatedRecording sim = Cli.acc(43);
        Out o = stream(lines(sim.signal(), true).replace("ax\tay\taz", "acc_x\tacc_y\tacc_z"), "--fs", "100",
                "--type", "acc");
        assertEquals(0, o.status(), o.err());
        assertEquals("acc", o.json().get(o.json().size() - 1).get("channel").asText());
    }

    @Test
    void anAbsurdRateIsAUsageError() throws Exception {
        Out o = stream("1\n2\n", "--fs", "1e7", "--type", "emg");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("at most 1000000"), o.err());
    }

    @Test
    void usageErrorsAreStatusTwo() throws Exception {
        assertEquals(2, stream("1\n", "--type", "emg").status(), "missing --fs");
        assertEquals(2, stream("1\n", "--fs", "2000").status(), "missing --type");
        assertEquals(2, stream("1\n", "--fs", "-5", "--type", "emg").status());
    }
}
