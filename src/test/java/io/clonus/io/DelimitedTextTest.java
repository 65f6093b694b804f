package io.clonus.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimitedTextTest {

    private static Table read(String text) throws IOException, InputException {
        return DelimitedText.read(new BufferedReader(new StringReader(text)));
    }

    private static String refused(String text) {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }

    @ParameterizedTest(name = "separator {0}")
    @CsvSource(value = {"','", "'\t'", "';'", "' '", "'   '"}, quoteCharacter = '\'')
    void readsEverySeparatorAndTheRateFromATimeColumn(String sep) throws Exception {
        String text = "# a comment\n" + String.join(sep, "time", "emg", "acc_x") + "\n"
                + String.join(sep, "0.000", "1", "-1") + "\n# comment between rows\n\n"
                + String.join(sep, "0.001", "2", "-2") + "\n" + String.join(sep, "0.002", "3", "-3") + "\n";
        Table t = read(text);
        assertEquals(List.of("emg", "acc_x"), t.names());
        assertEquals(1000.0, t.sampleRateHz().getAsDouble(), 1e-9);
        assertEquals("time", t.timeColumn());
        assertArrayEquals(new double[] {1, 2, 3}, t.column(0));
        assertArrayEquals(new double[] {-1, -2, -3}, t.column(1));
    }

    @Test
    void millisecondTimeColumnsAndDecimalCommas() throws Exception {
        Table t = read("t_ms;emg\n0;1,5\n4;2,5\n8;3,5\n");
        assertEquals(250.0, t.sampleRateHz().getAsDouble(), 1e-9);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, t.column(0));
    }

    @Test
    void withoutAHeaderTheColumnsAreNumberedAndANoteSaysSo() throws Exception {
        Table t = read("1,2\n3,4\n");
        assertEquals(List.of("col1", "col2"), t.names());
        assertEquals(2, t.rows());
        assertTrue(t.notes().get(0).contains("no header row"));
        assertTrue(t.sampleRateHz().isEmpty());
    }

    @Test
    void badCellsNameTheirLineAndColumn() {
        String m = refused("time,emg\n0,1\n0.001,abc\n");
        assertEquals("line 3, column 2 ('emg'): 'abc' is not a number", m);
        m = refused("time,emg\n0,1\n0.001,NaN\n");
        assertTrue(m.contains("line 3") && m.contains("'NaN' is not a finite number"), m);
        m = refused("time,emg\n0,1\n0.001,\n");
        assertTrue(m.contains("line 3") && m.contains("is empty"), m);
        m = refused("time,emg\n0,1\n0.001,2,3\n");
        assertTrue(m.contains("line 3: 3 fields, but the header has 2 columns"), m);
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertTrue(refused("").contains("empty file"));
        assertTrue(refused("# only a comment\n\n").contains("empty file"));
        assertTrue(refused("time,emg\n").contains("no data rows"));
        assertTrue(refused("emg,EMG\n1,2\n").contains("appears twice"));
    }

    @Test
    void timeMustIncreaseWithoutGaps() {
        assertTrue(refused("time,emg\n0,1\n0.002,1\n0.001,1\n").contains("does not increase"));
        String m = refused("time,emg\n0,1\n0.001,1\n0.002,1\n0.003,1\n0.104,1\n0.105,1\n");
        assertTrue(m.contains("line 6") && m.contains("jumps from 0.003 to 0.104") && m.contains("split the file"), m);
    }
}
