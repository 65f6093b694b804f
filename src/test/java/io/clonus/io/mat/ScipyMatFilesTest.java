package io.clonus.io.mat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files written by scipy.io.savemat (src/test/scripts/make_mat_fixtures.py), a writer other than the MFL that
 * reads them; the samples are the script's formulas, recomputed here.
 */
class ScipyMatFilesTest {
    private static final int N = 3000;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScipyMatFilesTest.class.getResource(name).toURI());
    }

    private static double[] emg(double sign) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = sign * ((i % 200) - 100) * 0.5;
        }
        return x;
    }

    private static double[] acc(int scale) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = scale * (((i * 7) % 64) - 32); // int16 values: an integer 0, never -0.0
        }
        return x;
    }

    private static double[] ramp(double sign) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = sign * i * 0.25;
        }
        return x;
    }

    @Test
    void compressedVectorsWithARate() throws Exception {
        Path file = resource("scipy-vectors.mat");
        assertTrue(MatReader.layout(file).compressed());
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("EMG_TA", "EMG_SOL"), c.names());
        assertArrayEquals(emg(1), c.channel("EMG_TA").samples());
        assertArrayEquals(emg(-1), c.channel("EMG_SOL").samples());
        assertEquals(2000.0, c.channel("EMG_SOL").sampleRateHz());
        assertEquals(List.of("not read as channels: 'subject' (char), 'flags' (logical)"), c.notes());
    }

    @Test
    void anInt16MatrixLabelledByACellArrayWithARatePerChannel() throws Exception {
        Path file = resource("scipy-matrix.mat");
        assertFalse(MatReader.layout(file).compressed());
        MatReader.Contents c = MatReader.read(file);
        assertEquals(List.of("ACC X", "ACC Y", "ACC Z"), c.names());
        assertArrayEquals(acc(1), c.channel("ACC X").samples());
        assertArrayEquals(acc(-1), c.channel("ACC Y").samples());
        assertArrayEquals(acc(2), c.channel("ACC Z").samples());
        assertEquals("Fs", c.channel("ACC Z").rateVariable());
        MatReader.Selection s = c.select(List.of(c.names()), null, 0.01, new ArrayList<>()).get(0);
        assertEquals(148.0, s.sampleRateHz());
        assertEquals(3, s.axes().length);
    }

    @Test
    void aStructWithACharMatrixOfLabelsAndItsOwnRate() throws Exception {
        MatReader.Contents c = MatReader.read(resource("scipy-struct.mat"));
        assertEquals(List.of("EMG left", "EMG right"), c.names());
        assertArrayEquals(ramp(1), c.channel("EMG left").samples());
        assertArrayEquals(ramp(-1), c.channel("EMG right").samples());
        assertEquals("rec.signals", c.channel("EMG right").variable());
        assertEquals(1000.0, c.channel("EMG left").sampleRateHz());
        assertEquals("rec.srate", c.channel("EMG left").rateVariable());
        assertEquals(List.of(), c.notes());
    }
}
