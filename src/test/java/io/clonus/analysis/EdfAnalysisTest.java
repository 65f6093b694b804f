package io.clonus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.ClonusDetector;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Episode;
import io.clonus.detect.Signal;
import io.clonus.detect.SignalType;
import io.clonus.io.edf.EdfReader;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Long EDF recordings analysed block by block: exact stitching, parallel channels, small heaps. */
class EdfAnalysisTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    @TempDir
    Path dir;

    /** A compact, comparable description of a result's episodes and beats. */
    static String summary(ClonusResult r) {
        StringBuilder s = new StringBuilder(r.classification() + " " + r.beatCount());
        for (Episode e : r.episodes()) {
            s.append(String.format(java.util.Locale.ROOT, " [%.6f-%.6f %d %.6f %s]", e.startS(), e.endS(),
                    e.beatCount(), e.frequencyHz(), e.classification()));
        }
        return s.toString();
    }

    private Path session() throws IOException {
        // 2 kHz EMG with an episode straddling t = 32.768 s (sample 65536, the default block edge) and a
        // 100 Hz triaxial accelerometer, in one EDF+ file with 1 s records
        SimulatedRecording emg = EmgSimulator.builder(2000, 60, 1).noise(5).mains(50, 5).clonus(5, 4, 6.5, 80)
                .clonus(31.0, 20, 6.0, 80).clonus(50, 8, 7, 70).build();
        SimulatedRecording emg2 = EmgSimulator.builder(2000, 60, 2).noise(5).clonus(20, 12, 5.5, 60).build();
        SimulatedRecording acc = AccSimulator.builder(100, 60, 3).gravity().noise(0.01).clonus(40, 15, 6.2, 0.3)
                .build();
        Path file = dir.resolve("session.edf");
        EdfWriter w = EdfWriter.edfPlus().start(LocalDateTime.of(2026, 11, 23, 9, 0, 0)).recordDurationS(1)
                .addSignal("EMG Soleus R", "uV", 2000, -2000, 2000, -32768, 32767, emg.signal().toArray(0))
                .addSignal("EMG TA R", "uV", 2000, -2000, 2000, -32768, 32767, emg2.signal().toArray(0));
        String[] axes = {"Accel X", "Accel Y", "Accel Z"};
        for (int a = 0; a < 3; a++) {
            w.addSignal(axes[a], "g", 100, -4, 4, -32768, 32767, acc.signal().toArray(a));
        }
        w.write(file);
        return file;
    }

    private static ClonusResult inMemory(Path file, EdfAnalysis.Target t) throws IOException {
        try (EdfReader r = EdfReader.open(file)) {
            double[][] x = new double[t.signals().size()][];
            for (int a = 0; a < x.length; a++) {
                x[a] = r.readSignal(t.signals().get(a));
            }
            return ClonusDetector.of(CFG).analyze(Signal.wrap(t.label(), t.type(),
                    r.header().sampleRateHz(t.signals().get(0)), x));
        }
    }

    private static final List<EdfAnalysis.Target> TARGETS = List.of(
            new EdfAnalysis.Target("EMG Soleus R", SignalType.EMG, List.of(0)),
            new EdfAnalysis.Target("EMG TA R", SignalType.EMG, List.of(1)),
            new EdfAnalysis.Target("Accel", SignalType.ACC, List.of(2, 3, 4)));

    @ParameterizedTest(name = "blocks of {0} samples")
    @ValueSource(ints = {777, 4096, 65536, 1 << 20})
    void blocksStitchExactly(int block) throws Exception {
        Path file = session();
        for (EdfAnalysis.Target t : TARGETS) {
            ClonusResult whole = inMemory(file, t);
            try (EdfReader r = EdfReader.open(file)) {
                long n = r.header().samplesPerSignal(t.signals().get(0));
                assertEquals(whole, EdfAnalysis.analyze(r, t, 0, n, CFG, block), t.label());
            }
        }
        ClonusResult soleus = inMemory(file, TARGETS.get(0));
        assertEquals(3, soleus.episodes().size());
        Episode straddling = soleus.episodes().get(1);
        assertTrue(straddling.startS() < 32.768 && straddling.endS() > 32.768, summary(soleus));
        assertEquals(20, straddling.beatCount());
    }

    @Test
    void channelsOfOneFileRunInParallelWithTheSameResults() throws Exception {
        Path file = session();
        RecordingReader reader = new RecordingReader(null, null, null);
        RecordingAnalyzer.FileResult parallel = RecordingAnalyzer.of(CFG, reader, 3).analyze(file);
        RecordingAnalyzer.FileResult serial = RecordingAnalyzer.of(CFG, reader, 1).analyze(file);
        assertNull(parallel.error());
        assertEquals(3, parallel.signals().size(), parallel::toString);
        for (int i = 0; i < 3; i++) {
            RecordingAnalyzer.SignalResult p = parallel.signals().get(i);
            assertNull(p.error());
            assertEquals(serial.signals().get(i).result(), p.result());
            assertEquals(inMemory(file, TARGETS.get(i)), p.result(), TARGETS.get(i).label());
        }
        assertEquals(15, parallel.signals().get(2).result().beatCount(), "accelerometer analysed by its three axes");
    }

    /**
     * One hour of 2 kHz EMG with several episodes, written record by record, analysed in a child JVM with a
     * 64 MB heap (the signal alone would take 58 MB as doubles): the same episodes as in memory.
     */
    @Test
    void anHourOfEmgFitsInA64MegabyteHeap() throws Exception {
        Path file = dir.resolve("hour.edf");
        EdfWriter w = EdfWriter.edfPlus().start(LocalDateTime.of(2026, 11, 23, 8, 0, 0)).recordDurationS(1)
                .addSignal(EdfWriter.Signal.of("EMG Soleus R", "uV", 2000, -3000, 3000, -32768, 32767));
        try (EdfWriter.StreamingWriter out = w.open(file)) {
            for (int minute = 0; minute < 60; minute++) {
                EmgSimulator.Builder b = EmgSimulator.builder(2000, 60, 100 + minute).noise(5).mains(50, 4);
                if (minute % 10 == 3) {
                    b.clonus(20, 30, 6.2, 80); // sustained
                } else if (minute % 10 == 7) {
                    b.clonus(40, 4, 6.8, 70); // unsustained
                } else if (minute % 10 == 9) {
                    b.clonus(59.2, 12, 6.0, 80); // runs into the next minute
                }
                double[] x = b.build().signal().toArray(0);
                for (int s = 0; s < 60; s++) {
                    out.writeRecord(java.util.Arrays.copyOfRange(x, s * 2000, s * 2000 + 2000));
                }
            }
        }
        ClonusResult expected = inMemory(file, TARGETS.get(0));
        assertTrue(expected.episodes().size() >= 12, summary(expected));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LongRecordingProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        String[] lines = output.split("\\R");
        assertEquals(summary(expected), lines[0]);
        assertTrue(Long.parseLong(lines[1].split(" ")[1]) <= 64L * 1024 * 1024 + (1 << 20), lines[1]);

        // the command-line tool on the same file, in the same small heap (what JAVA_OPTS=-Xmx64m gives bin/clonus)
        Process cli = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.clonus.cli.Main", "analyze", "--format", "json", "--quiet", file.toString()).start();
        String json = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cli.waitFor(), err);
        com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(expected.beatCount(), r.get("beatCount").asInt());
        assertEquals(expected.episodes().size(), r.get("episodes").size());
        for (int i = 0; i < expected.episodes().size(); i++) {
            assertEquals(expected.episodes().get(i).startS(), r.get("episodes").get(i).get("startS").asDouble(), 1e-3);
            assertEquals(expected.episodes().get(i).beatCount(), r.get("episodes").get(i).get("beatCount").asInt());
        }
    }
}
