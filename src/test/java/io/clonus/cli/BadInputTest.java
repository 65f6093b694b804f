package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one line naming its file, and the rest of the batch still runs. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void eachBadFileGetsOneLineAndTheOthersTheirResults() throws IOException {
        Path good1 = Cli.csv(dir.resolve("good1.csv"), Cli.sustained(1).signal(), "EMG");
        Path good2 = Cli.csv(dir.resolve("good2.csv"), Cli.unsustained(43).signal(), "EMG");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path letters = Files.writeString(dir.resolve("letters.csv"), "time,EMG\n0,1\n0.001,abc\n0.002,3\n");
        Path nan = Files.writeString(dir.resolve("nan.csv"), "time,EMG\n0,1\n0.001,2\n0.002,NaN\n");
        Path missing = dir.resolve("missing.csv");
        Path slow = Cli.csv(dir.resolve("slow.csv"), io.clonus.detect.Signal.emg("EMG", 200, noise(2000)), "EMG");
        Path flat = Cli.csv(dir.resolve("flat.csv"), io.clonus.detect.Signal.emg("EMG", 1000, new double[5000]),
                "EMG");
        Path shortRecord = Cli.csv(dir.resolve("short.csv"), io.clonus.detect.Signal.emg("EMG", 1000, noise(500)),
                "EMG");
        Path edf = Cli.edf(dir.resolve("whole.edf"), new Cli.EdfSignal("EMG", "uV", 2000, Cli.axis(Cli.sustained(3), 0)));
        Path truncated = dir.resolve("truncated.edf");
        byte[] bytes = Files.readAllBytes(edf);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 5000));
        Path malformed = dir.resolve("malformed.edf");
        byte[] broken = bytes.clone();
        System.arraycopy("ab  ".getBytes(StandardCharsets.US_ASCII), 0, broken, 252, 4); // number of signals
        Files.write(malformed, broken);

        List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
        for (Path p : List.of(good1, empty, letters, nan, missing, slow, flat, shortRecord, truncated, malformed,
                good2)) {
            args.add(p.toString());
        }
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        Supplier<String> why = r::toString;
        assertEquals(1, r.status(), why);

        List<JsonNode> all = r.json();
        assertEquals(11, all.size(), "every input appears in the output: " + r);
        List<JsonNode> results = all.stream().filter(j -> !j.has("error")).toList();
        assertEquals(2, results.size(), why);
        assertEquals(good1.toString(), results.get(0).get("file").asText());
        assertEquals("SUSTAINED", results.get(0).get("classification").asText());
        assertEquals(good2.toString(), results.get(1).get("file").asText());
        assertEquals("UNSUSTAINED", results.get(1).get("classification").asText());
        for (JsonNode j : all.stream().filter(j -> j.has("error")).toList()) {
            List<String> lines = r.errLinesAbout(j.get("file").asText());
            assertEquals(1, lines.size(), () -> j + " " + r.err());
            assertTrue(lines.get(0).endsWith(j.get("error").asText()), () -> j + " vs " + lines.get(0));
        }

        Map<Path, String> expected = Map.of(
                empty, "empty file",
                letters, "line 3, column 2 ('EMG'): 'abc' is not a decimal number",
                nan, "line 4, column 2 ('EMG'): 'NaN' is not a decimal number",
                missing, "no such file",
                slow, "at least 500 Hz",
                flat, "flat line",
                shortRecord, "too short",
                truncated, "record",
                malformed, "number of signals");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            List<String> lines = r.errLinesAbout(e.getKey().toString());
            assertEquals(1, lines.size(), () -> e.getKey() + ": " + r.err());
            assertTrue(lines.get(0).contains(e.getValue()), () -> lines.get(0) + " should say " + e.getValue());
        }
        assertTrue(r.errLinesAbout(slow.toString()).get(0).contains("channel 'EMG'"), "names the channel");
        assertFalse(r.err().contains("Exception"), r::err);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        String summary = r.errLines().get(r.errLines().size() - 1);
        assertEquals("clonus: 10 files, 2 signals (1 SUSTAINED, 1 UNSUSTAINED), 2 episodes (1 SUSTAINED,"
                + " 1 UNSUSTAINED), 9 failures", summary);
    }

    @Test
    void failedInputsAreRowsOfTheCsv() throws IOException {
        Path good = Cli.csv(dir.resolve("good.csv"), Cli.unsustained(43).signal(), "EMG");
        Path letters = Files.writeString(dir.resolve("letters.csv"), "time,EMG\n0,1\n0.001,abc\n0.002,3\n");
        Cli.Run r = Cli.run("analyze", "--format", "csv", good.toString(), letters.toString(),
                dir.resolve("missing.csv").toString());
        assertEquals(1, r.status(), r::toString);
        List<String> rows = r.out().lines().toList();
        assertEquals(CsvReport.HEADER.size(), rows.get(0).split(",").length);
        assertTrue(rows.get(0).endsWith(",error"), rows.get(0));
        assertEquals(4, rows.size(), r::toString);
        assertTrue(rows.get(1).startsWith(good + ",EMG,EMG,") && rows.get(1).endsWith(","), rows.get(1));
        assertTrue(rows.get(2).startsWith(letters + ",,,") && rows.get(2).contains("'abc' is not a decimal number"),
                rows.get(2));
        assertTrue(rows.get(3).contains("missing.csv") && rows.get(3).endsWith("no such file or directory"),
                rows.get(3));
    }

    @Test
    void aPipeIsRefusedAtOnceAndTheBatchGoesOn() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        Path good = Cli.csv(dir.resolve("good.csv"), Cli.unsustained(43).signal(), "EMG");
        Cli.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Cli.run("analyze", "--format", "json", fifo.toString(), good.toString()));
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.errLinesAbout(fifo.toString()).get(0).contains("not a regular file"), r::err);
        assertEquals("UNSUSTAINED", r.json().get(1).get("classification").asText(), r::toString);
    }

    @Test
    void hiddenFilesInADirectoryAreSkippedAndCounted() throws IOException {
        Path d = Files.createDirectories(dir.resolve("session"));
        Cli.csv(d.resolve("a.csv"), Cli.unsustained(43).signal(), "EMG");
        Files.write(d.resolve("._a.edf"), new byte[] {0, 5, 22, 7, 0, 2}); // a macOS resource-fork companion
        Files.createDirectories(d.resolve(".cache"));
        Files.writeString(d.resolve(".cache/b.csv"), "junk");
        Cli.Run r = Cli.run("analyze", "--format", "json", d.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.json().size(), r::toString);
        assertTrue(r.errLines().get(r.errLines().size() - 1).endsWith(", 0 failures, 2 hidden files skipped"),
                r::err);
    }

    @Test
    void annotationOnlyEdfFilesBesideRecordingsAreSkippedInScans() throws IOException {
        Path d = Files.createDirectories(dir.resolve("rated"));
        Path rec = Cli.csv(d.resolve("p01.csv"), Cli.unsustained(43).signal(), "EMG");
        Path notes = d.resolve("p01_annotations.edf");
        assertEquals(0, Cli.run("analyze", "-q", "--annotations", notes.toString(), rec.toString()).status());
        Cli.Run r = Cli.run("analyze", "--format", "json", d.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.json().size(), r::toString);
        assertTrue(r.errLines().get(r.errLines().size() - 1).endsWith(", 0 failures, 1 annotation-only EDF file"
                + " skipped"), r::err);
        Cli.Run alone = Cli.run("analyze", notes.toString());
        assertEquals(1, alone.status(), "named on its own it is analysed and refused: " + alone);
        assertTrue(alone.err().contains("annotation-only"), alone::err);
    }

    @Test
    void unknownChannelListsTheAvailableOnes() throws IOException {
        Path f = Cli.csv(dir.resolve("two.csv"), io.clonus.detect.Signal.acc("", 1000, noise(3000), noise(3000)),
                "EMG left", "EMG right");
        Cli.Run r = Cli.run("analyze", "--channels", "EMG middle", f.toString());
        assertEquals(1, r.status(), r::toString);
        List<String> lines = r.errLinesAbout(f.toString());
        assertEquals(1, lines.size(), r::err);
        assertTrue(lines.get(0).endsWith("no channel named 'EMG middle'; available: 'EMG left', 'EMG right'"),
                lines.get(0));
    }

    @Test
    void noTimeColumnNeedsFs() throws IOException {
        Path f = Cli.table(dir.resolve("bare.csv"), ",", "EMG", noise(4000));
        Cli.Run r = Cli.run("analyze", "-q", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("give it with --fs HZ"), r::err);
        Cli.Run ok = Cli.run("analyze", "-q", "--fs", "2000", f.toString());
        assertEquals(0, ok.status(), ok::toString);
        assertTrue(ok.out().contains("EMG, 2000 Hz, 2.00 s"), ok::out);
    }

    @Test
    void fsDisagreeingWithTheTimeColumnWarnsAndWins() throws IOException {
        Path f = Cli.csv(dir.resolve("timed.csv"), Cli.sustained(5).signal(), "EMG");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--fs", "2500", f.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.errLinesAbout(f.toString());
        assertEquals(1, lines.size(), r::err);
        assertTrue(lines.get(0).contains("warning: --fs 2500 Hz differs from the 2000 Hz implied by time column"
                + " 'time'"), lines.get(0));
        assertEquals(2500.0, r.json().get(0).get("sampleRateHz").asDouble());
        assertEquals(16.0, r.json().get(0).get("durationS").asDouble(), 1e-9);
        Cli.Run close = Cli.run("analyze", "-q", "--fs", "2010", f.toString());
        assertEquals("", close.err(), "0.5 % apart: no warning");
    }

    @Test
    void unreadableOutputDirectoryIsOneLine() throws IOException {
        Path f = Cli.csv(dir.resolve("ok.csv"), Cli.sustained(6).signal(), "EMG");
        Path notADir = Files.writeString(dir.resolve("plainfile"), "x");
        Cli.Run r = Cli.run("analyze", "-q", "--plot-dir", notADir.resolve("sub").toString(), f.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::err);
        assertTrue(r.err().startsWith("clonus: " + notADir.resolve("sub") + ": cannot create the plot directory"),
                r::err);
    }

    private static double[] noise(int n) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() - 0.5;
        }
        return x;
    }
}
