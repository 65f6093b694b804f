package io.clonus.cli;

import static io.clonus.testing.MatFiles.column;
import static io.clonus.testing.MatFiles.mat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.sim.EmgSimulator;
import io.clonus.testing.MatFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;

/** MATLAB MAT-files through {@code clonus analyze}. */
class MatInputTest {
    @TempDir
    Path dir;

    private static double[] clonusEmg() {
        return EmgSimulator.builder(2000, 20, 1).noise(5).clonus(4, 12, 6.0, 80).build().signal().toArray(0);
    }

    @Test
    void aMatFileGivesTheClassificationAndBeatsOfTheSameSamplesInCsv() throws Exception {
        double[] x = clonusEmg();
        Path csv = Cli.csv(dir.resolve("same.csv"), io.clonus.detect.Signal.emg("EMG soleus", 2000, x),
                "EMG soleus");
        Path v7 = mat().add("EMG soleus", column(x)).scalar("fs", 2000).write(dir.resolve("same.mat"));
        Path v6 = mat().add("data", MatFiles.matrix(false, x)).add("labels", MatFiles.texts("EMG soleus"))
                .add("rate", Mat5.newScalar(0)).writeUncompressed(dir.resolve("SAME_V6.MAT"));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", csv.toString(), v7.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode fromCsv = r.json().get(0);
        JsonNode fromMat = r.json().get(1);
        assertEquals("SUSTAINED", fromMat.get("classification").asText());
        for (String k : List.of("channel", "type", "classification", "beatCount", "sampleRateHz", "durationS",
                "unit", "beats", "episodes")) {
            assertEquals(fromCsv.get(k), fromMat.get(k), k);
        }
        // a 1×N matrix is a vector: a channel named after its variable, whatever the labels; no rate: --fs
        Cli.Run noRate = Cli.run("analyze", "-q", "--format", "json", "--type", "emg", v6.toString());
        assertEquals(1, noRate.status(), noRate::toString);
        assertEquals(1, noRate.errLinesAbout(v6.toString()).size(), noRate::toString);
        assertTrue(noRate.errLinesAbout(v6.toString()).get(0).endsWith("; give it with --fs HZ"), noRate::toString);
        Cli.Run given = Cli.run("analyze", "-q", "--format", "json", "--fs", "2000", "--type", "emg", v6.toString());
        assertEquals(0, given.status(), given::toString);
        assertEquals("data", given.json().get(0).get("channel").asText());
        assertEquals(fromCsv.get("beats"), given.json().get(0).get("beats"));
    }

    @Test
    void notesAreWarningsNamingTheFile() throws Exception {
        Path file = mat().column("EMG", clonusEmg()).scalar("fs", 2000).add("subject", Mat5.newString("P07"))
                .add("flags", Mat5.newLogical(1, 10)).write(dir.resolve("notes.mat"));
        Cli.Run r = Cli.run("analyze", "--format", "json", file.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.errLines().contains("clonus: " + file + ": warning: not read as channels: 'subject' (char),"
                + " 'flags' (logical)"), r::toString);
    }

    @Test
    void badMatFilesGetOneLineEachAndTheOthersTheirResults() throws Exception {
        double[] x = clonusEmg();
        Path good = mat().column("EMG", x).scalar("fs", 2000).write(dir.resolve("good.mat"));
        byte[] v73 = new byte[1024];
        System.arraycopy(MatFiles.header("MATLAB 7.3 MAT-file, Platform: MACI64", 0x0200), 0, v73, 0, 128);
        Path hdf5 = Files.write(dir.resolve("v73.mat"), v73);
        Path lengths = mat().column("EMG_TA", x).column("EMG_SOL", Arrays.copyOf(x, 4000)).scalar("fs", 2000)
                .write(dir.resolve("lengths.mat"));
        Path text = Files.writeString(dir.resolve("text.mat"), "time,EMG\n0,1\n");
        Path nothing = mat().add("name", Mat5.newString("x")).write(dir.resolve("nothing.mat"));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", good.toString(), hdf5.toString(), lengths.toString(),
                text.toString(), nothing.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals("SUSTAINED", r.json().get(0).get("classification").asText());
        assertEquals(List.of("clonus: " + hdf5 + ": MATLAB v7.3 (HDF5) files are not read; save it as v7 in MATLAB:"
                + " S = load('v73.mat'); save('v73_v7.mat', '-struct', 'S', '-v7')"), r.errLinesAbout(hdf5.toString()));
        assertEquals(List.of("clonus: " + lengths + ": channels of different lengths at one sample rate (2000 Hz, from"
                + " 'fs'): 'EMG_TA' 40000 samples; 'EMG_SOL' 4000 samples; choose channels of one length with"
                + " --channels, or give each signal its own rate in a struct (s.emg with s.fs)"),
                r.errLinesAbout(lengths.toString()));
        assertEquals(List.of("clonus: " + text + ": not a MATLAB MAT-file: it does not begin with the header"
                + " 'MATLAB 5.0 MAT-file' (MAT level 4 files, which have none, are not read)"),
                r.errLinesAbout(text.toString()));
        assertEquals(List.of("clonus: " + nothing + ": no numeric channel: no real numeric vector or matrix of"
                + " channels in the file; not read: 'name' (char)"), r.errLinesAbout(nothing.toString()));

        Cli.Run one = Cli.run("analyze", "-q", "--format", "json", "--channels", "EMG_SOL", lengths.toString());
        assertEquals(0, one.status(), one::toString);
        assertEquals(2.0, one.json().get(0).get("durationS").asDouble(), 1e-9);
    }

    @Test
    void directoriesAreSearchedForMatFiles() throws Exception {
        Path recs = Files.createDirectories(dir.resolve("recs/day1"));
        mat().column("EMG", clonusEmg()).scalar("fs", 2000).write(recs.resolve("p1.MAT"));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", dir.resolve("recs").toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.json().size());
        assertTrue(r.json().get(0).get("file").asText().endsWith("recs/day1/p1.MAT"), r::toString);
    }
}
