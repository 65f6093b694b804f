package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdfRoundTripTest {
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 5, 14, 30, 15);

    @TempDir
    Path dir;

    /** Every read-back sample is within half a quantisation step of what was written. */
    private static void assertWithinStep(double[] expected, double[] actual, EdfSignalHeader s) {
        assertEquals(expected.length, actual.length, "length of " + s.label());
        double tol = Math.abs(s.gain()) / 2 * (1 + 1e-9) + 1e-12;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tol) {
                throw new AssertionError(s.label() + " sample " + i + ": wrote " + expected[i] + ", read " + actual[i]
                        + " (allowed " + tol + ")");
            }
        }
    }

    @Test
    void plainEdfRoundTrip() throws IOException {
        double[] emg = EdfTestFiles.signal(2000 * 5, 2000, 6, 400, 1);
        Path f = dir.resolve("plain.edf");
        EdfWriter.edf().patient("subject 7").recording("ankle clonus test").start(START)
                .addSignal("EMG L", "uV", 2000, -500, 500, -32768, 32767, emg)
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(EdfFormat.EDF, h.format());
            assertEquals("subject 7", h.patientId());
            assertEquals("ankle clonus test", h.recordingId());
            assertEquals(START, h.start());
            assertEquals(512, h.headerBytes());
            assertEquals(5, h.recordCount());
            assertEquals(1.0, h.recordDurationS());
            assertEquals(5.0, h.durationS());
            assertEquals(2000.0, h.sampleRateHz(0));
            assertEquals(10_000, h.samplesPerSignal(0));
            assertEquals(1, h.dataSignals().size());
            assertWithinStep(emg, r.readSignal(0), h.signal(0));
            assertEquals(List.of(new EdfReader.Segment(0, 0, 5)), r.segments());
            assertTrue(r.annotations().isEmpty());
            assertTrue(r.warnings().isEmpty());
            assertEquals(3.0, r.recordStartS(3));
        }
    }

    @Test
    void edfPlusContinuousWithTwoRates() throws IOException {
        double[] emg = EdfTestFiles.signal(2000 * 4, 2000, 6, 400, 2);
        double[] acc = EdfTestFiles.signal(100 * 4, 100, 6, 2, 3);
        Path f = dir.resolve("plus.edf");
        EdfWriter.edfPlus().patient("P001", "F", null, "Jane Doe").start(START)
                .addSignal("EMG L TA", "uV", 2000, -500, 500, -32768, 32767, emg)
                .addSignal("ACC X", "g", 100, -4, 4, -32768, 32767, acc)
                .addAnnotation(1.25, 2.0, "clonus")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(EdfFormat.EDF_PLUS_CONTINUOUS, h.format());
            assertEquals("P001 F X Jane_Doe", h.patientId());
            assertEquals("Startdate 05-MAR-2024 X X X", h.recordingId());
            assertEquals(3, h.signals().size());
            assertEquals(2, h.dataSignals().size());
            assertTrue(h.signal(2).isAnnotation());
            assertEquals(2000.0, h.sampleRateHz(0));
            assertEquals(100.0, h.sampleRateHz(1));
            assertWithinStep(emg, r.readSignal(0), h.signal(0));
            assertWithinStep(acc, r.readSignal(1), h.signal(1));
            assertEquals(List.of(new EdfAnnotation(1.25, 2.0, "clonus")), r.annotations());
            assertEquals(List.of(new EdfReader.Segment(0, 0, 4)), r.segments());
            for (int k = 0; k < 4; k++) {
                assertEquals(k, r.recordStartS(k), 1e-12);
            }
            assertThrows(IllegalArgumentException.class, () -> r.readSignal(2));
        }
    }

    @Test
    void edfPlusDiscontinuousExposesTheGap() throws IOException {
        // 4 records of 1 s at 0, 1 | gap | 5, 6
        double[] emg = EdfTestFiles.signal(2000 * 4, 2000, 6, 400, 4);
        double[] acc = EdfTestFiles.signal(100 * 4, 100, 6, 2, 5);
        Path f = dir.resolve("gap.edf");
        EdfWriter.edfPlus().start(START).discontinuous(0, 1, 5, 6)
                .addSignal("EMG R", "uV", 2000, -500, 500, -32768, 32767, emg)
                .addSignal("ACC Z", "g", 100, -4, 4, -32768, 32767, acc)
                .addAnnotation(5.5, "after the gap")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(EdfFormat.EDF_PLUS_DISCONTINUOUS, r.header().format());
            List<EdfReader.Segment> segs = r.segments();
            assertEquals(List.of(new EdfReader.Segment(0, 0, 2), new EdfReader.Segment(5, 2, 2)), segs);
            assertEquals(2.0, segs.get(0).endS(1.0));
            assertEquals(5.0, r.recordStartS(2));
            // per-segment reads hold exactly the samples of those records
            double[] second = r.readSegment(0, segs.get(1));
            double[] expected = java.util.Arrays.copyOfRange(emg, 4000, 8000);
            assertWithinStep(expected, second, r.header().signal(0));
            assertWithinStep(java.util.Arrays.copyOfRange(acc, 200, 400), r.readSegment(1, segs.get(1)),
                    r.header().signal(1));
            // whole-signal reads concatenate the records (documented); time comes from sampleTimeS
            assertEquals(8000, r.readSignal(0).length);
            assertEquals(5.0 + 10 / 2000.0, r.sampleTimeS(0, 4010), 1e-12);
            assertEquals(1.0 + 5 / 100.0, r.sampleTimeS(1, 105), 1e-12);
            assertEquals(List.of(new EdfAnnotation(5.5, 0, "after the gap")), r.annotations());
        }
    }

    @Test
    void discontinuousOnsetsMustNotOverlap() {
        double[] x = new double[200];
        EdfWriter w = EdfWriter.edfPlus().recordDurationS(1).discontinuous(0, 0.5)
                .addSignal("EMG", "uV", 100, -1, 1, -32768, 32767, x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(dir.resolve("x.edf")));
        assertTrue(e.getMessage().contains("less than one record duration"), e.getMessage());
    }

    @Test
    void bdf24BitWithNegativeValuesIsExact() throws IOException {
        // gain 1, offset 0: physical == digital, so every 24-bit value must come back exactly
        double[] x = {-8388608, 8388607, -1, 0, 1, -65536, 65535, -8388607, 123456, -123456, -2, 2};
        Path f = dir.resolve("raw.bdf");
        EdfWriter.bdf().start(START).recordDurationS(1)
                .addSignal("EMG 24", "uV", 4, -8388608, 8388607, -8388608, 8388607, x)
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(EdfFormat.BDF, r.header().format());
            assertEquals(3, r.header().recordCount());
            assertArrayEquals(x, r.readSignal(0));
            int[] dig = new int[x.length];
            assertEquals(x.length, r.readDigital(0, 0, dig, 0, x.length));
            for (int i = 0; i < x.length; i++) {
                assertEquals((long) x[i], dig[i]);
            }
        }
    }

    @Test
    void bdfPlusRoundTripWithScaling() throws IOException {
        double[] emg = EdfTestFiles.signal(2048 * 3, 2048, 7, 3000, 6);
        Path f = dir.resolve("plus.bdf");
        EdfWriter.bdfPlus().start(START).recordDurationS(0.5)
                .addSignal("EMG Sol", "uV", 2048, -262144, 262143, -8388608, 8388607, emg)
                .addAnnotation(0.75, 0.5, "tap")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(EdfFormat.BDF_PLUS_CONTINUOUS, h.format());
            assertEquals("BDF Annotations", h.signal(1).label());
            assertEquals(-8388608, h.signal(1).digitalMin());
            assertEquals(6, h.recordCount());
            assertWithinStep(emg, r.readSignal(0), h.signal(0));
            assertEquals(List.of(new EdfAnnotation(0.75, 0.5, "tap")), r.annotations());
            assertEquals(1.5, r.recordStartS(3), 1e-12);
        }
    }

    @Test
    void bdfPlusDiscontinuous() throws IOException {
        double[] x = EdfTestFiles.signal(3 * 256, 256, 5, 100, 7);
        Path f = dir.resolve("d.bdf");
        EdfWriter.bdfPlus().discontinuous(0.25, 10, 11)
                .addSignal("EMG", "uV", 256, -200, 200, -8388608, 8388607, x).write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(EdfFormat.BDF_PLUS_DISCONTINUOUS, r.header().format());
            assertEquals(List.of(new EdfReader.Segment(0.25, 0, 1), new EdfReader.Segment(10, 1, 2)), r.segments());
            assertWithinStep(x, r.readSignal(0), r.header().signal(0));
        }
    }

    @Test
    void threeRatesInQuarterSecondRecords() throws IOException {
        double[] a = EdfTestFiles.signal(2000 * 3, 2000, 6, 400, 8);
        double[] b = EdfTestFiles.signal(512 * 3, 512, 6, 50, 9);
        double[] c = EdfTestFiles.signal(100 * 3, 100, 6, 2, 10);
        Path f = dir.resolve("three.edf");
        EdfWriter.edfPlus().start(START).recordDurationS(0.25)
                .addSignal("EMG L", "uV", 2000, -500, 500, -32768, 32767, a)
                .addSignal("EMG R", "uV", 512, -100, 100, -2048, 2047, b)
                .addSignal("Accel X", "g", 100, -4, 4, -32768, 32767, c)
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(12, h.recordCount());
            assertEquals(500, h.signal(0).samplesPerRecord());
            assertEquals(128, h.signal(1).samplesPerRecord());
            assertEquals(25, h.signal(2).samplesPerRecord());
            assertEquals(512.0, h.sampleRateHz(1), 1e-12);
            assertWithinStep(a, r.readSignal(0), h.signal(0));
            assertWithinStep(b, r.readSignal(1), h.signal(1));
            assertWithinStep(c, r.readSignal(2), h.signal(2));
            assertEquals(2.75, r.recordStartS(11), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 1.5, 2})
    void oddRecordDurations(double duration) throws IOException {
        int seconds = 6; // a multiple of every duration above
        double[] emg = EdfTestFiles.signal(2000 * seconds, 2000, 6, 400, 11);
        double[] acc = EdfTestFiles.signal(100 * seconds, 100, 6, 2, 12);
        Path f = dir.resolve("d" + duration + ".edf");
        EdfWriter.edfPlus().start(START).recordDurationS(duration)
                .addSignal("EMG", "uV", 2000, -500, 500, -32768, 32767, emg)
                .addSignal("ACC", "g", 100, -4, 4, -32768, 32767, acc)
                .addAnnotation(4.3, "event")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(duration, h.recordDurationS());
            assertEquals(Math.round(seconds / duration), h.recordCount());
            assertEquals(2000.0, h.sampleRateHz(0), 1e-9);
            assertEquals(100.0, h.sampleRateHz(1), 1e-9);
            assertEquals(seconds, h.durationS(), 1e-9);
            assertWithinStep(emg, r.readSignal(0), h.signal(0));
            assertWithinStep(acc, r.readSignal(1), h.signal(1));
            long last = h.recordCount() - 1;
            assertEquals(last * duration, r.recordStartS(last), 1e-9);
            assertEquals(1, r.segments().size(), "continuous despite floating-point record onsets");
            assertEquals(List.of(new EdfAnnotation(4.3, 0, "event")), r.annotations());
        }
    }

    @Test
    void rateThatDoesNotFitTheRecordDurationIsRefused() {
        double[] x = new double[2048];
        EdfWriter w = EdfWriter.edfPlus().recordDurationS(0.2)
                .addSignal("EMG", "uV", 2048, -500, 500, -32768, 32767, x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(dir.resolve("x.edf")));
        assertTrue(e.getMessage().contains("'EMG' at 2048 Hz does not fit a 0.2 s data record"), e.getMessage());
        assertTrue(e.getMessage().contains("409.6 samples per record"), e.getMessage());
        assertTrue(e.getMessage().contains("0.125 s"), "suggests a duration that fits: " + e.getMessage());
    }

    @Test
    void samplesMustFillWholeRecords() {
        EdfWriter w = EdfWriter.edf().addSignal("EMG", "uV", 100, -1, 1, -32768, 32767, new double[150]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(dir.resolve("x.edf")));
        assertTrue(e.getMessage().contains("150 samples, not a whole number of 1 s data records"), e.getMessage());

        EdfWriter w2 = EdfWriter.edf().addSignal("A", "uV", 100, -1, 1, -32768, 32767, new double[200])
                .addSignal("B", "uV", 10, -1, 1, -32768, 32767, new double[30]);
        e = assertThrows(IllegalArgumentException.class, () -> w2.write(dir.resolve("y.edf")));
        assertTrue(e.getMessage().contains("different durations"), e.getMessage());
    }

    @Test
    void scalingIsExactToTheQuantisationStep() throws IOException {
        Random rnd = new Random(13);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1234.5 + 2469 * rnd.nextDouble(); // uniformly inside the physical range
        }
        x[0] = -1234.5;
        x[1] = 1234.5;
        Path f = dir.resolve("scale.edf");
        EdfWriter.edf().addSignal("EMG", "uV", 100, -1234.5, 1234.5, -2000, 2000, x).write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfSignalHeader s = r.header().signal(0);
            assertEquals(2469.0 / 4000, s.gain(), 1e-15);
            assertEquals(0.0, s.offset(), 1e-12);
            assertEquals(-1234.5, s.toPhysical(-2000), 1e-12);
            assertEquals(1234.5, s.toPhysical(2000), 1e-12);
            double[] y = r.readSignal(0);
            assertWithinStep(x, y, s);
            assertEquals(-1234.5, y[0], 1e-9);
            assertEquals(1234.5, y[1], 1e-9);
            int[] d = new int[x.length];
            r.readDigital(0, 0, d, 0, d.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(s.gain() * d[i] + s.offset(), y[i], 1e-12, "physical = gain * digital + offset");
            }
        }
    }

    @Test
    void outOfRangeValuesAreClampedLikeASaturatedAmplifier() throws IOException {
        Path f = dir.resolve("clip.edf");
        EdfWriter.edf().addSignal("EMG", "uV", 4, -100, 100, -1000, 1000, new double[] {-500, 0, 99.9, 500}).write(f);
        try (EdfReader r = EdfReader.open(f)) {
            double[] y = r.readSignal(0);
            assertEquals(-100, y[0], 1e-9);
            assertEquals(100, y[3], 1e-9);
        }
        EdfWriter nan = EdfWriter.edf().addSignal("EMG", "uV", 2, -1, 1, -10, 10, new double[] {0, Double.NaN});
        assertThrows(IllegalArgumentException.class, () -> nan.write(dir.resolve("nan.edf")));
    }

    @Test
    void randomAccessAcrossRecordBoundariesEqualsWholeRead() throws IOException {
        double[] emg = EdfTestFiles.signal(2000 * 10, 2000, 6, 400, 14);
        double[] acc = EdfTestFiles.signal(100 * 10, 100, 6, 2, 15);
        Path f = dir.resolve("ra.edf");
        EdfWriter.edfPlus().recordDurationS(0.1)
                .addSignal("EMG", "uV", 2000, -500, 500, -32768, 32767, emg)
                .addSignal("ACC", "g", 100, -4, 4, -32768, 32767, acc)
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            double[] whole = r.readSignal(0);
            double[] wholeAcc = r.readSignal(1);
            Random rnd = new Random(16);
            double[] buf = new double[3000];
            for (int t = 0; t < 200; t++) {
                long from = rnd.nextInt(whole.length);
                int len = 1 + rnd.nextInt(2500);
                int off = rnd.nextInt(400);
                int n = r.readSignal(0, from, buf, off, len);
                assertEquals(Math.min(len, whole.length - from), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(whole[(int) from + i], buf[off + i], 0.0);
                }
            }
            // exactly across one boundary: last sample of record 3 and first of record 4 (200 per record)
            assertEquals(2, r.readSignal(0, 799, buf, 0, 2));
            assertEquals(whole[799], buf[0], 0.0);
            assertEquals(whole[800], buf[1], 0.0);
            // the slow signal, all of it in pieces of 7
            double[] pieces = new double[wholeAcc.length];
            for (int from = 0; from < wholeAcc.length; from += 7) {
                r.readSignal(1, from, pieces, from, Math.min(7, wholeAcc.length - from));
            }
            assertArrayEquals(wholeAcc, pieces, 0.0);
            // at and past the end
            assertEquals(0, r.readSignal(0, whole.length, buf, 0, 10));
            assertEquals(1, r.readSignal(0, whole.length - 1, buf, 0, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> r.readSignal(0, 0, new double[5], 2, 4));
            assertThrows(IllegalArgumentException.class, () -> r.readSignal(0, -1, buf, 0, 1));
        }
    }

    @Test
    void signalIndexMatchesTrimmedThenCaseInsensitive() throws IOException {
        Path f = dir.resolve("labels.edf");
        EdfWriter.edf()
                .addSignal("EMG L", "uV", 10, -1, 1, -100, 100, new double[10])
                .addSignal("emg l", "uV", 10, -1, 1, -100, 100, new double[10])
                .addSignal("Gyro Z", "deg/s", 10, -1, 1, -100, 100, new double[10])
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(0, h.signalIndex("EMG L").getAsInt());
            assertEquals(1, h.signalIndex("  emg l ").getAsInt());
            assertEquals(2, h.signalIndex("GYRO Z").getAsInt());
            assertFalse(h.signalIndex("EMG R").isPresent());
            assertEquals("ACC", h.signal(2).inferredType());
            assertEquals("EMG", h.signal(0).inferredType());
        }
    }
}
