package io.clonus.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Time column names and units, as spreadsheet programs, phyphox and data loggers write them. */
class TimeColumnTest {

    @ParameterizedTest(name = "''{0}'' is time in {1}")
    @CsvSource(nullValues = "none", value = {
        "time, none", "t, none", "Time, none", "TIME, none", "timestamp, none", "Time stamp, none",
        "elapsed, none", "Elapsed time, none", "sample_time, none",
        "time_s, SECONDS", "t_s, SECONDS", "Time [s], SECONDS", "time (s), SECONDS", "Time (sec), SECONDS",
        "'elapsed (s)', SECONDS", "seconds, SECONDS", "t(s), SECONDS",
        "time_ms, MILLISECONDS", "t_ms, MILLISECONDS", "'time (ms)', MILLISECONDS", "Time [ms], MILLISECONDS",
        "timestamp_ms, MILLISECONDS", "ms, MILLISECONDS", "milliseconds, MILLISECONDS",
        "time_us, MICROSECONDS", "Time (µs), MICROSECONDS", "time_ns, NANOSECONDS", "timestamp (ns), NANOSECONDS",
    })
    void recognisesTimeColumnsAndTheirUnits(String name, TimeColumn.Unit unit) {
        assertTrue(TimeColumn.isTime(name), name);
        assertTrue(DelimitedText.isTimeColumn(name), name);
        assertEquals(unit, TimeColumn.namedUnit(name), name);
    }

    @ParameterizedTest(name = "''{0}'' is not time")
    @ValueSource(strings = {"time_of_day", "temperature", "tx", "emg", "timing", "time (mV)", "s", "Status",
        "accX [g]", "t_emg"})
    void otherNamesAreNotTime(String name) {
        assertFalse(TimeColumn.isTime(name), name);
    }

    private static Table table(String timeName, int rows, LongFunction<String> time) throws Exception {
        StringBuilder s = new StringBuilder(timeName).append(",emg\n");
        for (int i = 0; i < rows; i++) {
            s.append(time.apply(i)).append(',').append(i % 7).append('\n');
        }
        return DelimitedText.read(new BufferedReader(new StringReader(s.toString())));
    }

    @Test
    void aTimeColumnInSecondsGivesTheRate() throws Exception {
        Table t = table("Time [s]", 100, i -> String.format(Locale.ROOT, "%.4f", i / 1000.0));
        assertEquals(1000, t.sampleRateHz().getAsDouble(), 1e-9);
        assertEquals(List.of("emg"), t.names());
    }

    @Test
    void namedMillisecondsGiveTheRate() throws Exception {
        assertEquals(500, table("time (ms)", 50, i -> Long.toString(2 * i)).sampleRateHz().getAsDouble(), 1e-9);
    }

    @Test
    void aSampleCounterIsRefusedWithWhatItCouldBe() throws Exception {
        Table t = table("time", 100, Long::toString);
        assertTrue(t.sampleRateHz().isEmpty());
        String m = t.timeProblem();
        assertTrue(m.contains("time column 'time' implies 1 Hz if it is in seconds"), m);
        assertTrue(m.contains("milliseconds (1000 Hz) or microseconds (1000000 Hz)"), m);
        assertTrue(m.contains("name it time_ms or give --fs HZ"), m);
        assertEquals(List.of("emg"), t.names(), "the time column is never taken for a signal");
    }

    @Test
    void unixMillisecondsAreReadAsSuch() throws Exception {
        long t0 = 1_733_000_000_000L; // 2024-11-30 in ms
        Table t = table("timestamp", 200, i -> Long.toString(t0 + 4 * i));
        assertEquals(250, t.sampleRateHz().getAsDouble(), 1e-6);
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Unix time in milliseconds")), t.notes()::toString);
    }

    @Test
    void nanosecondsSinceBootAreReadAsSuch() throws Exception {
        long t0 = 81_234_567_890_123L; // 22.6 h after boot, in ns
        Table t = table("time", 300, i -> Long.toString(t0 + 9_615_384L * i)); // 104 Hz
        assertEquals(104, t.sampleRateHz().getAsDouble(), 1e-3);
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("read in nanoseconds")), t.notes()::toString);
    }

    @Test
    void aSlowTimeColumnInSecondsIsNotReinterpreted() throws Exception {
        String m = table("t", 20, i -> String.format(Locale.ROOT, "%.1f", i * 0.2)).timeProblem();
        assertTrue(m.contains("implies 5 Hz if it is in seconds"), m);
        assertTrue(m.contains("outside 10-1000000 Hz"), m);
    }

    @Test
    void repeatedAndBackwardTimesNameTheLine() {
        String m = assertThrows(InputException.class,
                () -> DelimitedText.read(new BufferedReader(new StringReader("time,emg\n0,1\n0.001,1\n0.001,2\n"))))
                .getMessage();
        assertTrue(m.startsWith("line 4: time column 'time' repeats 0.001 from line 3"), m);
        m = assertThrows(InputException.class,
                () -> DelimitedText.read(new BufferedReader(new StringReader("time,emg\n0,1\n0.002,1\n0.001,2\n"))))
                .getMessage();
        assertTrue(m.startsWith("line 4: time column 'time' goes back"), m);
    }

    @Test
    void unitInferenceIsSaidOnceAndOnlyWhenInferred() throws Exception {
        List<String> notes = new ArrayList<>();
        assertEquals(TimeColumn.Unit.SECONDS, TimeColumn.unit("time", new double[] {0, 0.001, 0.002}, notes));
        assertEquals(TimeColumn.Unit.MILLISECONDS, TimeColumn.unit("time_ms", new double[] {0, 1, 2}, notes));
        assertTrue(notes.isEmpty(), notes::toString);
    }
}
