package io.clonus.io.edf;

import static io.clonus.io.edf.EdfTestFiles.field;
import static io.clonus.io.edf.EdfTestFiles.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each malformation gives an {@link EdfFormatException} whose one-line message names the file and
 * the inconsistency. The files start valid (written by {@link EdfWriter}) and are then damaged.
 */
class EdfBrokenFileTest {
    // 3 signals (EMG L 100 Hz, ACC X 10 Hz, EDF Annotations 20 samples), 1 s records, 10 records
    private static final int NS = 3;
    private static final int HEADER = 256 * (NS + 1);
    private static final int RECORD = 100 * 2 + 10 * 2 + 40;
    private static final int ANNOTATION_OFFSET = 220;

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void writeValidFile() throws IOException {
        file = dir.resolve("session.edf");
        EdfWriter.edfPlus().start(LocalDateTime.of(2024, 3, 5, 10, 0, 0))
                .addSignal("EMG L", "uV", 100, -500, 500, -32768, 32767, EdfTestFiles.signal(1000, 100, 5, 300, 1))
                .addSignal("ACC X", "g", 10, -4, 4, -32768, 32767, EdfTestFiles.signal(100, 10, 1, 2, 2))
                .annotationBytesPerRecord(40)
                .write(file);
        assertEquals(HEADER + 10L * RECORD, Files.size(file), "layout assumed by these tests");
        try (EdfReader r = EdfReader.open(file)) {
            assertTrue(r.warnings().isEmpty());
        }
    }

    private String failure() {
        EdfFormatException e = assertThrows(EdfFormatException.class, () -> EdfReader.open(file).close());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertTrue(e.getMessage().startsWith("session.edf: "), e.getMessage());
        assertEquals(file, e.file());
        return e.getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
        }
    }

    private static int signalField(int fieldOffsetTimesNs, int signal) {
        return 256 + NS * fieldOffsetTimesNs + signal * 8;
    }

    @Test
    void truncatedFileIsRefusedWithTheRecordsPresent() throws IOException {
        EdfTestFiles.truncate(file, HEADER + 9L * RECORD + 156); // 9.6 records
        assertEquals("session.edf: header declares 10 data records of 260 bytes but the file holds 9.6 records"
                + " (truncated?)", failure());
    }

    @Test
    void truncatedFileCanBeReadOnRequest() throws IOException {
        EdfTestFiles.truncate(file, HEADER + 9L * RECORD + 156);
        try (EdfReader r = EdfReader.open(file, EdfReader.TruncationPolicy.READ_COMPLETE_RECORDS)) {
            assertEquals(9, r.header().recordCount());
            assertEquals(900, r.readSignal(0).length);
            assertEquals(1, r.warnings().size());
            assertContains(r.warnings().get(0), "holds 9.6 records", "reading the 9 complete records");
        }
    }

    @Test
    void recordCountMinusOneIsDerivedFromTheFileSize() throws IOException {
        patch(file, 236, field("-1", 8));
        try (EdfReader r = EdfReader.open(file)) {
            assertEquals(10, r.header().recordCount());
            assertContains(r.warnings().get(0), "is -1", "using the 10 complete records");
        }
        EdfTestFiles.truncate(file, HEADER + 9L * RECORD + 100); // still recording: partial last record
        try (EdfReader r = EdfReader.open(file)) {
            assertEquals(9, r.header().recordCount());
            assertContains(r.warnings().get(0), "ignoring 100 bytes of an incomplete last record");
        }
    }

    @Test
    void trailingBytesAreIgnoredWithAWarning() throws IOException {
        EdfTestFiles.truncate(file, HEADER + 10L * RECORD + 7);
        try (EdfReader r = EdfReader.open(file)) {
            assertEquals(10, r.header().recordCount());
            assertContains(r.warnings().get(0), "7 bytes after its 10 declared data records");
        }
    }

    @Test
    void negativeRecordCountOtherThanMinusOne() throws IOException {
        patch(file, 236, field("-5", 8));
        assertContains(failure(), "'number of data records' (bytes 236-243) is -5");
    }

    @Test
    void nonNumericSignalCount() throws IOException {
        patch(file, 252, "ab  ");
        assertEquals("session.edf: header field 'number of signals' (bytes 252-255) is 'ab  ', expected an integer",
                failure());
    }

    @Test
    void zeroSignals() throws IOException {
        patch(file, 252, "0   ");
        assertContains(failure(), "'number of signals' (bytes 252-255) is 0", "at least one signal");
    }

    @Test
    void wrongHeaderSize() throws IOException {
        patch(file, 184, field("768", 8));
        assertContains(failure(), "'number of bytes in header' (bytes 184-191) is 768 but 3 signals need 1024");
    }

    @Test
    void fileEndsInsideTheHeader() throws IOException {
        EdfTestFiles.truncate(file, 600);
        assertContains(failure(), "file is 600 bytes but its header alone should be 1024 bytes");
    }

    @Test
    void fileShorterThanTheFixedHeader() throws IOException {
        EdfTestFiles.truncate(file, 100);
        assertContains(failure(), "file is 100 bytes, shorter than the 256-byte");
    }

    @Test
    void emptyFile() throws IOException {
        EdfTestFiles.truncate(file, 0);
        assertContains(failure(), "file is empty");
    }

    @Test
    void notAnEdfFile() throws IOException {
        Files.writeString(file, "PK\u0003\u0004 this is a zip file, or a PDF, or anything else".repeat(10));
        assertContains(failure(), "not an EDF/BDF file: first byte is 0x50");
    }

    @Test
    void badEdfVersion() throws IOException {
        patch(file, 0, "0.1     ");
        assertContains(failure(), "'version' (bytes 0-7) is '0.1     '");
    }

    @Test
    void badBdfIdentification() throws IOException {
        patch(file, 0, new byte[] {(byte) 0xFF, 'B', 'I', 'O', 'S', 'E', 'M', 'X'});
        assertContains(failure(), "first byte is 0xFF but bytes 1-7 are 'BIOSEMX'");
    }

    @Test
    void digitalMinimumNotBelowMaximum() throws IOException {
        patch(file, signalField(120, 0), field("32767", 8));
        patch(file, signalField(128, 0), field("-32768", 8));
        assertEquals("session.edf: signal 1 'EMG L' digital minimum 32767 >= digital maximum -32768", failure());
    }

    @Test
    void digitalRangeBeyond16Bits() throws IOException {
        patch(file, signalField(120, 1), field("-40000", 8));
        assertContains(failure(), "signal 2 'ACC X' digital range -40000..32767 is outside the 16-bit EDF range");
    }

    @Test
    void physicalMinimumEqualsMaximum() throws IOException {
        patch(file, signalField(112, 1), field("-4", 8));
        assertContains(failure(), "signal 2 'ACC X' physical minimum -4 equals physical maximum -4");
    }

    @Test
    void nonNumericPhysicalMinimum() throws IOException {
        patch(file, signalField(104, 1), field("abc", 8));
        assertEquals("session.edf: header field 'physical minimum' of signal 2 'ACC X' (bytes 576-583) is 'abc     ',"
                + " expected a number (with '.' as decimal separator)", failure());
    }

    @Test
    void commaAsDecimalSeparator() throws IOException {
        patch(file, signalField(112, 0), field("500,5", 8));
        assertContains(failure(), "'physical maximum' of signal 1 'EMG L'", "'500,5   '");
    }

    @Test
    void zeroSamplesPerRecord() throws IOException {
        patch(file, signalField(216, 0), field("0", 8));
        assertContains(failure(), "signal 1 'EMG L' has 0 samples per data record");
    }

    @Test
    void badRecordDuration() throws IOException {
        patch(file, 244, field("abc", 8));
        assertContains(failure(), "'duration of a data record' (bytes 244-251) is 'abc     ', expected a number");
    }

    @Test
    void zeroRecordDurationWithSampledSignals() throws IOException {
        patch(file, 244, field("0", 8));
        assertContains(failure(), "is 0, which is only allowed in annotation-only");
    }

    @Test
    void badStartDate() throws IOException {
        patch(file, 168, "2024-03-");
        assertContains(failure(), "'startdate of recording' (bytes 168-175) is '2024-03-', expected dd.mm.yy");
        patch(file, 168, "32.13.24");
        assertContains(failure(), "'32.13.24 10.00.00' is not a valid date");
    }

    @Test
    void badStartTime() throws IOException {
        patch(file, 176, "10:00:00");
        assertContains(failure(), "'starttime of recording' (bytes 176-183) is '10:00:00', expected hh.mm.ss");
    }

    @Test
    void edfPlusWithoutAnnotationSignal() throws IOException {
        patch(file, 256 + 2 * 16, field("Marker", 16));
        assertContains(failure(), "reserved field says EDF+C but no signal is labelled 'EDF Annotations'");
    }

    @Test
    void talSyntaxErrorNamesTheRecord() throws IOException {
        long record3 = HEADER + 2L * RECORD + ANNOTATION_OFFSET;
        patch(file, record3, "x2");
        assertContains(failure(), "data record 3, signal 3 'EDF Annotations', byte 0 of its annotations",
                "TAL onset 'x2' is not a signed number");
    }

    @Test
    void unterminatedTal() throws IOException {
        long record5 = HEADER + 4L * RECORD + ANNOTATION_OFFSET;
        patch(file, record5, "A".repeat(40));
        assertContains(failure(), "data record 5", "no 0x14 byte after its onset");
    }

    @Test
    void strayBytesAfterTheTalsAreIgnoredWithOneWarning() throws IOException {
        patch(file, HEADER + 5L * RECORD + ANNOTATION_OFFSET + 20, "junk");
        patch(file, HEADER + 7L * RECORD + ANNOTATION_OFFSET + 30, "more");
        try (EdfReader r = EdfReader.open(file)) {
            assertEquals(1, r.warnings().size());
            assertContains(r.warnings().get(0), "2 data record(s), the first being record 6", "non-zero bytes");
            assertTrue(r.annotations().isEmpty());
        }
    }

    @Test
    void missingTimeKeepingTal() throws IOException {
        long record4 = HEADER + 3L * RECORD + ANNOTATION_OFFSET;
        patch(file, record4, "+3\u0014A\u0014\u0000");
        assertContains(failure(), "data record 4: the first TAL of 'EDF Annotations' must be the record's time-keeping TAL");
    }

    @Test
    void continuousFileWithAJumpInTimeKeeping() throws IOException {
        long record2 = HEADER + RECORD + ANNOTATION_OFFSET;
        patch(file, record2, "+7");
        assertContains(failure(), "EDF+C (continuous) file, but data record 2 starts at 7 s instead of 1 s",
                "must be marked EDF+D");
    }

    @Test
    void discontinuousFileWithOverlappingRecords() throws IOException {
        patch(file, 192, "EDF+D");
        patch(file, HEADER + RECORD + ANNOTATION_OFFSET, "+0");
        assertContains(failure(), "data record 2 starts at 0 s, before data record 1 ends at 1 s (records overlap)");
    }

    @Test
    void discontinuousMarkerWithoutGapsIsOneSegment() throws IOException {
        patch(file, 192, "EDF+D");
        try (EdfReader r = EdfReader.open(file)) {
            assertEquals(EdfFormat.EDF_PLUS_DISCONTINUOUS, r.header().format());
            assertEquals(1, r.segments().size());
        }
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> EdfReader.open(dir.resolve("nope.edf")));
    }
}
