package io.clonus.io.edf;

import static io.clonus.io.edf.EdfTestFiles.field;
import static io.clonus.io.edf.EdfTestFiles.patch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clonus.analysis.RecordingAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that declare huge or absurd sizes, rates, scales and times: each is refused with a message naming
 * the field, its value and what would be right, before anything is allocated from it; or, where the file
 * is consistent with it, read without allocating what the header declares. Allocation is measured with
 * the JVM's per-thread allocation counter, so the tests do not depend on the heap size.
 */
class EdfHostileFileTest {
    /** Bytes a refused or empty open may allocate: the reader's own small buffers, with room to spare. */
    private static final long SMALL_ALLOCATION = 8L << 20;

    @TempDir
    Path dir;

    private interface Open {
        void run() throws Exception;
    }

    /** Bytes allocated by this thread while {@code open} runs. */
    private static long allocated(Open open) throws Exception {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting");
        long before = bean.getCurrentThreadAllocatedBytes();
        open.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    private static String refused(Path file) {
        return assertThrows(EdfFormatException.class, () -> EdfReader.open(file).close()).problem();
    }

    private static String refused(Path file, EdfReader.TruncationPolicy policy) {
        return assertThrows(EdfFormatException.class, () -> EdfReader.open(file, policy).close()).problem();
    }

    private static void assertContains(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
        }
    }

    /** One 200 Hz EMG signal, 10 one-second records (header 512 bytes, records 400 bytes). */
    private Path oneSignal(String name, EdfWriter w) throws IOException {
        Path f = dir.resolve(name);
        w.start(LocalDateTime.of(2024, 3, 5, 10, 0, 0))
                .addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767,
                        EdfTestFiles.signal(2000, 200, 7, 300, 1))
                .write(f);
        return f;
    }

    // ------------------------------------------------------------------ huge declared sizes

    @Test
    void ninetyNineMillionSamplesPerRecordIsRefusedByItsRateWithoutAllocatingTheRecord() throws Exception {
        Path f = oneSignal("huge.edf", EdfWriter.edf());
        patch(f, 472, field("99999999", 8));
        patch(f, 236, field("-1", 8)); // "unknown": no comparison with the declared count can stop it
        String[] message = new String[1];
        long bytes = allocated(() -> message[0] = refused(f));
        assertEquals("header field 'number of samples in each data record' of signal 1 'EMG L TA' (bytes 472-479)"
                + " is 99999999 in data records of 1 s, a sample rate of 1.00000e+08 Hz; at most 1000000 Hz is"
                + " plausible (check this field and 'duration of a data record')", message[0]);
        assertTrue(bytes < SMALL_ALLOCATION, "allocated " + bytes + " bytes");
    }

    @Test
    void aHugeRecordThatIsNotInTheFileAllocatesNothingForIt() throws Exception {
        // 99,999,999 24-bit samples in 100-s records: 300 MB per record, a plausible 1 MHz, but no record is there
        Path f = oneSignal("huge.bdf", EdfWriter.bdf());
        patch(f, 472, field("99999999", 8));
        patch(f, 244, field("100", 8));
        patch(f, 236, field("-1", 8));
        long bytes = allocated(() -> {
            try (EdfReader r = EdfReader.open(f)) {
                assertEquals(0, r.header().recordCount());
                assertEquals(0, r.readSignal(0).length);
                assertContains(r.warnings().get(0), "is -1", "using the 0 complete records",
                        "ignoring 6000 bytes of an incomplete last record");
            }
        });
        assertTrue(bytes < SMALL_ALLOCATION, "allocated " + bytes + " bytes for a 300 MB record that is not there");

        patch(f, 236, field("1", 8));
        bytes = allocated(() -> assertEquals("header declares 1 data records of 299999997 bytes but the file holds"
                + " 0.0 records (truncated?)", refused(f)));
        assertTrue(bytes < SMALL_ALLOCATION, "allocated " + bytes + " bytes");
    }

    @Test
    void ninetyNineMillionRecordsAreCheckedAgainstTheFileSizeBeforeAnything() throws Exception {
        Path f = dir.resolve("records.edf");
        EdfWriter.edfPlus().addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767,
                EdfTestFiles.signal(2000, 200, 7, 300, 1)).addAnnotation(3.5, "tap").write(f);
        patch(f, 236, field("99999999", 8));
        long bytes = allocated(() -> assertContains(refused(f), "header declares 99999999 data records of",
                "but the file holds 10 records (truncated?)"));
        assertTrue(bytes < SMALL_ALLOCATION, "allocated " + bytes + " bytes");
        bytes = allocated(() -> {
            try (EdfReader r = EdfReader.open(f, EdfReader.TruncationPolicy.READ_COMPLETE_RECORDS)) {
                assertEquals(10, r.header().recordCount());
                assertEquals(List.of(new EdfAnnotation(3.5, 0, "tap")), r.annotations());
            }
        });
        assertTrue(bytes < SMALL_ALLOCATION, "allocated " + bytes + " bytes");
    }

    @Test
    void minusOneRecordsInAFileWithMoreRecordsThanTheFieldCanHoldIsRefused() throws Exception {
        // 1 sample of 1 signal per 10-ms record: 2 bytes a record; a sparse file of 100,000,001 records
        Path f = dir.resolve("many-records.edf");
        EdfWriter.edf().recordDurationS(0.01)
                .addSignal("EMG", "uV", 100, -500, 500, -32768, 32767, new double[4]).write(f);
        patch(f, 236, field("-1", 8));
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(512 + 2L * (EdfLimits.MAX_RECORDS + 2));
        }
        assertEquals("header field 'number of data records' (bytes 236-243) is -1 and the file holds 100000001"
                + " complete records of 2 bytes, more than the 99999999 the field can express", refused(f));
    }

    @Test
    void recordsSpanningMoreThanTheTimeLimitAreRefused() throws IOException {
        Path f = oneSignal("span.edf", EdfWriter.edf());
        patch(f, 244, field("2e9", 8));
        assertEquals("10 data records of 2e9 s (header field 'duration of a data record', bytes 244-251) span"
                + " 20000000000 s, more than the 10000000000 s (about 317 years) a plausible recording spans",
                refused(f));
    }

    @Test
    void durationsThatAreNotFiniteOrPlausibleAreRefused() throws IOException {
        Path f = oneSignal("duration.edf", EdfWriter.edf());
        patch(f, 244, field("1e999", 8));
        assertEquals("header field 'duration of a data record' (bytes 244-251) is '1e999', too large to be a number",
                refused(f));
        patch(f, 244, field("1e11", 8));
        assertContains(refused(f), "'duration of a data record' (bytes 244-251) is 1e11 s, more than the");
        patch(f, 244, field("1e-9", 8)); // 200 samples in a nanosecond
        assertContains(refused(f), "is 200 in data records of 1e-9 s, a sample rate of 2.00000e+11 Hz");
    }

    @Test
    void annotationSignalTooSmallForTimeKeepingIsRefusedFromTheHeader() throws IOException {
        Path f = dir.resolve("tiny-annotations.edf");
        EdfWriter.edfPlus().addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767, new double[2000]).write(f);
        patch(f, 256 + 2 * 216 + 8, field("2", 8)); // signal 2 (annotations): samples per record
        assertEquals("header field 'number of samples in each data record' of signal 2 'EDF Annotations' (bytes"
                + " 696-703) is 2, 4 bytes per data record, too few for the time-keeping TAL every record starts"
                + " with (at least 5)", refused(f));
    }

    // ------------------------------------------------------------------ scaling

    @Test
    void physicalRangesThatWouldGiveNonFiniteSamplesAreRefused() throws IOException {
        Path f = oneSignal("scale.edf", EdfWriter.edf());
        patch(f, 256 + 104, field("-1e999", 8));
        assertEquals("header field 'physical minimum' of signal 1 'EMG L TA' (bytes 360-367) is '-1e999  ', too"
                + " large to be a number", refused(f));

        // finite limits, but a stored 32767 with a digital range of 0..1 would be 5e312: infinite
        patch(f, 256 + 104, field("-8e307", 8));
        patch(f, 256 + 112, field("8e307", 8));
        patch(f, 256 + 120, field("0", 8));
        patch(f, 256 + 128, field("1", 8));
        assertEquals("signal 1 'EMG L TA' physical range -8e307..8e307 for digital 0..1 cannot be scaled to finite"
                + " samples (one digital step is 1.6E308; stored values -32768 and 32767 would be -Infinity and"
                + " Infinity); expected physical limits of a plausible size", refused(f));

        // so small a range that one digital step is 0: every sample would read the same
        patch(f, 256 + 104, field("0", 8));
        patch(f, 256 + 112, field("1e-320", 8));
        patch(f, 256 + 120, field("-32768", 8));
        patch(f, 256 + 128, field("32767", 8));
        assertContains(refused(f), "physical range 0..1e-320 for digital -32768..32767 cannot be scaled",
                "one digital step is 0.0");
    }

    @Test
    void largeButFiniteScalesStillRead() throws IOException {
        Path f = oneSignal("big-scale.edf", EdfWriter.edf());
        patch(f, 256 + 104, field("-1e300", 8));
        patch(f, 256 + 112, field("1e300", 8));
        try (EdfReader r = EdfReader.open(f)) {
            for (double v : r.readSignal(0)) {
                assertTrue(Double.isFinite(v) && Math.abs(v) <= 1.0001e300, "sample " + v);
            }
        }
    }

    // ------------------------------------------------------------------ TALs

    @Test
    void talOnsetBeyondWhatADoubleHoldsIsRefusedNotACrash() throws IOException {
        Path f = dir.resolve("onset.edf");
        EdfWriter.edfPlus().addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767, new double[600])
                .annotationBytesPerRecord(600).write(f);
        assertEquals(768 + 3 * 1000, Files.size(f), "layout: 400 bytes of EMG, then 600 of annotations, per record");
        // record 2's annotation signal (after 400 bytes of EMG): time keeping, then an annotation at 1e400 s
        long annotations = 768 + (400 + 600) + 400;
        patch(f, annotations, "+1\u0014\u0014\u0000+1" + "0".repeat(400) + "\u0014tap\u0014\u0000");
        assertContains(refused(f), "data record 2, signal 2 'EDF Annotations', byte 5 of its annotations: TAL onset '+1"
                + "0".repeat(38) + "' is more than 10000000000 s from the start"); // the first 40 characters
        patch(f, annotations + 5, "+0\u0015" + "9".repeat(400) + "\u0014");
        assertContains(refused(f), "TAL duration '9999999999999999999999999999999999999999' after onset +0 is more"
                + " than 10000000000 s");
    }

    @Test
    void moreAnnotationsThanPlausibleAreRefused() throws IOException {
        // an annotation-only EDF+ file of one record: time keeping, then one TAL with 2,000,001 texts
        int texts = EdfLimits.MAX_ANNOTATIONS + 1;
        ByteArrayOutputStream tal = new ByteArrayOutputStream();
        tal.writeBytes("+0\u0014\u0014\u0000+1\u0014".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < texts; i++) {
            tal.write('a');
            tal.write(0x14);
        }
        tal.write(0);
        int samples = (tal.size() + 1) / 2;
        byte[] record = new byte[samples * 2];
        System.arraycopy(tal.toByteArray(), 0, record, 0, tal.size());
        Path f = dir.resolve("annotations.edf");
        EdfWriter.edfPlus().addAnnotation(0.5, "x").write(f);
        byte[] header = Files.readAllBytes(f);
        String spr = field(Integer.toString(samples), 8);
        System.arraycopy(spr.getBytes(StandardCharsets.ISO_8859_1), 0, header, 256 + 216, 8);
        System.arraycopy(field("1", 8).getBytes(StandardCharsets.ISO_8859_1), 0, header, 236, 8);
        try (var out = Files.newOutputStream(f)) {
            out.write(header, 0, 512);
            out.write(record);
        }
        assertEquals("data record 1, signal 1 'EDF Annotations', byte " + (8 + 2 * EdfLimits.MAX_ANNOTATIONS)
                + " of its annotations: more than 2000000 annotations in the file, more than are plausible", refused(f));
    }

    // ------------------------------------------------------------------ reading in pieces

    @Test
    void recordsLargerThanTheReadBufferAreReadInPieces() throws IOException {
        int spr = EdfLimits.READ_CHUNK_BYTES; // 2 (EDF) or 3 (BDF) buffers per record
        for (EdfWriter w : List.of(EdfWriter.edf(), EdfWriter.bdf())) {
            double[] x = new double[3 * spr];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i * 7919L) % 20001 - 10000;
            }
            Path f = dir.resolve("chunks.edf");
            w.addSignal("EMG", "uV", spr, -32768, 32767, -32768, 32767, x).write(f);
            try (EdfReader r = EdfReader.open(f)) {
                assertArrayEquals(x, r.readSignal(0));
                double[] part = new double[spr + 11];
                assertEquals(part.length, r.readSignal(0, spr - 5, part, 0, part.length));
                assertArrayEquals(java.util.Arrays.copyOfRange(x, spr - 5, spr + 6 + spr), part);
            }
        }
    }

    // ------------------------------------------------------------------ 9,999 signals

    /** {@code ns} 1-Hz signals "EMG 0".., 5 one-second records; signal i holds (i + k) % 200 - 100 at sample k. */
    private Path manySignals(int ns) throws IOException {
        EdfWriter w = EdfWriter.edf();
        for (int i = 0; i < ns; i++) {
            double[] x = new double[5];
            for (int k = 0; k < 5; k++) {
                x[k] = (i + k) % 200 - 100;
            }
            w.addSignal("EMG " + i, "uV", 1, -100, 100, -32768, 32767, x);
        }
        Path f = dir.resolve("many.edf");
        w.write(f);
        assertEquals(256L * (ns + 1) + 5L * 2 * ns, Files.size(f));
        return f;
    }

    @Test
    void nineThousandNineHundredNinetyNineSignalsAreParsedOnceAndReadOneReaderEach() throws IOException {
        int ns = EdfLimits.MAX_SIGNALS;
        Path f = manySignals(ns); // 2.6 MB
        long parses = EdfReader.HEADER_PARSES.get();
        try (EdfReader r = EdfReader.open(f)) {
            assertEquals(ns, r.header().signals().size());
            for (int i = 0; i < ns; i++) {
                try (EdfReader own = r.reopen()) { // as RecordingReader does: one reader per signal
                    double[] x = own.readSignal(i);
                    assertEquals(5, x.length);
                    assertEquals((i + 4) % 200 - 100, x[4], 0.01, "signal " + i);
                }
            }
        }
        assertEquals(1, EdfReader.HEADER_PARSES.get() - parses, "the 2.56 MB header is parsed once, not per signal");
    }

    @Test
    void analysingEverySignalOfAFileParsesItsHeaderOnce() throws IOException {
        Path f = manySignals(EdfLimits.MAX_SIGNALS);
        long parses = EdfReader.HEADER_PARSES.get();
        // what clonus analyze does: one source per signal, each analysed through a reader of its own
        RecordingAnalyzer.FileResult result = RecordingAnalyzer.create().analyze(f);
        assertEquals(1, EdfReader.HEADER_PARSES.get() - parses, "the 2.56 MB header is parsed once, not per signal");
        assertEquals(EdfLimits.MAX_SIGNALS, result.signals().size(), result::toString);
        for (RecordingAnalyzer.SignalResult s : result.signals()) {
            assertContains(s.error(), "too slow"); // 1 Hz is no EMG: every signal fails, but each one was read
        }
    }

    @Test
    void reopenRefusesAFileThatShrankSinceItWasOpened() throws IOException {
        Path f = oneSignal("shrinks.edf", EdfWriter.edf());
        try (EdfReader r = EdfReader.open(f)) {
            EdfTestFiles.truncate(f, 512 + 4000 - 1);
            EdfFormatException e = assertThrows(EdfFormatException.class, r::reopen);
            assertEquals("file is now 4511 bytes, shorter than the 4512 bytes of header and 10 data records it had"
                    + " when it was opened (changed since?)", e.problem());
        }
    }
}
