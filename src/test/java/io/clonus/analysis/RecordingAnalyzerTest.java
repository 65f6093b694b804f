package io.clonus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.ClonusDetector;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Episode;
import io.clonus.detect.Signal;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's way from a file to results: what {@code clonus analyze} prints, failures as values. */
class RecordingAnalyzerTest {
    @TempDir
    Path dir;

    private static double range(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return Math.ceil(m * 1.1);
    }

    @Test
    void discontinuousEdfIsAnalysedSegmentBySegmentOnTheRecordingsClock() throws Exception {
        SimulatedRecording quiet = EmgSimulator.builder(2000, 20, 44).noise(5).tonic(3, 12, 60, 0.3).build();
        SimulatedRecording clonus = EmgSimulator.builder(2000, 20, 42).noise(5).clonus(4, 12, 6.0, 80).build();
        double[] x = new double[80000];
        System.arraycopy(quiet.signal().toArray(0), 0, x, 0, 40000);
        System.arraycopy(clonus.signal().toArray(0), 0, x, 40000, 40000);
        double[] onsets = new double[40];
        for (int i = 0; i < 40; i++) {
            onsets[i] = i < 20 ? i : 100 + (i - 20); // a gap from 20 s to 100 s
        }
        Path edf = dir.resolve("gaps.edf");
        EdfWriter.edfPlus().start(LocalDateTime.of(2024, 3, 5, 14, 30)).recordDurationS(1).discontinuous(onsets)
                .addSignal("EMG", "uV", 2000, -range(x), range(x), -32768, 32767, x).write(edf);

        RecordingAnalyzer.FileResult r = RecordingAnalyzer.create().analyze(edf);
        assertTrue(r.ok(), r::toString);
        assertEquals(2, r.signals().size());
        RecordingAnalyzer.SignalResult s2 = r.signals().get(1);
        assertEquals(2, s2.source().segment());
        assertEquals(100.0, s2.source().startS());
        assertEquals(Classification.SUSTAINED, s2.result().classification());
        // the second segment alone, analysed in memory, shifted to where it lies on the recording's clock
        double[] second;
        try (var reader = io.clonus.io.edf.EdfReader.open(edf)) {
            second = java.util.Arrays.copyOfRange(reader.readSignal(0), 40000, 80000); // the stored (quantised) values
        }
        ClonusResult alone = ClonusDetector.create().analyze(Signal.emg("EMG", 2000, second)).shifted(100);
        assertEquals(alone, s2.result());
        Episode e = s2.result().episodes().get(0);
        assertEquals(100 + clonus.episodes().get(0).startS(), e.startS(), 0.15);
    }

    @Test
    void everyFailureIsAValue() throws Exception {
        Path letters = Files.writeString(dir.resolve("letters.csv"), "time,EMG\n0,1\n0.001,abc\n");
        Path counter = Files.writeString(dir.resolve("counter.csv"), "time,EMG\n0,1\n1,2\n2,3\n");
        List<RecordingAnalyzer.FileResult> out = RecordingAnalyzer.create().analyze(List.of(letters,
                dir.resolve("missing.csv"), counter, dir));
        assertEquals(4, out.size());
        assertTrue(out.get(0).error().startsWith("line 3, column 2 ('EMG'): 'abc' is not a decimal number"),
                out.get(0)::toString);
        assertEquals("no such file", out.get(1).error());
        assertTrue(out.get(2).error().startsWith("time column 'time' implies 1 Hz"), out.get(2)::toString);
        assertTrue(out.get(3).error() != null, "a directory is not a recording: " + out.get(3));
        for (RecordingAnalyzer.FileResult f : out) {
            assertTrue(f.signals().isEmpty());
            assertTrue(!f.ok());
        }
    }

    @Test
    void aChannelThatFailsIsAValueBesideTheOthers() throws Exception {
        // a flat channel beside a good one: it is refused, the other analysed
        SimulatedRecording clonus = EmgSimulator.builder(2000, 20, 42).noise(5).clonus(4, 12, 6.0, 80).build();
        double[] x = clonus.signal().toArray(0);
        StringBuilder b = new StringBuilder("time,EMG left,EMG right\n");
        for (int i = 0; i < x.length; i++) {
            b.append(i / 2000.0).append(',').append(x[i]).append(",0\n");
        }
        Path f = Files.writeString(dir.resolve("two.csv"), b);
        RecordingAnalyzer.FileResult r = RecordingAnalyzer.create().analyze(f);
        assertNull(r.error());
        assertEquals(2, r.signals().size());
        assertEquals(Classification.SUSTAINED, r.signals().get(0).result().classification());
        assertNull(r.signals().get(1).result());
        assertTrue(r.signals().get(1).error().contains("EMG right"), r.signals().get(1)::error);
        assertTrue(!r.ok());
    }

    /**
     * Ten minutes of 2 kHz EMG as CSV (1.2 million rows, about 20 MB of text, 10 MB as doubles) analysed in a
     * child JVM with a 24 MB heap: the text is streamed, so the result equals the in-memory analysis.
     */
    @Test
    void delimitedTextIsStreamedInBoundedMemory() throws Exception {
        Path file = dir.resolve("ten-minutes.csv");
        double[] all = new double[2000 * 600];
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            w.write("time,EMG soleus\n");
            for (int minute = 0; minute < 10; minute++) {
                EmgSimulator.Builder b = EmgSimulator.builder(2000, 60, 300 + minute).noise(5);
                if (minute % 3 == 1) {
                    b.clonus(20, 12 + minute, 6.3, 80);
                }
                double[] x = b.build().signal().toArray(0);
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < x.length; i++) {
                    int k = minute * 120000 + i;
                    double v = Math.round(x[i] * 100) / 100.0; // two decimals, as an amplifier export has
                    all[k] = v;
                    rows.append(k / 2000.0).append(',').append(v).append('\n');
                }
                w.write(rows.toString());
            }
        }
        ClonusResult expected = ClonusDetector.create().analyze(Signal.emg("EMG soleus", 2000, all));
        assertEquals(3, expected.episodes().size(), EdfAnalysisTest.summary(expected));
        all = null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                LongRecordingProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals(EdfAnalysisTest.summary(expected), output.split("\\R")[0]);
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedAtTheLineLimit() throws Exception {
        Path f = dir.resolve("dump.csv");
        try (java.io.Writer w = Files.newBufferedWriter(f)) {
            char[] junk = new char[1 << 16];
            java.util.Arrays.fill(junk, '7');
            for (int i = 0; i < 48; i++) { // 3 MB, no line break
                w.write(junk);
            }
        }
        RecordingAnalyzer.FileResult r = RecordingAnalyzer.create().analyze(f);
        assertEquals("line 1 is longer than 1048576 characters: not a delimited text recording (one row per line)",
                r.error());
    }

    @Test
    void aPipeIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        RecordingAnalyzer.FileResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> RecordingAnalyzer.create().analyze(fifo));
        assertTrue(r.error().startsWith("not a regular file"), r::toString);
    }
}
