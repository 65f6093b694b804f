package io.clonus.analysis;

import static io.clonus.testing.MatFiles.column;
import static io.clonus.testing.MatFiles.mat;
import static io.clonus.testing.MatFiles.struct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Beat;
import io.clonus.detect.Classification;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.SignalType;
import io.clonus.io.InputException;
import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import io.clonus.testing.MatFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;

/** MAT-files through the library: RecordingReader and RecordingAnalyzer, as a library user calls them. */
class MatRecordingTest {
    @TempDir
    Path dir;

    private static double[] clonusEmg() {
        return EmgSimulator.builder(2000, 20, 1).noise(5).clonus(4, 12, 6.0, 80).build().signal().toArray(0);
    }

    private Path csv(String name, String column, double[] x, double fs) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time," + column + "\n");
            for (int i = 0; i < x.length; i++) {
                w.write((i / fs) + "," + x[i] + "\n");
            }
        }
        return file;
    }

    private static List<Double> beatTimes(ClonusResult r) {
        return r.beats().stream().map(Beat::timeS).toList();
    }

    @Test
    void simulatedClonusInAMatFileGivesTheResultOfTheSameSamplesInCsv() throws Exception {
        double[] x = clonusEmg();
        Path csv = csv("emg.csv", "EMG soleus", x, 2000);
        Path v7 = mat().add("data", struct("EMG_soleus", column(x), "fs", Mat5.newScalar(2000)))
                .write(dir.resolve("emg.mat"));
        RecordingAnalyzer analyzer = RecordingAnalyzer.create();
        RecordingAnalyzer.FileResult fromCsv = analyzer.analyze(csv);
        RecordingAnalyzer.FileResult fromMat = analyzer.analyze(v7);
        assertTrue(fromCsv.ok(), fromCsv::toString);
        assertTrue(fromMat.ok(), fromMat::toString);
        assertEquals(List.of(), fromMat.notes());
        RecordingAnalyzer.SignalResult m = fromMat.signals().get(0);
        ClonusResult c = fromCsv.signals().get(0).result();
        assertEquals("data.EMG_soleus", m.source().channel());
        assertEquals(SignalType.EMG, m.source().type());
        assertEquals(2000.0, m.source().sampleRateHz());
        assertEquals(Classification.SUSTAINED, m.result().classification());
        assertEquals(c.classification(), m.result().classification());
        assertEquals(c.beatCount(), m.result().beatCount());
        assertTrue(Math.abs(c.beatCount() - 12) <= 1, "12 simulated beats: " + c.beatCount());
        // the text holds the doubles exactly (Java's shortest repr), so the beats are the same to the sample
        assertEquals(beatTimes(c), beatTimes(m.result()));
        assertEquals(c.episodes().size(), m.result().episodes().size());
    }

    @Test
    void int16CountsReadAsTheirValues() throws Exception {
        double[] x = clonusEmg();
        double[] counts = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            counts[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] * 100)));
        }
        Path file = mat().add("emg", column(MatlabType.Int16, counts)).scalar("SampleRate", 2000)
                .writeUncompressed(dir.resolve("counts.MAT"));
        try (Recording rec = new RecordingReader(null, null, null).open(file)) {
            assertEquals(1, rec.sources().size());
            Recording.Source s = rec.sources().get(0);
            assertEquals("emg", s.channel());
            assertEquals("a.u.", s.unit());
            assertNull(rec.start());
            assertArrayEquals(counts, s.loader().load().toArray(0));
            assertEquals(Classification.SUSTAINED, s.loader().analyze(io.clonus.detect.DetectorConfig.defaults(),
                    null).classification());
        }
    }

    @Test
    void withoutARateTheFileNeedsFsAndFsOverridesTheFilesRateWithANote() throws Exception {
        double[] x = clonusEmg();
        Path none = mat().column("emg", x).write(dir.resolve("norate.mat"));
        InputException e = assertThrows(InputException.class, () -> new RecordingReader(null, null, null).open(none));
        assertTrue(e.getMessage().startsWith("no sample rate for channel 'emg': no number named fs, fsamp, srate,"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; give it with --fs HZ"), e.getMessage());
        RecordingAnalyzer.FileResult failed = RecordingAnalyzer.create().analyze(none);
        assertEquals(e.getMessage(), failed.error());

        try (Recording rec = new RecordingReader(null, 2000.0, null).open(none)) {
            assertEquals(2000.0, rec.sources().get(0).sampleRateHz());
            assertEquals(List.of(), rec.notes());
        }
        Path withRate = mat().column("emg", x).scalar("fs", 1000).write(dir.resolve("rate.mat"));
        try (Recording rec = new RecordingReader(null, 2000.0, null).open(withRate)) {
            assertEquals(2000.0, rec.sources().get(0).sampleRateHz());
            assertEquals(List.of("--fs 2000 Hz differs from the 1000 Hz of variable 'fs' by 50.0 %; using --fs"),
                    rec.notes());
        }
    }

    @Test
    void channelsArePlannedByNameAsInOtherFormats() throws Exception {
        SimulatedRecording acc = AccSimulator.builder(100, 30, 7).gravity().noise(0.01).clonus(5, 20, 6.5, 0.3)
                .build();
        double[][] axes = new double[3][];
        for (int a = 0; a < 3; a++) {
            axes[a] = acc.signal().toArray(a);
        }
        Path file = mat().add("Data", MatFiles.matrix(false, axes[0], axes[1], axes[2], axes[0]))
                .add("Channels", MatFiles.charRows("ACC X", "ACC Y", "ACC Z", "Force")).scalar("fs", 100)
                .write(dir.resolve("acc.mat"));
        try (Recording rec = new RecordingReader(null, null, null).open(file)) {
            assertEquals(1, rec.sources().size());
            Recording.Source s = rec.sources().get(0);
            assertEquals("ACC", s.channel());
            assertEquals(SignalType.ACC, s.type());
            assertEquals(3, s.loader().load().axisCount());
            assertArrayEquals(axes[2], s.loader().load().toArray(2));
            assertEquals(List.of("skipped 'Force': not EMG or accelerometer by name (choose with --channels, and"
                    + " --type if needed)"), rec.notes());
        }
        try (Recording rec = new RecordingReader(SignalType.EMG, null, List.of("force")).open(file)) {
            assertEquals(List.of("Force"), rec.sources().stream().map(Recording.Source::channel).toList());
        }
        InputException e = assertThrows(InputException.class,
                () -> new RecordingReader(null, null, List.of("Data[1]")).open(file));
        assertTrue(e.getMessage().startsWith("no channel named 'Data[1]'; available: 'ACC X', 'ACC Y', 'ACC Z',"
                + " 'Force'"), e.getMessage());
    }

    @Test
    void channelsOfDifferentLengthsAreAnErrorUnlessTheChoiceLeavesOneLength() throws Exception {
        double[] x = clonusEmg();
        Path file = mat().column("EMG_TA", x).column("EMG_SOL", Arrays.copyOf(x, 30000)).scalar("fs", 2000)
                .write(dir.resolve("len.mat"));
        RecordingAnalyzer.FileResult r = RecordingAnalyzer.create().analyze(file);
        assertEquals("channels of different lengths at one sample rate (2000 Hz, from 'fs'): 'EMG_TA' 40000 samples;"
                + " 'EMG_SOL' 30000 samples; choose channels of one length with --channels, or give each signal its own"
                + " rate in a struct (s.emg with s.fs)", r.error());
        RecordingAnalyzer one = RecordingAnalyzer.of(io.clonus.detect.DetectorConfig.defaults(),
                new RecordingReader(null, null, List.of("emg_sol")), 1);
        RecordingAnalyzer.FileResult sol = one.analyze(file);
        assertTrue(sol.ok(), sol::toString);
        assertEquals(15.0, sol.signals().get(0).result().durationS(), 1e-9);
    }

    @Test
    void aV73FileIsAFileErrorOfTheAnalyzer() throws Exception {
        byte[] v73 = new byte[1024];
        System.arraycopy(MatFiles.header("MATLAB 7.3 MAT-file, Platform: PCWIN64", 0x0200), 0, v73, 0, 128);
        Path file = Files.write(dir.resolve("trial 3.mat"), v73);
        RecordingAnalyzer.FileResult r = RecordingAnalyzer.create().analyze(file);
        assertEquals(List.of(), r.signals());
        assertEquals("MATLAB v7.3 (HDF5) files are not read; save it as v7 in MATLAB: S = load('trial 3.mat');"
                + " save('trial 3_v7.mat', '-struct', 'S', '-v7')", r.error());
    }
}
