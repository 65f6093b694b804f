package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdfAnnotationTest {
    @TempDir
    Path dir;

    @Test
    void annotationOnlyFileWithOneSecondRecords() throws IOException {
        Path f = dir.resolve("events.edf");
        EdfWriter.edfPlus().start(LocalDateTime.of(2023, 11, 2, 9, 0, 0))
                .addAnnotation(0.5, "start of test")
                .addAnnotation(12.25, 6.5, "clonus, 5 beats")
                .addAnnotation(3600, "end")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertTrue(h.isAnnotationOnly());
            assertTrue(h.dataSignals().isEmpty());
            assertEquals(1, h.signals().size());
            assertEquals(3601, h.recordCount(), "records until the last onset falls inside one");
            assertEquals(List.of(new EdfAnnotation(0.5, 0, "start of test"),
                    new EdfAnnotation(12.25, 6.5, "clonus, 5 beats"),
                    new EdfAnnotation(3600, 0, "end")), r.annotations());
            assertEquals(3600.0, r.recordStartS(3600));
            assertEquals(1, r.segments().size());
        }
    }

    @Test
    void annotationOnlyFileWithZeroRecordDuration() throws IOException {
        Path f = dir.resolve("zero.edf");
        EdfWriter.edfPlus().recordDurationS(0)
                .addAnnotation(1, "a").addAnnotation(7200.125, 2, "b").addAnnotation(-3, "before the start")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(0.0, r.header().recordDurationS());
            assertEquals(1, r.header().recordCount());
            assertEquals(Double.NaN, r.header().signal(0).sampleRateHz(0.0));
            assertEquals(List.of(new EdfAnnotation(-3, 0, "before the start"), new EdfAnnotation(1, 0, "a"),
                    new EdfAnnotation(7200.125, 2, "b")), r.annotations());
            assertEquals("Startdate X X X X", r.header().recordingId(), "unknown start");
            assertEquals("X X X X", r.header().patientId());
        }
    }

    @Test
    void withAndWithoutDurationAndSeveralInOneRecord() throws IOException {
        double[] x = new double[100 * 3];
        Path f = dir.resolve("mixed.edf");
        EdfWriter.edfPlus()
                .addSignal("EMG", "uV", 100, -1, 1, -32768, 32767, x)
                .addAnnotation(1.1, "point")
                .addAnnotation(1.2, 0.3, "span")
                .addAnnotation(1.3, 0.0000001, "tiny")
                .addAnnotation(2.999, 1e-3, "ms")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(List.of(new EdfAnnotation(1.1, 0, "point"), new EdfAnnotation(1.2, 0.3, "span"),
                    new EdfAnnotation(1.3, 0.0000001, "tiny"), new EdfAnnotation(2.999, 0.001, "ms")),
                    r.annotations());
        }
    }

    @Test
    void annotationsOfLargeRecordsAreReadWithoutReadingTheSamples() throws IOException {
        // 5 kHz, 1.5 s records: 15000 bytes of samples per record, so only annotation bytes are read
        double[] x = EdfTestFiles.signal(7500 * 4, 5000, 6, 100, 3);
        Path f = dir.resolve("big-records.edf");
        EdfWriter.edfPlus().recordDurationS(1.5)
                .addSignal("EMG", "uV", 5000, -200, 200, -32768, 32767, x)
                .addAnnotation(0.1, "a").addAnnotation(1.6, 0.5, "b").addAnnotation(4.6, "c")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(List.of(new EdfAnnotation(0.1, 0, "a"), new EdfAnnotation(1.6, 0.5, "b"),
                    new EdfAnnotation(4.6, 0, "c")), r.annotations());
            assertEquals(4.5, r.recordStartS(3), 1e-12);
            assertEquals(1, r.segments().size());
        }
    }

    @Test
    void unicodeTextRoundTripsAsUtf8() throws IOException {
        String text = "Klonus – Fuß links ✓ 足クローヌス 🦶";
        Path f = dir.resolve("utf8.edf");
        EdfWriter.edfPlus().addSignal("EMG", "uV", 10, -1, 1, -32768, 32767, new double[20])
                .addAnnotation(0.5, 1, text)
                .addAnnotation(1.5, "multi\tline\ntext\r\nok")
                .write(f);
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(text, r.annotations().get(0).text());
            assertEquals("multi\tline\ntext\r\nok", r.annotations().get(1).text());
        }
    }

    @Test
    void annotationsAreRefusedWhereTheyCannotBeStored() {
        assertThrows(IllegalArgumentException.class, () -> EdfWriter.edf().addAnnotation(1, "x"));
        assertThrows(IllegalArgumentException.class, () -> EdfWriter.bdf().addAnnotation(1, "x"));
        EdfWriter w = EdfWriter.edfPlus();
        assertThrows(IllegalArgumentException.class, () -> w.addAnnotation(1, ""));
        assertThrows(IllegalArgumentException.class, () -> w.addAnnotation(1, "bad\u0014byte"));
        assertThrows(IllegalArgumentException.class, () -> w.addAnnotation(1, -1, "negative"));
        assertThrows(IllegalArgumentException.class, () -> w.addAnnotation(Double.NaN, "nan"));
    }

    @Test
    void streamingWriterPutsQueuedAnnotationsIntoTheNextRecord() throws IOException {
        Path f = dir.resolve("stream.edf");
        try (EdfWriter.StreamingWriter w = EdfWriter.edfPlus().recordDurationS(0.5)
                .addSignal(EdfWriter.Signal.of("EMG", "uV", 200, -100, 100, -32768, 32767))
                .annotationBytesPerRecord(90)
                .open(f)) {
            double[] rec = new double[100];
            w.writeRecord(rec);
            w.addAnnotation(0.6, 0.2, "first");
            w.addAnnotation(0.7, "second");
            w.writeRecord(rec);
            w.writeRecord(rec);
            assertEquals(3, w.recordsWritten());
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> w.addAnnotation(1, "x".repeat(100)));
            assertTrue(tooLong.getMessage().contains("annotationBytesPerRecord"), tooLong.getMessage());
        }
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(3, r.header().recordCount());
            assertEquals(List.of(new EdfAnnotation(0.6, 0.2, "first"), new EdfAnnotation(0.7, 0, "second")),
                    r.annotations());
            assertEquals(90, r.header().signal(1).samplesPerRecord() * 2);
        }
    }

    @Test
    void closingWithQueuedAnnotationsFailsButLeavesAValidFile() throws IOException {
        Path f = dir.resolve("lost.edf");
        EdfWriter.StreamingWriter w = EdfWriter.edfPlus()
                .addSignal(EdfWriter.Signal.of("EMG", "uV", 10, -1, 1, -32768, 32767)).open(f);
        w.writeRecord(new double[10]);
        w.addAnnotation(2, "too late");
        IllegalStateException e = assertThrows(IllegalStateException.class, w::close);
        assertTrue(e.getMessage().contains("not in the file"), e.getMessage());
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(1, r.header().recordCount());
            assertTrue(r.annotations().isEmpty());
        }
    }
}
