package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.detect.DetectorConfig;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code clonus evaluate} end to end: simulated EDF recordings with their truth written beside them, scored by
 * running the detector and from {@code analyze --format json}, and the errors and usage errors.
 */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private Path data;

    /** Two records: 12 beats at 6 Hz and 4 at 6.5 Hz; 20 beats at 5.5 Hz and a tonic contraction. */
    static List<SimulatedRecording> cohort() {
        return List.of(EmgSimulator.builder(2000, 60, 11).noise(5).clonus(10, 12, 6.0, 80).clonus(40, 4, 6.5, 80).build(),
                EmgSimulator.builder(2000, 60, 12).noise(5).clonus(8, 20, 5.5, 80).tonic(30, 10, 60, 0.3).build());
    }

    /** The truth of a record as annotation texts with onsets and durations. */
    static EdfWriter truth(SimulatedRecording r, EdfWriter w) {
        for (TrueEpisode t : r.clonusEpisodes(DetectorConfig.defaults())) {
            w.addAnnotation(t.startS(), t.durationS(), String.format(Locale.ROOT, "clonus %d beats %.3f Hz",
                    t.beatCount(), t.frequencyHz()));
        }
        return w;
    }

    @BeforeEach
    void writeCohort() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        List<SimulatedRecording> c = cohort();
        for (int i = 0; i < c.size(); i++) {
            Cli.edf(data.resolve("sim" + (i + 1) + ".edf"), new Cli.EdfSignal("EMG soleus", "uV", 2000, Cli.axis(c.get(i), 0)));
            truth(c.get(i), EdfWriter.edfPlus().start(Cli.START)).write(data.resolve("sim" + (i + 1) + "_annotations.edf"));
        }
    }

    /** The report of --format json: one document, pretty-printed. */
    private static JsonNode json(Cli.Run r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("not JSON: " + r, e);
        }
    }

    @Test
    void roundTripThroughTheCommandMatchesEveryTrueEpisode() throws IOException {
        Path events = dir.resolve("out/events.csv");
        Path pictures = dir.resolve("pictures");
        Cli.Run r = Cli.run("evaluate", "--format", "json", "--events", events.toString(), "--plot-dir",
                pictures.toString(), data.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode doc = json(r);
        JsonNode pooled = doc.get("pooled").get("events");
        assertEquals(3, pooled.get("referenceEvents").asInt());
        assertEquals(3, pooled.get("truePositives").asInt());
        assertEquals(0, pooled.get("falseNegatives").asInt());
        assertEquals(0, pooled.get("falsePositives").asInt(), "the tonic contraction is no clonus");
        assertEquals(1.0, pooled.get("sensitivity").get("value").asDouble());
        assertEquals(120, pooled.get("recordedS").asDouble(), 1e-6);
        assertEquals(2, doc.get("recordings").size());
        assertEquals(data.resolve("sim1_annotations.edf").toString(), doc.get("recordings").get(0).get("reference").asText());
        JsonNode beats = doc.get("pooled").get("agreement").get("beats");
        assertEquals(3, beats.get("n").asInt());
        assertEquals(0.0, beats.get("blandAltman").get("bias").get("value").asDouble());
        assertEquals(1.0, beats.get("icc").get("value").asDouble());
        assertTrue(beats.get("pearson").isNull(), "3 pairs: no correlation");
        assertEquals(2, doc.get("pooled").get("classes").get("SUSTAINED").get("SUSTAINED").asInt());
        assertEquals(1, doc.get("pooled").get("classes").get("UNSUSTAINED").get("UNSUSTAINED").asInt());
        for (JsonNode e : doc.get("recordings").get(0).get("matches")) {
            double period = 1 / e.get("reference").get("frequencyHz").asDouble();
            assertTrue(Math.abs(e.get("latencyS").asDouble()) < period, e::toString);
        }
        assertEquals(0, doc.get("failures").size());
        assertTrue(r.err().contains("clonus: 2 recordings scored, 3 reference events, 3 detected (TP 3, FN 0, FP 0),"
                + " 0 failures"), r::err);

        List<String> rows = Files.readAllLines(events, StandardCharsets.UTF_8);
        assertEquals(String.join(",", EvaluationReport.EVENT_COLUMNS), rows.get(0));
        assertEquals(1 + 3, rows.size());
        assertTrue(rows.get(1).startsWith(data.resolve("sim1.edf") + ",,TRUE_POSITIVE,"), rows.get(1));
        for (String picture : new String[] {"bland-altman.png", "timeline.png"}) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(pictures.resolve(picture)), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, picture);
        }
    }

    @Test
    void picturesAsSvg() throws IOException {
        Path pictures = dir.resolve("svg");
        Cli.Run r = Cli.run("evaluate", "-q", "--plot-dir", pictures.toString(), "--plot-format", "svg", data.toString());
        assertEquals(0, r.status(), r::toString);
        for (String picture : new String[] {"bland-altman.svg", "timeline.svg"}) {
            String svg = Files.readString(pictures.resolve(picture), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), picture);
        }
        // XChart draws text as outlines, so an SVG holds paths, not the recordings' names as text
        assertTrue(Files.readString(pictures.resolve("timeline.svg"), StandardCharsets.UTF_8).contains("<path"));
    }

    @Test
    void textReportNamesTheFiguresAndTheirForms() {
        Cli.Run r = Cli.run("evaluate", "-q", data.resolve("sim1.edf").toString(), data.resolve("sim2.edf").toString());
        assertEquals(0, r.status(), r::toString);
        String out = r.out();
        for (String s : new String[] {"clonus evaluate: 2 recordings, 3 reference events, 3 detected events",
            "Rules: A reference event counted as detected when a detection overlapped it widened by 1 s before and 1 s"
                    + " after", "sensitivity      1.000 [0.439, 1.000]", "TP / (TP + FN) = 3 / 3, Wilson",
            "F1, bootstrap", "percentile interval, the 2 recordings resampled 2000 times (seed 1)",
            "false positives  0 per 24 h", "ICC(2,1): two-way random effects, absolute agreement, single rater",
            "NONE (missed)", "Per epoch: 120 epochs of 1 s"}) {
            assertTrue(out.contains(s), () -> "no '" + s + "' in\n" + out);
        }
        assertEquals("", r.err(), "--quiet: no summary");
    }

    @Test
    void detectionsFromAnalyzeJsonGiveTheSameFigures() throws IOException {
        // analyze on the folder leaves the two annotation files out (they are no recordings) and says so
        Cli.Run analyzed = Cli.run("analyze", "--format", "json", data.toString());
        assertEquals(0, analyzed.status(), analyzed::toString);
        assertTrue(analyzed.errLines().get(analyzed.errLines().size() - 1)
                .endsWith("2 annotation-only EDF files skipped"), analyzed::err);
        Path jsonl = Files.writeString(dir.resolve("det.jsonl"), analyzed.out());
        Cli.Run fromFile = Cli.run("evaluate", "-q", "--format", "json", "--detections", jsonl.toString());
        assertEquals(0, fromFile.status(), fromFile::toString);
        Cli.Run direct = Cli.run("evaluate", "-q", "--format", "json", data.toString());
        JsonNode a = json(fromFile).get("pooled");
        JsonNode b = json(direct).get("pooled");
        assertEquals(b.get("events"), a.get("events"));
        assertEquals(b.get("classes"), a.get("classes"));
        assertEquals(b.get("agreement").get("beats").get("n"), a.get("agreement").get("beats").get("n"));
        // the times in the JSON Lines are rounded to the microsecond
        assertEquals(b.get("latency").get("medianS").asDouble(), a.get("latency").get("medianS").asDouble(), 2e-6);
        // naming one recording scores only it
        Cli.Run one = Cli.run("evaluate", "-q", "--format", "json", "--detections", jsonl.toString(),
                data.resolve("sim2.edf").toString());
        assertEquals(0, one.status(), one::toString);
        assertEquals(1, json(one).get("pooled").get("events").get("truePositives").asInt());
    }

    @Test
    void errorObjectsInTheDetectionsAreSkippedWithAMessage() throws IOException {
        String good = Cli.run("analyze", "-q", "--format", "json", data.resolve("sim1.edf").toString()).out();
        Path jsonl = Files.writeString(dir.resolve("det.jsonl"), good + "{\"file\":\"" + data.resolve("sim2.edf")
                + "\",\"error\":\"channel 'EMG soleus': out of memory\"}\n");
        Cli.Run r = Cli.run("evaluate", "-q", "--detections", jsonl.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(List.of("clonus: " + data.resolve("sim2.edf") + ": skipped: " + jsonl + " records an error for it"
                + " (channel 'EMG soleus': out of memory)"), r.errLines());
        assertTrue(r.out().contains("not scored: " + data.resolve("sim2.edf")), r::out);
        assertTrue(r.out().contains("clonus evaluate: 1 recording, 2 reference events"), r::out);
    }

    @Test
    void malformedDetectionsNameTheLine() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("bad.jsonl"), "{\"file\":\"x.edf\",\"channel\":\"EMG\","
                + "\"durationS\":10,\"rule\":\"beats:5\",\"episodes\":[]}\n{not json\n");
        Cli.Run r = Cli.run("evaluate", "--detections", jsonl.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith("clonus: " + jsonl + ": line 2: not JSON ("), r::err);
        Path stream = Files.writeString(dir.resolve("stream.jsonl"), "{\"event\":\"beat\",\"channel\":\"EMG\"}\n");
        assertEquals(List.of("clonus: " + stream + ": line 1: a 'clonus stream' event; give the output of clonus analyze"
                + " --format json"), Cli.run("evaluate", "--detections", stream.toString()).errLines());
        Path empty = Files.writeString(dir.resolve("z.jsonl"), "{\"file\":\"" + dir.resolve("z.edf") + "\",\"channel\":"
                + "\"EMG\",\"durationS\":0,\"rule\":\"beats:5\",\"episodes\":[]}\n");
        assertEquals("clonus: " + dir.resolve("z.edf") + ": skipped: " + empty + " gives no analysed time for it (every"
                + " signal has durationS 0)", Cli.run("evaluate", "--detections", empty.toString()).errLines().get(0));
        Path noEpisodes = Files.writeString(dir.resolve("e.jsonl"), "{\"file\":\"x.edf\",\"channel\":\"EMG\"}\n");
        assertEquals(List.of("clonus: " + noEpisodes + ": line 1: no 'durationS'; not a result of clonus analyze"
                + " --format json"), Cli.run("evaluate", "--detections", noEpisodes.toString()).errLines());
    }

    @Test
    void aRecordingWithoutReferenceOrWithABadOneFailsAndTheOthersAreScored() throws IOException {
        Files.delete(data.resolve("sim2_annotations.edf"));
        Cli.Run r = Cli.run("evaluate", "-q", "--format", "json", data.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(List.of("clonus: " + data.resolve("sim2.edf") + ": no reference: no sim2{_annotations.edf,"
                + "_annotations.csv,_annotations.tsv,_annotations.txt} beside it, and it has no annotations (a recording"
                + " without clonus needs a reference file without events, such as a CSV with only the header"
                + " 'start,end')"), r.errLines().stream().filter(l -> l.contains("sim2")).toList());
        assertEquals(1, json(r).get("recordings").size());
        assertEquals(1, json(r).get("failures").size());

        Files.writeString(data.resolve("sim2_annotations.csv"), "start,end,beats\n7.9,11.6,20\n12:30,13,4\n");
        Cli.Run bad = Cli.run("evaluate", "-q", data.toString());
        assertEquals(1, bad.status(), bad::toString);
        assertEquals(List.of("clonus: " + data.resolve("sim2_annotations.csv") + ": line 3, column 'start': '12:30' is"
                + " not a number of seconds (times are seconds from the recording's start, e.g. 12.5)"), bad.errLines());

        Files.writeString(data.resolve("sim2_annotations.csv"), "start,end,beats\n7.9,11.6,20\n4000,4010,4\n");
        assertEquals(List.of("clonus: " + data.resolve("sim2_annotations.csv") + ": line 3: 4000-4010 s lies outside the"
                + " analysed recording (0-60 s); times are seconds from the recording's start (onsets in milliseconds,"
                + " or the reference of another file?)"), Cli.run("evaluate", "-q", data.toString()).errLines());

        Files.delete(data.resolve("sim1_annotations.edf"));
        Cli.Run none = Cli.run("evaluate", "-q", data.resolve("sim1.edf").toString());
        assertEquals(1, none.status());
        assertEquals("clonus: no recording could be scored", none.errLines().get(none.errLines().size() - 1));
        assertEquals("", none.out());
    }

    @Test
    void csvReferenceWithChannelsIsScoredPerChannel() throws IOException {
        SimulatedRecording left = EmgSimulator.builder(2000, 30, 21).noise(5).clonus(5, 12, 6.0, 80).build();
        SimulatedRecording right = EmgSimulator.builder(2000, 30, 22).noise(5).clonus(15, 10, 6.5, 80).build();
        Path edf = Cli.edf(dir.resolve("two.edf"), new Cli.EdfSignal("EMG L", "uV", 2000, Cli.axis(left, 0)),
                new Cli.EdfSignal("EMG R", "uV", 2000, Cli.axis(right, 0)));
        TrueEpisode l = left.episodes().get(0);
        TrueEpisode r = right.episodes().get(0);
        Path ref = dir.resolve("two_annotations.csv");
        Files.writeString(ref, String.format(Locale.ROOT, "start,end,beats,channel,label%n%.4f,%.4f,12,EMG L,clonus%n"
                + "%.4f,%.4f,10,emg r,clonus%n", l.startS(), l.endS(), r.startS(), r.endS()));
        Cli.Run run = Cli.run("evaluate", "-q", "--format", "json", edf.toString());
        assertEquals(0, run.status(), run::toString);
        JsonNode rec = json(run).get("recordings").get(0);
        assertTrue(rec.get("perChannel").asBoolean());
        assertEquals("[\"EMG L\",\"EMG R\"]", rec.get("tracks").toString());
        assertEquals(2, rec.get("events").get("truePositives").asInt());
        assertEquals(0, rec.get("events").get("falsePositives").asInt());
        // the same times on the wrong channels: both missed, both detections false
        Files.writeString(ref, String.format(Locale.ROOT, "start,end,channel%n%.4f,%.4f,EMG R%n%.4f,%.4f,EMG L%n",
                l.startS(), l.endS(), r.startS(), r.endS()));
        JsonNode swapped = json(Cli.run("evaluate", "-q", "--format", "json", edf.toString())).get("pooled").get("events");
        assertEquals(0, swapped.get("truePositives").asInt());
        assertEquals(2, swapped.get("falseNegatives").asInt());
        assertEquals(2, swapped.get("falsePositives").asInt());
        // a channel the recording does not have
        Files.writeString(ref, "start,end,channel\n5,7,EMG X\n");
        assertEquals(List.of("clonus: " + ref + ": line 2: channel 'EMG X' is not among the channels analysed (EMG L,"
                + " EMG R)", "clonus: no recording could be scored"), Cli.run("evaluate", "-q", edf.toString()).errLines());
    }

    @Test
    void annotationFileStartingLaterIsAlignedAsEdfBrowserDoes() throws IOException {
        SimulatedRecording rec = cohort().get(0);
        Path edf = Cli.edf(dir.resolve("late.edf"), new Cli.EdfSignal("EMG", "uV", 2000, Cli.axis(rec, 0)));
        // the annotation file starts 5 s after the recording, so its onsets are 5 s smaller
        EdfWriter w = EdfWriter.edfPlus().start(Cli.START.plusSeconds(5));
        for (TrueEpisode t : rec.clonusEpisodes(DetectorConfig.defaults())) {
            w.addAnnotation(t.startS() - 5, t.durationS(), "clonus");
        }
        w.write(dir.resolve("late_annotations.edf"));
        Cli.Run r = Cli.run("evaluate", "-q", "--format", "json", edf.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode rec0 = json(r).get("recordings").get(0);
        assertEquals(2, rec0.get("events").get("truePositives").asInt());
        assertTrue(rec0.get("referenceNotes").get(0).asText().startsWith("onsets moved by 5 s: "), rec0::toString);
    }

    @Test
    void ownAnnotationsOfAnEdfPlusRecordingAndTheLabelFilter() throws IOException {
        SimulatedRecording rec = cohort().get(0);
        Path edf = dir.resolve("own.edf");
        double[] x = Cli.axis(rec, 0);
        double range = Cli.range(x);
        EdfWriter w = EdfWriter.edfPlus().start(Cli.START).recordDurationS(1)
                .addSignal("EMG", "uV", 2000, -range, range, -32768, 32767, x).addAnnotation(2, 0, "Recording starts")
                .addAnnotation(25, 3, "artefact: cable");
        truth(rec, w).write(edf);
        Cli.Run r = Cli.run("evaluate", "-q", "--format", "json", edf.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode rec0 = json(r).get("recordings").get(0);
        assertEquals("own annotations", rec0.get("reference").asText());
        assertEquals(2, rec0.get("events").get("truePositives").asInt());
        assertTrue(rec0.get("referenceNotes").get(0).asText().contains("kept 2 of 4 annotations"), rec0::toString);
        // every annotation: the point event is refused, naming it
        Cli.Run all = Cli.run("evaluate", "-q", "--label", "", edf.toString());
        assertEquals(1, all.status());
        assertEquals(List.of("clonus: " + edf + ": annotation 1 ('Recording starts' at 2 s) has no duration: a reference"
                + " event needs a start and an end (in EDFbrowser, mark the episode's span rather than a point)"),
                all.errLines().subList(0, 1));
    }

    @Test
    void referenceOptionTakesOneRecordingAndReferenceFilesAreNotRecordings() throws IOException {
        Path ref = Files.writeString(dir.resolve("rater.csv"), "onset,duration,label\n9.9,2,clonus\n39.9,0.65,clonus\n");
        Cli.Run r = Cli.run("evaluate", "-q", "--format", "json", "--reference", ref.toString(),
                data.resolve("sim1.edf").toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(2, json(r).get("pooled").get("events").get("truePositives").asInt());
        assertEquals(ref.toString(), json(r).get("recordings").get(0).get("reference").asText());
        // the folder holds four files; the two *_annotations.edf are references, not recordings
        assertEquals(2, json(Cli.run("evaluate", "-q", "--format", "json", data.toString())).get("recordings").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "evaluate                                      | give the recordings to score",
        "evaluate --reference r.csv A B                | --reference takes one recording, but the arguments name 2",
        "evaluate --detections d.jsonl --rule scats A  | --rule sets up the detector, which does not run with --detections",
        "evaluate --min-overlap 2 A                    | --min-overlap 2.0: minimum overlap is a fraction from 0 to 1",
        "evaluate --start-tolerance -1 A               | --start-tolerance -1.0: start tolerance must be 0 or more",
        "evaluate --max-duration long A                | --max-duration long: give seconds, or none",
        "evaluate --epoch 0 A                          | --epoch 0.0: epoch length must be positive",
        "evaluate --bootstrap -5 A                     | --bootstrap -5: bootstrap resamples must be 0 or more",
        "evaluate --plot-format svg A                  | --plot-format applies to --plot-dir",
        "evaluate --plot-dir d --plot-format gif A     | --plot-format gif: use png or svg",
        "evaluate --format csv A                       | --format",
        "evaluate --reference-suffix , A               | --reference-suffix: an empty suffix"})
    void usageErrors(String args, String message) throws IOException {
        for (String f : new String[] {"A", "B"}) {
            Cli.csv0(dir.resolve(f));
        }
        String[] a = Arrays.stream(args.trim().split("\\s+"))
                .map(s -> s.equals("A") || s.equals("B") ? dir.resolve(s).toString() : s).toArray(String[]::new);
        Cli.Run r = Cli.run(a);
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains(message), () -> "expected '" + message + "' in\n" + r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpListsTheRulesAndTheirDefaults() {
        Cli.Run r = Cli.run("evaluate", "--help");
        assertEquals(0, r.status());
        for (String s : new String[] {"Usage: clonus evaluate", "--start-tolerance", "Default: 1 s", "--min-overlap",
            "--max-duration", "Default: 300 s", "--merge-gap", "--epoch", "--bootstrap", "--detections", "--label",
            "Default: clonus", "--reference-suffix", "_annotations.edf", "--events", "--plot-dir"}) {
            assertTrue(r.out().contains(s), () -> "no '" + s + "' in\n" + r.out());
        }
        assertTrue(Cli.run("--help").out().contains("evaluate"));
        assertEquals("", r.err(), "picocli formats every description (a lone % would warn here)");
    }
}
