package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.SimulatedRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EDF, EDF+ and EDF+D input, and its agreement with delimited text. */
class EdfInputTest {
    @TempDir
    Path dir;

    @Test
    void edfAndCsvOfTheSameSamplesGiveTheSameBeats() throws IOException {
        SimulatedRecording rec = Cli.sustained(42);
        double[] x = Cli.axis(rec, 0);
        Path edf = Cli.edf(dir.resolve("same.edf"), new Cli.EdfSignal("EMG soleus", "uV", 2000, x));
        Path csv = Cli.csv(dir.resolve("same.csv"), rec.signal(), "EMG soleus");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", csv.toString(), edf.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode fromCsv = r.json().get(0);
        JsonNode fromEdf = r.json().get(1);
        assertEquals("uV", fromEdf.get("unit").asText());
        assertEquals("a.u.", fromCsv.get("unit").asText());
        for (String k : List.of("channel", "type", "classification", "beatCount", "sampleRateHz", "durationS")) {
            assertEquals(fromCsv.get(k), fromEdf.get(k), k);
        }
        double envelopeSample = 1 / 250.0;
        JsonNode a = fromCsv.get("beats");
        JsonNode b = fromEdf.get("beats");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("timeS").asDouble(), b.get(i).get("timeS").asDouble(), envelopeSample + 1e-9,
                    "beat " + i);
        }
    }

    @Test
    void bdfWithAnUpperCaseExtensionReadsAlike() throws IOException {
        double[] x = Cli.axis(Cli.sustained(42), 0);
        Path edf = Cli.edf(dir.resolve("a.edf"), new Cli.EdfSignal("EMG", "uV", 2000, x));
        Path bdf = dir.resolve("A.BDF");
        EdfWriter.bdfPlus().start(Cli.START).addSignal("EMG", "uV", 2000, -Cli.range(x), Cli.range(x), -8388608,
                8388607, x).write(bdf);
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", edf.toString(), bdf.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(r.json().get(0).get("beatCount"), r.json().get(1).get("beatCount"));
        assertEquals(r.json().get(0).get("classification"), r.json().get(1).get("classification"));
    }

    @Test
    void sessionWithTwoEmgChannelsAndATriaxialAccelerometerByLabel() throws IOException {
        SimulatedRecording left = Cli.sustained(42);
        SimulatedRecording right = Cli.none(44);
        SimulatedRecording acc = Cli.acc(7);
        // the accelerometer record is 30 s; keep 20 s so that every signal fills the same records
        double[][] axes = new double[3][];
        for (int i = 0; i < 3; i++) {
            axes[i] = Arrays.copyOf(Cli.axis(acc, i), 2000);
        }
        Path edf = Cli.edf(dir.resolve("session.edf"),
                new Cli.EdfSignal("EMG L TA", "uV", 2000, Cli.axis(left, 0)),
                new Cli.EdfSignal("EMG R TA", "uV", 2000, Cli.axis(right, 0)),
                new Cli.EdfSignal("ACC X", "g", 100, axes[0]),
                new Cli.EdfSignal("ACC Y", "g", 100, axes[1]),
                new Cli.EdfSignal("ACC Z", "g", 100, axes[2]));

        Cli.Run all = Cli.run("analyze", "-q", "--format", "json", edf.toString());
        assertEquals(0, all.status(), all::toString);
        List<JsonNode> results = all.json();
        assertEquals(List.of("EMG L TA", "EMG R TA", "ACC"), results.stream().map(n -> n.get("channel").asText())
                .toList());
        assertEquals("SUSTAINED", results.get(0).get("classification").asText());
        assertEquals(12, results.get(0).get("beatCount").asInt());
        assertEquals("NONE", results.get(1).get("classification").asText());
        JsonNode motion = results.get(2);
        assertEquals("ACC", motion.get("type").asText());
        assertEquals(100.0, motion.get("sampleRateHz").asDouble());
        assertEquals("g", motion.get("unit").asText());
        assertEquals("SUSTAINED", motion.get("classification").asText());
        assertEquals(acc.episodes().get(0).frequencyHz(), motion.get("frequencyHz").asDouble(), 0.3);
        assertEquals(acc.episodes().get(0).beatCount(), motion.get("beatCount").asInt(), 1);

        Cli.Run chosen = Cli.run("analyze", "-q", "--format", "json", "--channels", "emg l ta,ACC X,ACC Y,ACC Z",
                edf.toString());
        assertEquals(0, chosen.status(), chosen::toString);
        assertEquals(List.of("EMG L TA", "ACC"), chosen.json().stream().map(n -> n.get("channel").asText()).toList());

        Cli.Run oneAxis = Cli.run("analyze", "-q", "--format", "json", "--channels", "ACC Z", edf.toString());
        assertEquals("ACC Z", oneAxis.json().get(0).get("channel").asText());

        // one signal at a time, three at once, the explicit real-time path, and with the samples held for a
        // plot: the same results
        String expected = all.out();
        for (String[] options : List.of(new String[] {"--threads", "1"}, new String[] {"--threads", "3"},
                new String[] {"--streaming"}, new String[] {"--plot-dir", dir.resolve("pics").toString()})) {
            List<String> args = new java.util.ArrayList<>(List.of("analyze", "-q", "--format", "json"));
            args.addAll(List.of(options));
            args.add(edf.toString());
            Cli.Run again = Cli.run(args.toArray(new String[0]));
            assertEquals(0, again.status(), again::toString);
            // the same results; with --plot-dir each also names its picture
            assertEquals(expected, again.out().replaceAll("\"picture\":\"[^\"]*\"", "\"picture\":null"),
                    String.join(" ", options));
        }
        assertEquals(2, Cli.run("analyze", "--threads", "0", edf.toString()).status());
    }

    @Test
    void accelerometerAxesMustShareTheirRate() throws IOException {
        double[] x = Cli.axis(Cli.acc(7), 0);
        Path edf = Cli.edf(dir.resolve("mixed.edf"),
                new Cli.EdfSignal("EMG", "uV", 2000, Arrays.copyOf(Cli.axis(Cli.sustained(42), 0), 40000)),
                new Cli.EdfSignal("ACC X", "g", 100, Arrays.copyOf(x, 2000)),
                new Cli.EdfSignal("ACC Y", "g", 50, Arrays.copyOf(x, 1000)));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", edf.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(List.of("clonus: " + edf + ": sensor 'ACC': its axes must share one sample rate, but they have"
                + " 'ACC X' 100 Hz, 'ACC Y' 50 Hz; analyse them one by one with --channels and --type acc"), r.errLines());
        assertTrue(r.json().get(0).get("error").asText().startsWith("sensor 'ACC': its axes must share"), r::out);
        assertEquals("EMG", r.json().get(1).get("channel").asText(), "the other channel is still analysed");
    }

    @Test
    void otherChannelsAreSkippedWithANoteAndEmgTooSlowIsRefused() throws IOException {
        double[] emg = Cli.axis(Cli.sustained(42), 0);
        double[] slow = new double[4000];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = Math.sin(i * 0.3) * 10;
        }
        Path edf = Cli.edf(dir.resolve("psg.edf"),
                new Cli.EdfSignal("EEG Fpz-Cz", "uV", 2000, emg),
                new Cli.EdfSignal("EMG chin", "uV", 200, slow),
                new Cli.EdfSignal("EMG leg", "uV", 2000, emg));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", edf.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(2, r.errLines().size(), r::err);
        assertTrue(r.errLines().get(0).startsWith("clonus: " + edf + ": warning: skipped 'EEG Fpz-Cz': not EMG or"
                + " accelerometer by name"), r::err);
        assertTrue(r.errLines().get(1).startsWith("clonus: " + edf + ": channel 'EMG chin': EMG sampled at 200"),
                r::err);
        assertTrue(r.errLines().get(1).contains("at least 500 Hz"), r::err);
        assertTrue(r.json().get(0).get("error").asText().startsWith("channel 'EMG chin': EMG sampled at 200"),
                r::out);
        assertEquals("EMG leg", r.json().get(1).get("channel").asText());
        assertTrue(r.json().get(1).get("warnings").get(0).asText().startsWith("skipped 'EEG Fpz-Cz'"));
    }

    @Test
    void discontinuousFileIsAnalysedSegmentBySegmentOnTheRecordingsClock() throws IOException {
        SimulatedRecording first = Cli.none(44);
        SimulatedRecording second = Cli.sustained(42);
        double[] x = new double[80000];
        System.arraycopy(Cli.axis(first, 0), 0, x, 0, 40000);
        System.arraycopy(Cli.axis(second, 0), 0, x, 40000, 40000);
        double[] onsets = new double[40];
        for (int i = 0; i < 40; i++) {
            onsets[i] = i < 20 ? i : 100 + (i - 20); // a gap from 20 s to 100 s
        }
        Path edf = dir.resolve("gaps.edf");
        EdfWriter.edfPlus().start(Cli.START).recordDurationS(1).discontinuous(onsets)
                .addSignal("EMG", "uV", 2000, -Cli.range(x), Cli.range(x), -32768, 32767, x).write(edf);
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", edf.toString());
        assertEquals(0, r.status(), r::toString);
        List<JsonNode> results = r.json();
        assertEquals(2, results.size());
        assertEquals(1, results.get(0).get("segment").asInt());
        assertEquals(0.0, results.get(0).get("segmentStartS").asDouble());
        assertEquals("NONE", results.get(0).get("classification").asText());
        JsonNode s2 = results.get(1);
        assertEquals(2, s2.get("segment").asInt());
        assertEquals(100.0, s2.get("segmentStartS").asDouble());
        assertEquals("SUSTAINED", s2.get("classification").asText());
        double expectedStart = 100 + second.episodes().get(0).startS();
        assertEquals(expectedStart, s2.get("episodes").get(0).get("startS").asDouble(), 0.15,
                "times count from the recording's start, across the gap");
        assertEquals(100 + second.episodes().get(0).beatTimesS().get(0),
                s2.get("beats").get(0).get("timeS").asDouble(), 0.04);

        Cli.Run text = Cli.run("analyze", "-q", edf.toString());
        assertTrue(text.out().contains("EMG  (segment 2 of 2, from 100 s)"), text::out);
        Cli.Run csv = Cli.run("analyze", "-q", "--format", "csv", edf.toString());
        List<List<String>> rows = OutputFormatsTest.parseCsv(csv.out());
        assertEquals("1", rows.get(1).get(10));
        assertEquals("2", rows.get(2).get(10));
    }
}
