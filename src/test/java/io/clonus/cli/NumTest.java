package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times keep the microsecond at any offset up to a year; other numbers keep seven significant digits. */
class NumTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
        "0.0123456789, 0.012346",
        "86000.1234564, 86000.123456",
        "86399.9999995, 86400",
        "1000000.000123, 1000000.000123",
        "31536000.000001, 31536000.000001",
        "-0.0000004, 0",
        "12.5, 12.5",
    })
    void timesKeepMicroseconds(double seconds, String text) {
        assertEquals(text, Num.time(seconds));
        assertEquals(Double.parseDouble(text), Num.roundTime(seconds), 0);
    }

    @ParameterizedTest(name = "beats {0} s and {1} s stay apart")
    @CsvSource({"86000.101, 86000.104", "1000000.2, 1000000.21"})
    void beatsLateInALongRecordStayDistinct(double a, double b) {
        assertNotEquals(Num.time(a), Num.time(b));
        assertEquals(Num.text(a), Num.text(b), "seven significant digits would merge them");
    }
}
