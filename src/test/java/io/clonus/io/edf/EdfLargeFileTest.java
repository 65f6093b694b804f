package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hour of 2 kHz EMG, written record by record and read back in small pieces. */
class EdfLargeFileTest {
    private static final int RATE = 2000;
    private static final int SECONDS = 3600;

    @TempDir
    Path dir;

    /** Deterministic digital value of sample k; with gain 1 and offset 0 it is also the physical value. */
    private static int value(long k) {
        return (int) (((k * 2654435761L) >>> 16) & 0xffff) - 32768;
    }

    @Test
    void oneHourAt2kHzStreamsInAndOut() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), this::roundTrip);
    }

    private void roundTrip() throws IOException {
        Path f = dir.resolve("hour.edf");
        try (EdfWriter.StreamingWriter w = EdfWriter.edfPlus()
                .addSignal(EdfWriter.Signal.of("EMG L TA", "uV", RATE, -32768, 32767, -32768, 32767))
                .open(f)) {
            double[] record = new double[RATE];
            long k = 0;
            for (int r = 0; r < SECONDS; r++) {
                for (int i = 0; i < RATE; i++) {
                    record[i] = value(k++);
                }
                if (r == 1800) {
                    w.addAnnotation(1800.5, 3, "halfway");
                }
                w.writeRecord(record);
            }
            assertEquals(0, w.clippedSamples());
        }
        long expectedBytes = 768 + SECONDS * (2L * RATE + 120);
        assertEquals(expectedBytes, Files.size(f));

        try (EdfReader r = EdfReader.open(f)) {
            EdfHeader h = r.header();
            assertEquals(SECONDS, h.recordCount());
            assertEquals((long) RATE * SECONDS, h.samplesPerSignal(0));
            assertEquals(SECONDS, h.durationS(), 0.0);
            assertEquals(1, r.segments().size());
            assertEquals("halfway", r.annotations().get(0).text());
            double[] buf = new double[500];
            long k = 0;
            int n;
            while ((n = r.readSignal(0, k, buf, 0, buf.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != value(k + i)) {
                        throw new AssertionError("sample " + (k + i) + ": expected " + value(k + i) + ", read " + buf[i]);
                    }
                }
                k += n;
            }
            assertEquals((long) RATE * SECONDS, k);
            // random access deep into the file, straddling record boundaries
            Random rnd = new Random(1);
            double[] small = new double[64];
            for (int t = 0; t < 1000; t++) {
                long from = (long) (rnd.nextDouble() * (RATE * (long) SECONDS - 64));
                assertEquals(64, r.readSignal(0, from, small, 0, 64));
                for (int i = 0; i < 64; i++) {
                    assertEquals(value(from + i), small[i], 0.0);
                }
            }
            assertEquals(3599.0, r.recordStartS(3599), 0.0);
        }
    }
}
