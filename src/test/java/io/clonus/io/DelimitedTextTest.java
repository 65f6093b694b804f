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

    @ParameterizedTest(name = "cell ''{0}'' is refused")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1.87d", "-4.94f", "0x1.deb8p+0", "NaN", "Infinity",
        "-Infinity", "1e", "+", ".", "1.2.3", "12abc", "1,5"})
    void cellsMustBeDecimalNumbers(String cell) {
        String m = refused("time,emg\n0,1\n0.001," + (cell.contains(",") ? "\"" + cell + "\"" : cell) + "\n");
        assertTrue(m.startsWith("line 3, column 2 ('emg'): '"), m);
        assertTrue(m.contains("is not a decimal number"), m);
    }

    @ParameterizedTest(name = "cell ''{0}'' is {1}")
    @CsvSource({"-12.5, -12.5", "1.2e-3, 0.0012", ".5, 0.5", "5., 5", "+3, 3", "1E+06, 1000000", "007, 7"})
    void decimalNumbersAreRead(String cell, double value) throws Exception {
        assertEquals(value, read("time,emg\n0,1\n0.001," + cell + "\n").column(0)[1], 0);
    }

    @Test
    void quotedFieldsMayHoldTheSeparator() throws Exception {
        Table t = read("time,\"EMG, left soleus\",\"say \"\"hi\"\"\"\n0,1,2\n0.001,3,4\n");
        assertEquals(List.of("EMG, left soleus", "say \"hi\""), t.names());
        assertArrayEquals(new double[] {1, 3}, t.column(0));
    }

    @Test
    void aHeaderOfNumberLikeWordsIsAHeader() throws Exception {
        Table t = read("NaN,1d\n1,2\n3,4\n");
        assertEquals(List.of("NaN", "1d"), t.names());
        assertEquals(2, t.rows());
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
        assertEquals("line 3, column 2 ('emg'): 'abc' is not a decimal number (digits with an optional sign, decimal"
                + " point and exponent, such as -12.5 or 1.2e-3)", m);
        m = refused("time,emg\n0,1\n0.001,1e999\n");
        assertTrue(m.contains("line 3") && m.contains("'1e999' is too large for a double"), m);
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
        assertTrue(refused("time,emg\n0,1\n0.002,1\n0.001,1\n").contains("goes back"));
        String m = refused("time,emg\n0,1\n0.001,1\n0.002,1\n0.003,1\n0.104,1\n0.105,1\n");
        assertTrue(m.contains("line 6") && m.contains("jumps from 0.003 to 0.104") && m.contains("split the file"), m);
    }
}
