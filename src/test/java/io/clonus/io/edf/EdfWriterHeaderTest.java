package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header the writer produces, field by field, and what it refuses. */
class EdfWriterHeaderTest {
    @TempDir
    Path dir;

    private byte[] header(EdfWriter w) throws IOException {
        Path f = dir.resolve("h" + System.nanoTime() + ".edf");
        w.write(f);
        return Files.readAllBytes(f);
    }

    private static String field(byte[] h, int off, int len) {
        return new String(h, off, len, StandardCharsets.ISO_8859_1);
    }

    private static String pad(String s, int len) {
        return EdfTestFiles.field(s, len);
    }

    @Test
    void plainEdfHeaderFields() throws IOException {
        byte[] h = header(EdfWriter.edf().patient("subject 7").recording("clonus protocol v2")
                .start(LocalDateTime.of(1999, 12, 31, 23, 59, 58))
                .addSignal(EdfWriter.Signal.of("EMG L", "uV", 10, -500, 500, -32768, 32767), new double[20]));
        assertEquals(512 + 2 * 20, h.length);
        assertEquals("0       ", field(h, 0, 8));
        assertEquals(pad("subject 7", 80), field(h, 8, 80));
        assertEquals(pad("clonus protocol v2", 80), field(h, 88, 80));
        assertEquals("31.12.99", field(h, 168, 8));
        assertEquals("23.59.58", field(h, 176, 8));
        assertEquals(pad("512", 8), field(h, 184, 8));
        assertEquals(pad("", 44), field(h, 192, 44));
        assertEquals(pad("2", 8), field(h, 236, 8));
        assertEquals(pad("1", 8), field(h, 244, 8));
        assertEquals(pad("1", 4), field(h, 252, 4));
        assertEquals(pad("EMG L", 16), field(h, 256, 16));
        assertEquals(pad("uV", 8), field(h, 256 + 96, 8));
        assertEquals(pad("-500", 8), field(h, 256 + 104, 8));
        assertEquals(pad("500", 8), field(h, 256 + 112, 8));
        assertEquals(pad("-32768", 8), field(h, 256 + 120, 8));
        assertEquals(pad("32767", 8), field(h, 256 + 128, 8));
        assertEquals(pad("10", 8), field(h, 256 + 216, 8));
        for (int i = 0; i < 512; i++) {
            assertTrue(h[i] >= 32 && h[i] < 127, "header byte " + i + " is printable ASCII");
        }
    }

    @Test
    void edfPlusDefaultsForUnknownPatientAndStart() throws IOException {
        byte[] h = header(EdfWriter.edfPlus().addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]));
        assertEquals(pad("X X X X", 80), field(h, 8, 80));
        assertEquals(pad("Startdate X X X X", 80), field(h, 88, 80));
        assertEquals("01.01.85", field(h, 168, 8));
        assertEquals("00.00.00", field(h, 176, 8));
        assertEquals(pad("EDF+C", 44), field(h, 192, 44));
        assertEquals(pad("EDF Annotations", 16), field(h, 256 + 16, 16));
    }

    @Test
    void edfPlusPatientAndRecordingSubfields() throws IOException {
        byte[] h = header(EdfWriter.edfPlus().patient("MCH-0234567", "f", LocalDate.of(1951, 5, 2), "Haagse Harry")
                .recording("EMG lab 2, session 3").start(LocalDateTime.of(2002, 3, 2, 8, 0, 0))
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]));
        assertEquals(pad("MCH-0234567 F 02-MAY-1951 Haagse_Harry", 80), field(h, 8, 80));
        assertEquals(pad("Startdate 02-MAR-2002 X X X EMG lab 2, session 3", 80), field(h, 88, 80));
        assertEquals("02.03.02", field(h, 168, 8));

        byte[] free = header(EdfWriter.edfPlus().patient("P001").recording("Startdate 02-MAR-2002 PSG-1234 NN Tele03")
                .start(LocalDateTime.of(2002, 3, 2, 8, 0, 0))
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]));
        assertEquals(pad("X X X X P001", 80), field(free, 8, 80), "free text kept as the additional subfield");
        assertEquals(pad("Startdate 02-MAR-2002 PSG-1234 NN Tele03", 80), field(free, 88, 80));

        EdfWriter mismatch = EdfWriter.edfPlus().recording("Startdate 03-MAR-2002 X X X")
                .start(LocalDateTime.of(2002, 3, 2, 8, 0, 0))
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]);
        assertThrows(IllegalArgumentException.class, () -> header(mismatch));
    }

    @ParameterizedTest
    @CsvSource({"1985,85", "1999,99", "2000,00", "2024,24", "2084,84"})
    void startDateClipRule(int year, String yy) throws IOException {
        LocalDateTime start = LocalDateTime.of(year, 7, 9, 1, 2, 3);
        Path f = dir.resolve("y" + year + ".edf");
        EdfWriter.edfPlus().start(start).addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]).write(f);
        byte[] h = Files.readAllBytes(f);
        assertEquals("09.07." + yy, field(h, 168, 8));
        assertEquals("01.02.03", field(h, 176, 8));
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(start, r.header().start());
        }
        Path plain = dir.resolve("p" + year + ".edf");
        EdfWriter.edf().start(start).addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]).write(plain);
        try (EdfReader r = EdfReader.open(plain)) {
            assertEquals(start, r.header().start(), "two-digit year alone gives the same year");
        }
    }

    @Test
    void yearsAfter2084OnlyInEdfPlus() throws IOException {
        LocalDateTime start = LocalDateTime.of(2085, 1, 2, 3, 4, 5);
        Path f = dir.resolve("future.edf");
        EdfWriter.edfPlus().start(start).addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1]).write(f);
        assertEquals("02.01.yy", field(Files.readAllBytes(f), 168, 8));
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(start, r.header().start());
        }
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf().start(start)
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edfPlus()
                .start(LocalDateTime.of(1984, 12, 31, 0, 0))
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .start(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 500_000_000))
                .addSignal("EMG", "uV", 1, -1, 1, -32768, 32767, new double[1])));
    }

    @Test
    void bdfVersionAndReservedFields() throws IOException {
        byte[] h = header(EdfWriter.bdf().addSignal("EMG", "uV", 1, -1, 1, -8388608, 8388607, new double[1]));
        assertEquals(0xFF, h[0] & 0xff);
        assertEquals("BIOSEMI", field(h, 1, 7));
        assertEquals(pad("24BIT", 44), field(h, 192, 44));
        assertEquals(512 + 3, h.length);
        byte[] p = header(EdfWriter.bdfPlus().discontinuous(0)
                .addSignal("EMG", "uV", 1, -1, 1, -8388608, 8388607, new double[1]));
        assertEquals(pad("BDF+D", 44), field(p, 192, 44));
        assertEquals(pad("BDF Annotations", 16), field(p, 256 + 16, 16));
        assertEquals(pad("-8388608", 8), field(p, 256 + 2 * 120 + 8, 8), "24-bit annotation signal range");
        assertEquals(pad("8388607", 8), field(p, 256 + 2 * 128 + 8, 8));
    }

    @ParameterizedTest
    @CsvSource({
        "-123.456789, FLOOR, -123.457",
        "123.456789, CEILING, 123.4568",
        "0.000123456789, CEILING, 0.000124",
        "-0.000123456789, FLOOR, -0.00013",
        "12345678, CEILING, 12345678",
        "-1234567, FLOOR, -1234567",
        "-1234567.5, FLOOR, -1234568",
        "99999999.5, FLOOR, 99999999",
        "3276.7, CEILING, 3276.7",
        "1E-3, CEILING, 0.001",
        "100, CEILING, 100",
    })
    void physicalRangeFormattingFitsEightCharacters(double value, RoundingMode mode, String expected) {
        assertEquals(expected, EdfNumbers.fitWidth(value, 8, mode, "x"));
    }

    @Test
    void physicalRangeThatCannotBeWrittenIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdfNumbers.fitWidth(-123456789, 8, RoundingMode.FLOOR, "physical minimum of signal 'EMG'"));
        assertTrue(e.getMessage().contains("-123456789 does not fit the 8-character EDF field"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EdfNumbers.fitWidth(-1e-9, 8, RoundingMode.CEILING, "physical maximum"));
        assertTrue(e.getMessage().contains("without losing its sign or magnitude"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG", "V", 1, -1e-9, 1e-9, -32768, 32767, new double[1])));
        assertTrue(e.getMessage().contains("coarsen the resolution"), e.getMessage());
    }

    @Test
    void roundedPhysicalRangeStillScalesExactly() throws IOException {
        double pmin = -123.456789;
        double pmax = 123.456789;
        double[] x = EdfTestFiles.signal(1000, 100, 3, 120, 5);
        x[0] = pmin;
        x[1] = pmax;
        Path f = dir.resolve("round.edf");
        EdfWriter.edf().addSignal("EMG", "uV", 100, pmin, pmax, -32768, 32767, x).write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfSignalHeader s = r.header().signal(0);
            assertEquals(-123.457, s.physicalMin());
            assertEquals(123.4568, s.physicalMax());
            double[] y = r.readSignal(0);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], s.gain() / 2 * (1 + 1e-9));
            }
        }
    }

    @Test
    void recordDurationMustBeExactInEightCharacters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .recordDurationS(1.0 / 3).addSignal("EMG", "uV", 3, -1, 1, -32768, 32767, new double[3])));
        assertTrue(e.getMessage().contains("cannot be written exactly"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .recordDurationS(0).addSignal("EMG", "uV", 3, -1, 1, -32768, 32767, new double[3])));
    }

    @Test
    void invalidSignalDescriptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG \u00e9", "uV", 1, -1, 1, -32768, 32767, new double[1])));
        IllegalArgumentException micro = assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG", "\u00b5V", 1, -1, 1, -32768, 32767, new double[1])));
        assertTrue(micro.getMessage().contains("uV"), micro.getMessage());
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("a label longer than 16", "uV", 1, -1, 1, -32768, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG", "uV", 1, -1, 1, 10, 10, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG", "uV", 1, -1, 1, -40000, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()
                .addSignal("EMG", "uV", 1, 5, 5, -32768, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edfPlus()
                .addSignal("EDF Annotations", "", 1, -1, 1, -32768, 32767, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> header(EdfWriter.edf()));
        assertThrows(IllegalStateException.class, () -> header(EdfWriter.edf()
                .addSignal(EdfWriter.Signal.of("EMG", "uV", 1, -1, 1, -32768, 32767))));
    }
}
