package io.clonus.io.mat;

import static io.clonus.testing.MatFiles.MI_DOUBLE;
import static io.clonus.testing.MatFiles.MI_INT32;
import static io.clonus.testing.MatFiles.MI_INT8;
import static io.clonus.testing.MatFiles.MI_MATRIX;
import static io.clonus.testing.MatFiles.MX_CELL;
import static io.clonus.testing.MatFiles.MX_DOUBLE;
import static io.clonus.testing.MatFiles.MX_SPARSE;
import static io.clonus.testing.MatFiles.MX_STRUCT;
import static io.clonus.testing.MatFiles.MX_UINT8;
import static io.clonus.testing.MatFiles.arrayBody;
import static io.clonus.testing.MatFiles.column;
import static io.clonus.testing.MatFiles.compressed;
import static io.clonus.testing.MatFiles.doubles;
import static io.clonus.testing.MatFiles.element;
import static io.clonus.testing.MatFiles.header;
import static io.clonus.testing.MatFiles.ints;
import static io.clonus.testing.MatFiles.mat;
import static io.clonus.testing.MatFiles.matrix;
import static io.clonus.testing.MatFiles.struct;
import static io.clonus.testing.MatFiles.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.io.InputException;
import io.clonus.testing.MatFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;

/** MatReader's rules on files written by MFL, and its refusals on files crafted byte by byte. */
class MatReaderTest {
    @TempDir
    Path dir;

    private static double[] ramp(int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * Math.sin(i * 0.01) + i * 1e-3;
        }
        return x;
    }

    private static InputException refused(Path file) {
        return assertThrows(InputException.class, () -> MatReader.read(file));
    }

    @Test
    void vectorsAreChannelsNamedAfterTheirVariablesWithTheRateOfFs() throws Exception {
        double[] ta = ramp(3000, 50);
        double[] sol = ramp(3000, -20);
        Path file = mat().column("EMG_TA", ta).add("EMG_SOL", MatFiles.row(sol)).scalar("fs", 2000)
                .writeUncompressed(dir.resolve("v.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("EMG_TA", "EMG_SOL"), c.names());
        assertArrayEquals(ta, c.channel("EMG_TA").samples());
        assertArrayEquals(sol, c.channel("EMG_SOL").samples());
        assertEquals(2000.0, c.channel("EMG_TA").sampleRateHz());
        assertEquals("fs", c.channel("EMG_SOL").rateVariable());
        assertEquals(List.of(), c.notes());
        MatReader.Selection s = c.select(List.of(List.of("EMG_SOL")), null, 0.01, new ArrayList<>()).get(0);
        assertEquals(2000.0, s.sampleRateHz());
        assertArrayEquals(sol, s.axes()[0]);
    }

    @Test
    void aCompressedFileReadsAsTheUncompressedOne() throws Exception {
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 200 - 100; // compresses well
        }
        MatFiles.Builder b = mat().column("emg", x).scalar("Fs", 1000);
        Path v7 = b.write(dir.resolve("v7.mat"));
        Path v6 = b.writeUncompressed(dir.resolve("v6.mat"));
        assertTrue(MatReader.layout(v7).compressed(), "MFL's default writer compresses");
        assertFalse(MatReader.layout(v6).compressed());
        assertTrue(Files.size(v7) < Files.size(v6) / 2, Files.size(v7) + " vs " + Files.size(v6));
        MatReader.Contents a = MatReader.read(v7);
        MatReader.Contents u = MatReader.read(v6);
        assertEquals(u.names(), a.names());
        assertArrayEquals(x, a.channel("emg").samples());
        assertArrayEquals(u.channel("emg").samples(), a.channel("emg").samples());
        assertEquals(1000.0, a.channel("emg").sampleRateHz());
    }

    @Test
    void integerAndSingleClassesAreConvertedToDouble() throws Exception {
        double[] counts = {-32768, -1, 0, 1, 2, 32767, 1234, -4321};
        Path file = mat().add("emg16", column(MatlabType.Int16, counts))
                .add("emgU8", column(MatlabType.UInt8, 0, 1, 128, 255))
                .add("emgS", column(MatlabType.Single, 0.5, -1.25, 3.0))
                .add("emg64", column(MatlabType.Int64, -7, 8, 9))
                .add("srate", Mat5.newScalar(500)).write(dir.resolve("ints.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertArrayEquals(counts, c.channel("emg16").samples());
        assertArrayEquals(new double[] {0, 1, 128, 255}, c.channel("emgU8").samples());
        assertArrayEquals(new double[] {0.5, -1.25, 3.0}, c.channel("emgS").samples());
        assertArrayEquals(new double[] {-7, 8, 9}, c.channel("emg64").samples());
        assertEquals("srate", c.channel("emg16").rateVariable());
    }

    @Test
    void aMatrixIsChannelsAlongItsShorterSideInEitherOrientation() throws Exception {
        double[] a = ramp(400, 1);
        double[] b = ramp(400, 2);
        double[] d = ramp(400, 3);
        Path file = mat().add("data", MatFiles.matrix(true, a, b, d)).add("other", MatFiles.matrix(false, d, a))
                .scalar("fs", 1000).write(dir.resolve("m.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("data[1]", "data[2]", "data[3]", "other[1]", "other[2]"), c.names());
        assertArrayEquals(b, c.channel("data[2]").samples());
        assertArrayEquals(d, c.channel("data[3]").samples());
        assertArrayEquals(d, c.channel("other[1]").samples());
        assertArrayEquals(a, c.channel("other[2]").samples());
        assertEquals("data", c.channel("data[2]").variable());
    }

    @Test
    void matricesOutsideTheRuleAreNotChannels() throws Exception {
        Matrix square = Mat5.newMatrix(100, 100);
        Matrix wide = Mat5.newMatrix(65, 10000); // 65 channels: one too many
        Matrix shortOne = Mat5.newMatrix(4, 39); // 39 samples of 4 channels: fewer than 10 times as many
        Path file = mat().add("img", square).add("wide", wide).add("short", shortOne)
                .add("ok", Mat5.newMatrix(4, 40)).scalar("fs", 100).write(dir.resolve("rule.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("ok[1]", "ok[2]", "ok[3]", "ok[4]"), c.names());
        String note = c.notes().get(0);
        assertTrue(note.startsWith("not read as channels: 'img' (a 100×100 matrix: channels are at most 64, with at"
                + " least 10 times as many samples), 'wide' (a 65×10000 matrix"), note);
        assertTrue(note.contains("'short' (a 4×39 matrix"), note);
    }

    @Test
    void labelsFromACellArrayOrACharMatrixNameTheMatrixOfAsManyChannels() throws Exception {
        double[] a = ramp(300, 1);
        double[] b = ramp(300, 2);
        double[] d = ramp(300, 3);
        Path cell = mat().add("Data", MatFiles.matrix(false, a, b, d))
                .add("Channels", MatFiles.texts("EMG TA", "", "ACC X")).scalar("fs", 1000).write(dir.resolve("c.mat"));
        MatReader.Contents c = MatReader.read(cell);
        assertEquals(List.of("EMG TA", "Data[2]", "ACC X"), c.names(), "a blank label keeps var[i]");
        assertArrayEquals(d, c.channel("ACC X").samples());
        assertEquals("Data", c.channel("ACC X").variable());

        Path chars = mat().add("emg", MatFiles.matrix(true, a, b)).add("labels", MatFiles.charRows("left TA", "right"))
                .scalar("fs", 1000).write(dir.resolve("ch.mat"));
        assertEquals(List.of("left TA", "right"), MatReader.read(chars).names(), "trailing blanks dropped");
    }

    @Test
    void labelsThatFitNoMatrixOrSeveralAreNotUsed() throws Exception {
        double[] a = ramp(300, 1);
        Path none = mat().add("emg", MatFiles.matrix(true, a, a)).add("labels", MatFiles.texts("x", "y", "z"))
                .scalar("fs", 1000).write(dir.resolve("none.mat"));
        MatReader.Contents c = MatReader.read(none);
        assertEquals(List.of("emg[1]", "emg[2]"), c.names());
        assertEquals(List.of("labels 'labels' not used: they are 3 names, and no matrix at the top level has 3"
                + " channels"), c.notes());

        Path two = mat().add("left", MatFiles.matrix(true, a, a)).add("right", MatFiles.matrix(true, a, a))
                .add("names", MatFiles.texts("EMG 1", "EMG 2")).scalar("fs", 1000).write(dir.resolve("two.mat"));
        MatReader.Contents t = MatReader.read(two);
        assertEquals(List.of("left[1]", "left[2]", "right[1]", "right[2]"), t.names());
        assertEquals(List.of("labels 'names' not used: they are 2 names, and 2 matrices at the top level have as many"
                + " channels ('left', 'right')"), t.notes());
    }

    @Test
    void oneLevelOfStructIsFlattenedAndItsOwnRateCountsForItsFields() throws Exception {
        double[] emg = ramp(4000, 10);
        double[] acc = ramp(300, 0.1);
        double[] top = ramp(500, 1);
        Path file = mat().add("data", struct("EMG", column(emg), "fs", Mat5.newScalar(2000),
                        "inner", struct("deep", column(top))))
                .add("imu", struct("acc", MatFiles.matrix(true, acc, acc, acc), "SampleRate", Mat5.newScalar(148.148)))
                .add("plain", struct("emg", column(top)))
                .scalar("FS", 500).write(dir.resolve("s.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("data.EMG", "imu.acc[1]", "imu.acc[2]", "imu.acc[3]", "plain.emg"), c.names());
        assertArrayEquals(emg, c.channel("data.EMG").samples());
        assertEquals(2000.0, c.channel("data.EMG").sampleRateHz());
        assertEquals("data.fs", c.channel("data.EMG").rateVariable());
        assertEquals(148.148, c.channel("imu.acc[3]").sampleRateHz());
        assertEquals("imu.SampleRate", c.channel("imu.acc[1]").rateVariable());
        assertEquals("FS", c.channel("plain.emg").rateVariable(), "a struct without a rate takes the top level's");
        assertEquals(List.of("not read as channels: 'data.inner' (a struct inside a struct: one level is read)"),
                c.notes());
        // each rate fits its own channels' lengths, so they can be analysed together
        List<MatReader.Selection> s = c.select(List.of(List.of("data.EMG"), List.of("imu.acc[1]", "imu.acc[2]",
                "imu.acc[3]"), List.of("plain.emg")), null, 0.01, new ArrayList<>());
        assertEquals(List.of(2000.0, 148.148, 500.0), s.stream().map(MatReader.Selection::sampleRateHz).toList());
        assertEquals(3, s.get(1).axes().length);
    }

    @Test
    void whatIsNotAChannelIsListedInOneNote() throws Exception {
        Matrix logical = Mat5.newLogical(100, 1);
        Matrix complex = Mat5.newComplex(100, 1);
        Path file = mat().column("emg", ramp(1000, 1)).scalar("fs", 1000)
                .add("flags", logical).add("z", complex).add("subject", Mat5.newString("P01"))
                .add("misc", MatFiles.texts("a", "b")).add("trials", Mat5.newStruct(1, 2))
                .scalar("gain", 1000).add("nothing", Mat5.newMatrix(0, 0))
                .add("cube", Mat5.newMatrix(new int[] {3, 4, 5}))
                .column("time", ramp(1000, 0)).column("t", ramp(1000, 0))
                .add("Fs_ch", column(1000, 1000)).add("srate", column(1000, 2000))
                .write(dir.resolve("misc.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("emg", "Fs_ch"), c.names(), "Fs_ch is not a rate name: a channel of two samples");
        assertEquals(List.of("not read as channels: 'flags' (logical), 'z' (complex), 'subject' (char), 'misc' (a cell"
                + " array), 'trials' (a 1×2 struct array: only a 1×1 struct is read), 'gain' (a scalar), 'nothing'"
                + " (empty), 'cube' (a 3-dimensional array), 'time' (a time vector), 't' (a time vector), 'srate'"
                + " (named like a sample rate, but its 2 values differ)"), c.notes());
    }

    @Test
    void aRateVectorOfEqualValuesGivesTheRateAndAMissingOneIsNamedInTheError() throws Exception {
        Path perChannel = mat().add("Data", MatFiles.matrix(true, ramp(500, 1), ramp(500, 2)))
                .add("Fs", MatFiles.row(1926, 1926)).write(dir.resolve("pc.mat"));
        assertEquals(1926.0, MatReader.read(perChannel).channel("Data[2]").sampleRateHz());

        Path noRate = mat().column("emg", ramp(500, 1)).add("s", struct("EMG", column(ramp(500, 1)),
                        "Fs", Mat5.newScalar(Double.NaN), "fsamp", Mat5.newScalar(-250)))
                .scalar("fs", 0).write(dir.resolve("nr.mat"));
        MatReader.Contents c = MatReader.read(noRate);
        assertEquals(List.of("'s.Fs' = NaN is no sample rate; not used", "'s.fsamp' = -250 is no sample rate; not"
                + " used", "'fs' = 0 is no sample rate; not used"), c.notes());
        assertTrue(Double.isNaN(c.channel("emg").sampleRateHz()));
        InputException top = assertThrows(InputException.class,
                () -> c.select(List.of(List.of("emg")), null, 0.01, new ArrayList<>()));
        assertEquals("no sample rate for channel 'emg': no number named fs, fsamp, srate, samplerate, sample_rate,"
                + " samplingrate, sampling_rate, samplingfrequency, sampling_frequency, rate_hz, fs_hz (any case) at"
                + " the top level of the file; give it with --fs HZ", top.getMessage());
        InputException inStruct = assertThrows(InputException.class,
                () -> c.select(List.of(List.of("s.EMG")), null, 0.01, new ArrayList<>()));
        assertTrue(inStruct.getMessage().contains("(any case) in struct 's' or at the top level of the file; give it"
                + " with --fs HZ"), inStruct.getMessage());
        List<String> notes = new ArrayList<>();
        assertEquals(800.0, c.select(List.of(List.of("emg"), List.of("s.EMG")), 800.0, 0.01, notes).get(1)
                .sampleRateHz());
        assertEquals(List.of(), notes);
    }

    @Test
    void theFirstRateOfAPlaceCountsAndALaterDifferentOneIsNoted() throws Exception {
        Path file = mat().column("emg", ramp(500, 1)).scalar("fs", 2000).scalar("SamplingRate", 1000)
                .scalar("srate", 2000).write(dir.resolve("two.mat"));
        MatReader.Contents c = MatReader.read(file);
        assertEquals("fs", c.channel("emg").rateVariable());
        assertEquals(List.of("'SamplingRate' gives 1000 Hz, but 'fs' before it 2000 Hz; using 'fs'"), c.notes());
    }

    @Test
    void aGivenRateWinsWithANoteWhenItDiffers() throws Exception {
        Path file = mat().column("emg", ramp(500, 1)).scalar("fs", 2000).write(dir.resolve("r.mat"));
        MatReader.Contents c = MatReader.read(file);
        List<String> notes = new ArrayList<>();
        assertEquals(1000.0, c.select(List.of(List.of("emg")), 1000.0, 0.01, notes).get(0).sampleRateHz());
        assertEquals(List.of("--fs 1000 Hz differs from the 2000 Hz of variable 'fs' by 100 %; using --fs"), notes);
        notes.clear();
        c.select(List.of(List.of("emg")), 2010.0, 0.01, notes);
        assertEquals(List.of(), notes, "within 1 %");
    }

    @Test
    void channelsOfDifferentLengthsAtOneRateAreRefusedByName() throws Exception {
        Path file = mat().column("EMG_TA", ramp(4000, 1)).column("EMG_SOL", ramp(4000, 1))
                .column("ACC_X", ramp(296, 1)).scalar("fs", 2000).write(dir.resolve("len.mat"));
        MatReader.Contents c = MatReader.read(file);
        InputException e = assertThrows(InputException.class, () -> c.select(List.of(List.of("EMG_TA"),
                List.of("EMG_SOL"), List.of("ACC_X")), null, 0.01, new ArrayList<>()));
        assertEquals("channels of different lengths at one sample rate (2000 Hz, from 'fs'): 'EMG_TA', 'EMG_SOL' 4000"
                + " samples; 'ACC_X' 296 samples; choose channels of one length with --channels, or give each signal"
                + " its own rate in a struct (s.emg with s.fs)", e.getMessage());
        InputException given = assertThrows(InputException.class, () -> c.select(List.of(List.of("EMG_TA"),
                List.of("ACC_X")), 2000.0, 0.01, new ArrayList<>()));
        assertTrue(given.getMessage().startsWith("channels of different lengths at one sample rate (2000 Hz, from"
                + " --fs): 'EMG_TA' 4000 samples; 'ACC_X' 296 samples"), given.getMessage());
        assertEquals(2, c.select(List.of(List.of("EMG_TA"), List.of("EMG_SOL")), null, 0.01, new ArrayList<>())
                .size(), "the channels of one length alone are fine");
    }

    @Test
    void duplicateNamesAreNumbered() throws Exception {
        double[] a = ramp(300, 1);
        Path file = mat().add("d", MatFiles.matrix(true, a, a, a)).add("labels", MatFiles.texts("EMG", "emg", "EMG"))
                .column("EMG #2x", a).scalar("fs", 1000).write(dir.resolve("dup.mat"));
        assertEquals(List.of("EMG", "emg #2", "EMG #3", "EMG #2x"), MatReader.read(file).names());
    }

    @Test
    void aFileWithoutANumericChannelIsRefusedWithWhatItHolds() throws Exception {
        Path file = mat().add("subject", Mat5.newString("P01")).add("ok", Mat5.newLogical(10, 1)).scalar("fs", 100)
                .write(dir.resolve("none.mat"));
        assertEquals("no numeric channel: no real numeric vector or matrix of channels in the file; not read:"
                + " 'subject' (char), 'ok' (logical)", refused(file).getMessage());
        Path empty = MatFiles.bytes(dir.resolve("empty.mat"), header());
        assertEquals("no numeric channel: the MAT-file holds no variables", refused(empty).getMessage());
    }

    @Test
    void matlab73FilesAreRefusedWithHowToSaveThemAsV7() throws Exception {
        // MATLAB v7.3: a 512-byte user block starting with the MATLAB text header, then the HDF5 superblock
        byte[] v73 = new byte[2048];
        System.arraycopy(header("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Tue Mar  5 14:30:00 2024"
                + " HDF5 schema 1.00 .", 0x0200), 0, v73, 0, 128);
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(hdf5, 0, v73, 512, 8);
        Path file = Files.write(dir.resolve("session.mat"), v73);
        assertEquals("MATLAB v7.3 (HDF5) files are not read; save it as v7 in MATLAB: S = load('session.mat');"
                + " save('session_v7.mat', '-struct', 'S', '-v7')", refused(file).getMessage());

        // the signature alone, at 512, is enough (another writer's text)
        byte[] other = v73.clone();
        System.arraycopy(header("written by some tool", 0x0200), 0, other, 0, 128);
        assertTrue(refused(Files.write(dir.resolve("o.mat"), other)).getMessage().startsWith("MATLAB v7.3 (HDF5)"));

        // a plain HDF5 file (h5py) named .mat
        byte[] h5 = Arrays.copyOf(hdf5, 1024);
        assertTrue(refused(Files.write(dir.resolve("h5.mat"), h5)).getMessage().startsWith("an HDF5 file, as MATLAB"
                + " writes with -v7.3: MATLAB v7.3 (HDF5) files are not read; save it as v7 in MATLAB: S ="
                + " load('h5.mat')"));
    }

    @Test
    void whatIsNoMatFileIsRefused() throws Exception {
        assertEquals("not a MATLAB MAT-file: it does not begin with the header 'MATLAB 5.0 MAT-file' (MAT level 4"
                + " files, which have none, are not read)", refused(Files.writeString(dir.resolve("t.mat"),
                        "time,emg\n" + "0,1\n".repeat(100))).getMessage());
        assertEquals("empty file, not a MATLAB MAT-file", refused(Files.write(dir.resolve("e.mat"), new byte[0]))
                .getMessage());
        assertEquals("truncated MAT-file: 40 bytes, shorter than its 128-byte header",
                refused(Files.write(dir.resolve("s.mat"), Arrays.copyOf(header(), 40))).getMessage());
        byte[] badMark = header();
        badMark[126] = 'X';
        assertEquals("not a valid MAT-file: no byte order mark 'IM' or 'MI' at bytes 127-128",
                refused(Files.write(dir.resolve("m.mat"), badMark)).getMessage());
        assertTrue(refused(Files.write(dir.resolve("v4.mat"), header("MATLAB 4.0 whatever", 0x0100))).getMessage()
                .startsWith("a MAT-file of a version not read: its header says 'MATLAB 4.0 whatever'"));
    }

    @Test
    void aTruncatedFileIsRefusedBeforeMflReadsIt() throws Exception {
        Path whole = mat().column("emg", ramp(1000, 1)).scalar("fs", 1000).writeUncompressed(dir.resolve("w.mat"));
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(b, b.length - 300));
        String m = refused(cut).getMessage();
        assertTrue(m.startsWith("truncated or damaged MAT-file: variable 1 at byte 128 declares 8"), m);

        byte[] garbage = Arrays.copyOf(b, b.length + 16);
        garbage[b.length] = 42;
        assertEquals("damaged MAT-file: element 3 at byte " + b.length + " is of type 42, not a variable (14, or 15"
                + " compressed)", refused(Files.write(dir.resolve("g.mat"), garbage)).getMessage());
    }

    @Test
    void damagedContentIsRefusedNamingTheVariable() throws Exception {
        // dims say 1×10, the data tag holds 4 doubles
        byte[] body = arrayBody(MX_DOUBLE, new int[] {1, 10}, "emg", element(MI_DOUBLE, doubles(1, 2, 3, 4)));
        Path file = MatFiles.bytes(dir.resolve("d.mat"), header(), matrix(body));
        assertEquals("damaged MAT-file (in or after variable 'emg'): Incorrect number of elements in real store",
                refused(file).getMessage());
        // a tag that declares more bytes than its variable holds
        byte[] bad = arrayBody(MX_DOUBLE, new int[] {1, 4}, "emg", tag(MI_DOUBLE, 64), doubles(1, 2, 3, 4));
        String m = refused(MatFiles.bytes(dir.resolve("d2.mat"), header(), matrix(bad))).getMessage();
        assertTrue(m.startsWith("damaged MAT-file (in or after variable 'emg'): "), m);
    }

    @Test
    void aSparseArrayIsSkippedUnread() throws Exception {
        // the sparse body after the name is nonsense: skipped at the top level, it is never parsed
        byte[] sparse = arrayBody(MX_SPARSE, new int[] {1000, 1000}, "S", element(MI_INT8, new byte[40]));
        Path file = MatFiles.bytes(dir.resolve("sp.mat"), header(), matrix(sparse),
                matrix(arrayBody(MX_DOUBLE, new int[] {1, 3}, "emg", element(MI_DOUBLE, doubles(1, 2, 3)))));
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("emg"), c.names());
        assertEquals(List.of("not read as channels: 'S' (sparse)"), c.notes());
    }

    @Test
    void declaredSizesBeyondWhatTheFileCanHoldAreRefusedBeforeAllocating() throws Exception {
        // uncompressed: a 1×2^30 vector cannot be in a file of 200 bytes
        byte[] huge = arrayBody(MX_DOUBLE, new int[] {1, 1 << 30}, "emg", element(MI_DOUBLE, doubles(1, 2)));
        Path file = MatFiles.bytes(dir.resolve("h.mat"), header(), matrix(huge));
        assertEquals("variable 'emg' declares 1×1073741824 = 1073741824 elements, more than a file of "
                + Files.size(file) + " bytes can hold: the file is damaged", refused(file).getMessage());

        // a data tag of 1 GB in a compressed file of a few hundred bytes, for a 1×2 array: MFL would allocate it
        byte[] lying = arrayBody(MX_DOUBLE, new int[] {1, 2}, "emg", tag(MI_DOUBLE, 1 << 30), doubles(1, 2));
        Path z = MatFiles.bytes(dir.resolve("z.mat"), header(), compressed(matrix(lying)));
        String m = refused(z).getMessage();
        assertTrue(m.startsWith("variable 'emg' declares more data than the file can hold (1073741824 bytes of arrays"
                + " so far, from a file of " + Files.size(z) + " bytes, compressed): the file is damaged"), m);

        // a cell array of 2^30 elements inside a struct (not seen by the top-level check): refused before MFL
        // allocates its 2^30 references
        byte[] fieldNames = Arrays.copyOf("c".getBytes(StandardCharsets.US_ASCII), 32);
        byte[] cell = matrix(arrayBody(MX_CELL, new int[] {1 << 15, 1 << 15}, ""));
        byte[] s = arrayBody(MX_STRUCT, new int[] {1, 1}, "s", element(MI_INT32, ints(32)),
                element(MI_INT8, fieldNames), cell);
        Path nested = MatFiles.bytes(dir.resolve("n.mat"), header(), compressed(matrix(s)));
        assertEquals("variable 's' holds a cell or struct array declared as 32768×32768, more elements than the file"
                + " can hold: the file is damaged", refused(nested).getMessage());
    }

    @Test
    void aVariableOfMoreThanTheMostSamplesIsRefusedByItsDeclaredSize() throws Exception {
        // a compressed file large enough (incompressible noise) that 2^28 + 1 elements could be in it at deflate's
        // highest ratio; the variable declares them and holds none
        byte[] noise = new byte[(int) (MatReader.MAX_SAMPLES / MatReader.MAX_DEFLATE_RATIO) + 4096];
        new Random(1).nextBytes(noise);
        byte[] filler = matrix(arrayBody(MX_UINT8, new int[] {noise.length, 1}, "noise",
                element(MatFiles.MI_UINT8, noise)));
        int n = (int) MatReader.MAX_SAMPLES + 1;
        byte[] big = matrix(arrayBody(MX_DOUBLE, new int[] {n, 1}, "emg", element(MI_DOUBLE, doubles(1))));
        Path file = MatFiles.bytes(dir.resolve("big.mat"), header(), compressed(filler), compressed(big));
        assertTrue(Files.size(file) * MatReader.MAX_DEFLATE_RATIO > n, "the file could hold it");
        assertEquals("variable 'emg' holds 268435457×1 = 268435457 values, more than the 268435456 (2^28) read from"
                + " a MAT-file, which is read whole; save shorter pieces, or use EDF for long recordings",
                refused(file).getMessage());
    }

    @Test
    void aBigEndianFileIsReadInItsByteOrder() throws Exception {
        // as MATLAB on a big-endian machine wrote it: "MI" at bytes 127-128, every number big-endian
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1024).order(java.nio.ByteOrder.BIG_ENDIAN);
        byte[] text = Arrays.copyOf("MATLAB 5.0 MAT-file, Platform: SOL2".getBytes(StandardCharsets.US_ASCII), 116);
        Arrays.fill(text, 35, 116, (byte) ' ');
        b.put(text).putLong(0).putShort((short) 0x0100).put((byte) 'M').put((byte) 'I');
        for (Object[] v : new Object[][] {{"emg", new double[] {1.5, -2.25, 3, 4}}, {"fs", new double[] {500}}}) {
            String name = (String) v[0];
            double[] x = (double[]) v[1];
            int nameBytes = (name.length() + 7) / 8 * 8;
            b.putInt(MI_MATRIX).putInt(16 + 16 + 8 + nameBytes + 8 + 8 * x.length);
            b.putInt(MatFiles.MI_UINT32).putInt(8).putInt(MX_DOUBLE).putInt(0);
            b.putInt(MI_INT32).putInt(8).putInt(1).putInt(x.length);
            b.putInt(MI_INT8).putInt(name.length()).put(Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII),
                    nameBytes));
            b.putInt(MI_DOUBLE).putInt(8 * x.length);
            for (double d : x) {
                b.putDouble(d);
            }
        }
        Path file = Files.write(dir.resolve("be.mat"), Arrays.copyOf(b.array(), b.position()));
        assertEquals(java.nio.ByteOrder.BIG_ENDIAN, MatReader.layout(file).order());
        MatReader.Contents c = MatReader.read(file);
        assertArrayEquals(new double[] {1.5, -2.25, 3, 4}, c.channel("emg").samples());
        assertEquals(500.0, c.channel("emg").sampleRateHz());
    }

    @Test
    void byteOrderAndExtension() throws Exception {
        assertTrue(MatReader.isMat(Path.of("a/B.MAT")));
        assertTrue(MatReader.isMat(Path.of("x.mat")));
        assertFalse(MatReader.isMat(Path.of("x.mat.csv")));
        assertFalse(MatReader.isMat(Path.of("/")));
        Path file = mat().column("emg", 1, 2, 3).write(dir.resolve("o.mat"));
        assertEquals(java.nio.ByteOrder.nativeOrder(), MatReader.layout(file).order());
        assertEquals(1, MatReader.layout(file).variables());
        assertNull(MatReader.read(file).channel("nope"));
        assertEquals(MI_MATRIX, MatReader.MI_MATRIX);
    }
}
