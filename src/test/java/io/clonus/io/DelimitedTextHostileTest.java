package io.clonus.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delimited text that is too long, too wide, or whose time column overflows or underflows. */
class DelimitedTextHostileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String refused(Path f) {
        String read = assertThrows(InputException.class, () -> DelimitedText.read(f)).getMessage();
        assertEquals(read, assertThrows(InputException.class, () -> DelimitedText.scan(f)).getMessage(),
                "scan refuses as read does");
        return read;
    }

    @Test
    void aFiftyMegabyteLineWithoutLineBreaksIsRefusedAfterItsFirstMebibyte() throws Exception {
        Path f = dir.resolve("no-line-breaks.csv");
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) '7');
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        long before = bean.getCurrentThreadAllocatedBytes();
        String message = assertThrows(InputException.class, () -> DelimitedText.read(f)).getMessage();
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertEquals("line 1 is longer than 1048576 characters: not a delimited text recording (one row per line)",
                message);
        assertTrue(allocated < 32L << 20, "allocated " + allocated + " bytes for a 50 MB line");
        assertEquals(message, assertThrows(InputException.class, () -> DelimitedText.rows(f)).getMessage());
    }

    @Test
    void aHeaderOfMoreColumnsThanAllowedIsRefused() throws IOException {
        StringBuilder h = new StringBuilder("c0");
        for (int i = 1; i <= DelimitedText.MAX_COLUMNS; i++) {
            h.append(",c").append(i);
        }
        assertEquals("line 1: 4097 columns, more than the 4096 a recording may have",
                refused(write("wide.csv", h + "\n" + "1,".repeat(4096) + "1\n")));
    }

    @Test
    void aTimeSpanThatOverflowsGivesNoRateInsteadOfZero() throws IOException {
        // (1e308 - -1e308) is infinite: the period was infinite and the rate read as 0 Hz
        assertEquals("time column 'time_s' runs from -1.00000e+308 to 1.00000e+308 over 3 rows, a sampling period"
                + " of Infinity s, which gives no sample rate; check its values or give --fs",
                refused(write("overflow.csv", "time_s,emg\n-1e308,1\n0,2\n1e308,3\n")));
    }

    @Test
    void aTimeStepThatUnderflowsGivesNoRateInsteadOfInfinity() throws IOException {
        // 1 / 4.9e-324 is infinite: the rate read as Infinity Hz
        assertEquals("time column 'time_s' runs from 0.00000 to 4.90000e-324 over 2 rows, a sampling period of"
                + " 4.90000e-324 s, which gives no sample rate; check its values or give --fs",
                refused(write("underflow.csv", "time_s,emg\n0,1\n4.9e-324,2\n")));
    }

    @Test
    void aTimeColumnWithoutUnitAndAnInfiniteRateIsDescribedNotACrash() throws IOException, InputException {
        // its unit is inferred from the values; the message for "no unit fits" formatted an infinite rate
        // with BigDecimal, which threw NumberFormatException
        Path f = write("tiny-steps.csv", "t,emg\n0,1\n1e-320,2\n");
        Table t = DelimitedText.read(f);
        assertTrue(t.sampleRateHz().isEmpty());
        assertTrue(t.timeProblem().startsWith("time column 't' implies Infinity Hz if it is in seconds"), t.timeProblem());
        assertEquals(t.timeProblem(), DelimitedText.scan(f).timeProblem());
    }
}
