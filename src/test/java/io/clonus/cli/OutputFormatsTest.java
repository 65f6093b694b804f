package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output format against the simulated truth. */
class OutputFormatsTest {
    @TempDir
    static Path dir;
    static SimulatedRecording sustained;
    static Path sustainedCsv;
    static Path unsustainedCsv;
    static Path noneCsv;

    @BeforeAll
    static void files() throws IOException {
        sustained = Cli.sustained(42);
        sustainedCsv = Cli.csv(dir.resolve("sustained.csv"), sustained.signal(), "EMG soleus");
        unsustainedCsv = Cli.csv(dir.resolve("unsustained.csv"), Cli.unsustained(43).signal(), "EMG soleus");
        noneCsv = Cli.csv(dir.resolve("none.csv"), Cli.none(44).signal(), "EMG soleus");
    }

    private static TrueEpisode truth() {
        return sustained.episodes().get(0);
    }

    @Test
    void textSummaryNamesEverything() {
        Cli.Run r = Cli.run("analyze", sustainedCsv.toString());
        assertEquals(0, r.status(), r::toString);
        String out = r.out();
        for (String expected : List.of(sustainedCsv.toString() + "  EMG soleus", "EMG, 2000 Hz, 20.00 s",
                "class        SUSTAINED (rule beats:5, clonus band 5-8 Hz)", "12 in 1 episode", "SCATS 1",
                "episode 1", "12 beats", "interval CV", "spectral", "autocorrelation", "rhythm", "in the clonus band",
                "conditioning")) {
            assertTrue(out.contains(expected), () -> "missing '" + expected + "' in\n" + out);
        }
        assertEquals(List.of("clonus: 1 file, 1 signal (1 SUSTAINED), 1 episode (1 SUSTAINED), 0 failures"),
                r.errLines());
    }

    @Test
    void jsonLinesMatchTheTruth() {
        Cli.Run r = Cli.run("analyze", "--format", "json", "--quiet", sustainedCsv.toString(), noneCsv.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.err(), "--quiet: no summary");
        List<JsonNode> results = r.json();
        assertEquals(2, results.size());
        JsonNode s = results.get(0);
        Set<String> keys = new TreeSet<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(List.of("file", "channel", "type", "sampleRateHz", "durationS", "classification",
                "beatCount", "frequencyHz", "episodes", "beats", "spectralPeakHz", "autocorrelationHz")), keys::toString);
        assertEquals(sustainedCsv.toString(), s.get("file").asText());
        assertEquals("EMG soleus", s.get("channel").asText());
        assertEquals("EMG", s.get("type").asText());
        assertEquals(2000.0, s.get("sampleRateHz").asDouble(), 1e-6);
        assertEquals(20.0, s.get("durationS").asDouble(), 1e-6);
        assertEquals("SUSTAINED", s.get("classification").asText());
        assertEquals(truth().beatCount(), s.get("beatCount").asInt());
        assertTrue(s.get("frequencyHz").isNumber());
        assertEquals(truth().frequencyHz(), s.get("frequencyHz").asDouble(), 0.3);
        assertTrue(s.get("spectralPeakHz").isNumber());
        JsonNode ep = s.get("episodes").get(0);
        for (String k : List.of("startS", "endS", "beatCount", "frequencyHz", "classification", "scatsGrade")) {
            assertTrue(ep.has(k), k);
        }
        assertEquals(12, ep.get("beatCount").asInt());
        assertEquals("SUSTAINED", ep.get("classification").asText());
        assertEquals(truth().startS(), ep.get("startS").asDouble(), 0.15);
        assertEquals(truth().endS(), ep.get("endS").asDouble(), 0.15);
        JsonNode beats = s.get("beats");
        assertEquals(12, beats.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(truth().beatTimesS().get(i), beats.get(i).get("timeS").asDouble(), 0.04, "beat " + i);
            assertTrue(beats.get(i).get("amplitude").asDouble() > 0);
        }

        JsonNode n = results.get(1);
        assertEquals("NONE", n.get("classification").asText());
        assertEquals(0, n.get("beatCount").asInt());
        assertTrue(n.get("frequencyHz").isNull(), "no episode: frequency null");
        assertEquals(0, n.get("episodes").size());
        assertEquals(0, n.get("beats").size());
        assertTrue(n.get("spectralPeakHz").isNumber() || n.get("spectralPeakHz").isNull());
        assertTrue(n.get("autocorrelationHz").isNumber() || n.get("autocorrelationHz").isNull());
        assertFalse(r.out().contains("NaN"));
    }

    @Test
    void csvHasOneRowPerEpisodeAndOneNoneRowWithoutEpisodes() throws IOException {
        // a tab-separated input whose channel name holds a comma, to see the CSV quoting
        Path tsv = dir.resolve("quoted.tsv");
        double[] x = Cli.axis(sustained, 0);
        StringBuilder b = new StringBuilder("time\tEMG, \"left\"\n");
        for (int i = 0; i < x.length; i++) {
            b.append(i / 2000.0).append('\t').append(x[i]).append('\n');
        }
        Files.writeString(tsv, b);
        Cli.Run r = Cli.run("analyze", "--format", "csv", sustainedCsv.toString(), unsustainedCsv.toString(),
                noneCsv.toString(), tsv.toString());
        assertEquals(0, r.status(), r::toString);
        List<List<String>> rows = parseCsv(r.out());
        assertEquals(CsvReport.HEADER, rows.get(0));
        assertEquals(5, rows.size(), r::out);
        assertEquals(List.of(sustainedCsv.toString(), "EMG soleus", "EMG"), rows.get(1).subList(0, 3));
        assertEquals("12", rows.get(1).get(5));
        assertEquals(truth().frequencyHz(), Double.parseDouble(rows.get(1).get(6)), 0.3);
        assertEquals("SUSTAINED", rows.get(1).get(7));
        assertEquals("1", rows.get(1).get(8));
        assertEquals("UNSUSTAINED", rows.get(2).get(7));
        assertEquals("4", rows.get(2).get(5));
        assertEquals(List.of(noneCsv.toString(), "EMG soleus", "EMG", "", "", "0", "", "NONE", "0", "", "", "",
                "beats:5", ""), rows.get(3));
        assertEquals(Double.parseDouble(rows.get(1).get(4)) - Double.parseDouble(rows.get(1).get(3)),
                Double.parseDouble(rows.get(1).get(11)), 2e-6, "durationS is endS - startS");
        assertEquals("beats:5", rows.get(1).get(12));
        assertEquals("EMG, \"left\"", rows.get(4).get(1), "quoted field reads back");
        assertTrue(r.out().contains("\"EMG, \"\"left\"\"\""), r::out);
    }

    @Test
    void beatsFileHasOneRowPerBeat() throws IOException {
        Path beats = dir.resolve("beats.csv");
        Cli.Run r = Cli.run("analyze", "--quiet", "--format", "json", "--beats", beats.toString(),
                sustainedCsv.toString(), noneCsv.toString());
        assertEquals(0, r.status(), r::toString);
        List<List<String>> rows = parseCsv(Files.readString(beats));
        assertEquals(BeatsCsv.HEADER, rows.get(0));
        assertEquals(13, rows.size());
        JsonNode json = r.json().get(0).get("beats");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(List.of(sustainedCsv.toString(), "EMG soleus", "EMG", "1"), rows.get(i).subList(0, 4));
            assertEquals(json.get(i - 1).get("timeS").asDouble(), Double.parseDouble(rows.get(i).get(4)), 1e-9);
        }
    }

    @Test
    void methodsOncePerConfiguration() {
        Cli.Run text = Cli.run("analyze", "-q", "--methods", sustainedCsv.toString(), unsustainedCsv.toString());
        assertEquals(0, text.status(), text::toString);
        assertEquals(1, count(text.out(), "\nMethods ("), text::out);
        assertTrue(text.out().contains("Benz EN"), "references");
        Cli.Run json = Cli.run("analyze", "-q", "--methods", "--format", "json", sustainedCsv.toString());
        assertTrue(json.json().get(0).get("methods").asText().startsWith("Clonus was detected"));
    }

    @Test
    void methodsForEmgAndAccelerometerBoth() throws IOException {
        Path acc = Cli.csv(dir.resolve("acc.csv"), Cli.acc(7).signal(), "acc_x", "acc_y", "acc_z");
        Cli.Run r = Cli.run("analyze", "-q", "--methods", sustainedCsv.toString(), acc.toString(),
                unsustainedCsv.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(2, count(r.out(), "\nMethods ("), "two distinct paragraphs, each once");
        assertTrue(r.out().contains("\nMethods (" + sustainedCsv + ": EMG soleus; " + unsustainedCsv
                + ": EMG soleus)\n"), "each names the signals it covers: " + r.out());
        assertTrue(r.out().contains("\nMethods (" + acc + ": acc)\n"), r::out);
        Cli.Run json = Cli.run("analyze", "-q", "--format", "json", acc.toString());
        assertTrue(json.json().get(0).get("conditioning").get("mainsHz").isNull(),
                "a motion sensor has no mains stage: null, not 0");
    }

    @Test
    void ruleBandAndMainsReachTheDetector() {
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--rule", "tardieu", "--band", "5.5-7.5",
                "--mains", "50", sustainedCsv.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode s = r.json().get(0);
        assertEquals("tardieu", s.get("rule").asText());
        assertEquals(5.5, s.get("bandHz").get(0).asDouble());
        assertEquals(7.5, s.get("bandHz").get(1).asDouble());
        assertEquals(50.0, s.get("conditioning").get("mainsHz").asDouble());
        assertEquals("UNSUSTAINED", s.get("classification").asText(), "2 s of clonus is fatigable under Tardieu");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A small RFC 4180 reader for checking the output. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        Iterator<Integer> it = text.chars().iterator();
        while (it.hasNext()) {
            char c = (char) it.next().intValue();
            if (quoted) {
                if (c == '"') {
                    if (it.hasNext()) {
                        char d = (char) it.next().intValue();
                        if (d == '"') {
                            field.append('"');
                            continue;
                        }
                        quoted = false;
                        c = d;
                    } else {
                        quoted = false;
                        continue;
                    }
                } else {
                    field.append(c);
                    continue;
                }
            }
            if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    /** With --debug every judged and rejected run is one line on standard error: rule, measured value, limit. */
    @Test
    void debugSaysWhichRuleRejectedEachRun() throws IOException {
        // three strong bursts and one between them off the rhythm: the run is rejected for its stray
        SimulatedRecording sim = io.clonus.sim.EmgSimulator.builder(2000, 10, 5).noise(5)
                .bursts("clonus", 3.0, 3, 6.0, 80, 0.05, 0.0, 1.0).bursts("other", 2.9, 1, 6.0, 80, 0.05, 0.0, 1.0)
                .build();
        Path csv = Cli.csv(dir.resolve("debug.csv"), sim.signal(), "EMG");
        Cli.Run quiet = Cli.run("analyze", "--fs", "2000", "-q", csv.toString());
        assertTrue(quiet.errLines().stream().noneMatch(l -> l.contains("rejected run")), quiet::toString);
        Cli.Run r = Cli.run("analyze", "--fs", "2000", "-q", "--debug", csv.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.errLines().stream().anyMatch(l -> l.contains("debug.csv EMG: rejected run")
                && l.contains("stray candidates 1, at most 0")), r::toString);
    }
}
