package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files assembled byte by byte from the specifications, independent of {@link EdfWriter}, so a bug
 * shared by writer and reader cannot hide. The EDF+ fixture is also compared with what the writer
 * produces for the same content.
 */
class EdfHandBuiltFixtureTest {
    @TempDir
    Path dir;

    /** Left-justified, space-padded ASCII field of exactly {@code width} bytes, as EDF requires. */
    private static void ascii(ByteArrayOutputStream out, String s, int width) {
        if (s.length() > width) {
            throw new IllegalArgumentException(s);
        }
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        for (int i = s.length(); i < width; i++) {
            out.write(' ');
        }
    }

    /** 16-bit little-endian two's complement. */
    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }

    /** Raw bytes, zero-padded to {@code width}. */
    private static void bytes(ByteArrayOutputStream out, String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(b);
        for (int i = b.length; i < width; i++) {
            out.write(0);
        }
    }

    /**
     * EDF+C, start 05.03.21 14.30.15, two records of 0.5 s, signals "EMG L" (4 samples per record,
     * so 8 Hz, -500..500 uV over -2048..2047) and "EDF Annotations" (16 samples = 32 bytes).
     */
    private static byte[] edfPlusFixture() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // fixed header: 256 bytes
        ascii(out, "0", 8);                                  // version
        ascii(out, "MCH-0234567 F 02-MAY-1951 Haagse_Harry", 80); // patient: code sex birthdate name
        ascii(out, "Startdate 05-MAR-2021 X X X", 80);       // recording
        ascii(out, "05.03.21", 8);                           // start date dd.mm.yy
        ascii(out, "14.30.15", 8);                           // start time hh.mm.ss
        ascii(out, "768", 8);                                // 256 * (2 + 1)
        ascii(out, "EDF+C", 44);                             // reserved
        ascii(out, "2", 8);                                  // number of data records
        ascii(out, "0.5", 8);                                // duration of a data record
        ascii(out, "2", 4);                                  // number of signals
        // signal headers, field by field for both signals
        ascii(out, "EMG L", 16);
        ascii(out, "EDF Annotations", 16);
        ascii(out, "", 80);
        ascii(out, "", 80);                                  // transducer
        ascii(out, "uV", 8);
        ascii(out, "", 8);                                   // physical dimension
        ascii(out, "-500", 8);
        ascii(out, "-1", 8);                                 // physical minimum
        ascii(out, "500", 8);
        ascii(out, "1", 8);                                  // physical maximum
        ascii(out, "-2048", 8);
        ascii(out, "-32768", 8);                             // digital minimum
        ascii(out, "2047", 8);
        ascii(out, "32767", 8);                              // digital maximum
        ascii(out, "", 80);
        ascii(out, "", 80);                                  // prefiltering
        ascii(out, "4", 8);
        ascii(out, "16", 8);                                 // samples per record
        ascii(out, "", 32);
        ascii(out, "", 32);                                  // reserved
        // record 1: EMG samples, then TALs: time-keeping "+0", then one annotation with duration
        for (int d : new int[] {-2048, 0, 1, 2047}) {
            int16(out, d);
        }
        bytes(out, "+0\u0014\u0014\u0000" + "+0.25\u00151.5\u0014Clonus\u0014\u0000", 32);
        // record 2: time-keeping "+0.5", then an annotation without duration
        for (int d : new int[] {-1, 100, -100, 5}) {
            int16(out, d);
        }
        bytes(out, "+0.5\u0014\u0014\u0000" + "+0.75\u0014Beat\u0014\u0000", 32);
        return out.toByteArray();
    }

    private static final int[] EMG_DIGITAL = {-2048, 0, 1, 2047, -1, 100, -100, 5};

    /** physical = physMin + (digital - digMin) * (physMax - physMin) / (digMax - digMin), written out. */
    private static double physical(int d) {
        return -500.0 + (d + 2048) * 1000.0 / 4095.0;
    }

    @Test
    void readerDecodesTheHandBuiltEdfPlusFile() throws IOException {
        byte[] fixture = edfPlusFixture();
        assertEquals(768 + 2 * (8 + 32), fixture.length);
        Path f = dir.resolve("fixture.edf");
        Files.write(f, fixture);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(EdfFormat.EDF_PLUS_CONTINUOUS, h.format());
            assertEquals("MCH-0234567 F 02-MAY-1951 Haagse_Harry", h.patientId());
            assertEquals(LocalDateTime.of(2021, 3, 5, 14, 30, 15), h.start());
            assertEquals(768, h.headerBytes());
            assertEquals(2, h.recordCount());
            assertEquals(0.5, h.recordDurationS());
            assertEquals(8.0, h.sampleRateHz(0));
            EdfSignalHeader emg = h.signal(0);
            assertEquals("EMG L", emg.label());
            assertEquals("uV", emg.physicalDimension());
            assertEquals(4, emg.samplesPerRecord());
            double[] x = r.readSignal(0);
            int[] d = new int[8];
            r.readDigital(0, 0, d, 0, 8);
            assertArrayEquals(EMG_DIGITAL, d);
            for (int i = 0; i < 8; i++) {
                assertEquals(physical(EMG_DIGITAL[i]), x[i], 1e-9, "sample " + i);
            }
            assertEquals(-500.0, x[0], 1e-9);
            assertEquals(500.0, x[3], 1e-9);
            assertEquals(List.of(new EdfAnnotation(0.25, 1.5, "Clonus"), new EdfAnnotation(0.75, 0, "Beat")),
                    r.annotations());
            assertEquals(0.0, r.recordStartS(0));
            assertEquals(0.5, r.recordStartS(1));
            assertEquals(List.of(new EdfReader.Segment(0, 0, 2)), r.segments());
        }
    }

    @Test
    void writerProducesTheSameBytes() throws IOException {
        double[] x = new double[8];
        for (int i = 0; i < 8; i++) {
            x[i] = physical(EMG_DIGITAL[i]);
        }
        Path f = dir.resolve("written.edf");
        EdfWriter.edfPlus()
                .patient("MCH-0234567", "F", LocalDate.of(1951, 5, 2), "Haagse Harry")
                .start(LocalDateTime.of(2021, 3, 5, 14, 30, 15))
                .recordDurationS(0.5)
                .addSignal("EMG L", "uV", 8, -500, 500, -2048, 2047, x)
                .addAnnotation(0.25, 1.5, "Clonus")
                .addAnnotation(0.75, "Beat")
                .annotationBytesPerRecord(32)
                .write(f);
        byte[] written = Files.readAllBytes(f);
        byte[] fixture = edfPlusFixture();
        assertEquals(fixture.length, written.length);
        for (int i = 0; i < fixture.length; i++) {
            if (fixture[i] != written[i]) {
                throw new AssertionError("byte " + i + " differs: fixture " + (fixture[i] & 0xff) + " ('"
                        + (char) (fixture[i] & 0xff) + "'), writer " + (written[i] & 0xff) + " ('"
                        + (char) (written[i] & 0xff) + "')");
            }
        }
    }

    @Test
    void readerDecodes24BitLittleEndianTwosComplement() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.writeBytes("BIOSEMI".getBytes(StandardCharsets.US_ASCII));
        ascii(out, "", 80);
        ascii(out, "", 80);
        ascii(out, "01.01.00", 8);
        ascii(out, "00.00.00", 8);
        ascii(out, "512", 8);
        ascii(out, "24BIT", 44);
        ascii(out, "1", 8);
        ascii(out, "1", 8);
        ascii(out, "1", 4);
        ascii(out, "Status", 16);
        ascii(out, "Triggers and Status", 80);
        ascii(out, "Boolean", 8);
        ascii(out, "-8388608", 8);
        ascii(out, "8388607", 8);
        ascii(out, "-8388608", 8);
        ascii(out, "8388607", 8);
        ascii(out, "No filtering", 80);
        ascii(out, "5", 8);
        ascii(out, "", 32);
        int[][] samples = {
            {0x28, 0xBE, 0xFF}, // 0xFFBE28 -> -16856
            {0xFF, 0xFF, 0xFF}, // -1
            {0x00, 0x00, 0x80}, // -8388608
            {0xFF, 0xFF, 0x7F}, // 8388607
            {0x01, 0x02, 0x03}, // 0x030201 = 197121
        };
        for (int[] s : samples) {
            for (int b : s) {
                out.write(b);
            }
        }
        Path f = dir.resolve("fixture.bdf");
        Files.write(f, out.toByteArray());
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(EdfFormat.BDF, r.header().format());
            assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0, 0), r.header().start());
            int[] d = new int[5];
            assertEquals(5, r.readDigital(0, 0, d, 0, 5));
            assertArrayEquals(new int[] {-16856, -1, -8388608, 8388607, 197121}, d);
            double[] x = r.readSignal(0);
            assertArrayEquals(new double[] {-16856, -1, -8388608, 8388607, 197121}, x, 1e-6);
        }
    }
}
