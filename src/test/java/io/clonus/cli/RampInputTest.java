package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ramp in a file, as {@code clonus analyze --fs} reads it, is not clonus: neither with every digit nor
 * written with two decimals, which makes it a staircase (before the fix a staircase whose 0.01 steps came
 * every 0.15 s was SUSTAINED clonus at 6.67 Hz, 133 beats, SCATS 3; on an accelerometer, 32 beats).
 */
class RampInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String header, int n, java.util.function.IntFunction<String> row) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            b.append(row.apply(i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b, StandardCharsets.UTF_8);
    }

    private static void assertNone(Path file, String fs) {
        Cli.Run r = Cli.run("analyze", "--fs", fs, "--format", "json", file.toString());
        Supplier<String> why = r::toString;
        assertEquals(0, r.status(), why);
        List<JsonNode> results = r.json();
        assertEquals(1, results.size(), why);
        JsonNode result = results.get(0);
        assertEquals("NONE", result.get("classification").asText(), why);
        assertEquals(0, result.get("beatCount").asInt(), why);
        boolean warned = false;
        for (JsonNode w : result.get("warnings")) {
            warned |= w.asText().contains("never reverses direction");
        }
        assertTrue(warned, why);
    }

    @Test
    void anEmgRampIsNoneWithEveryDigitOrWithTwoDecimals() throws IOException {
        int n = 20 * 2000;
        assertNone(write("ramp.csv", "EMG", n, i -> Double.toString(i * 0.01)), "2000");
        assertNone(write("ramp_offset.csv", "EMG", n, i -> Double.toString(1e6 + i * 0.01 + 1e-9)), "2000");
        // 0.01 every 300 samples: steps at 6.67 Hz
        assertNone(write("staircase.csv", "EMG", n, i -> String.format(Locale.ROOT, "%.2f", i * 0.01 / 300)), "2000");
    }

    @Test
    void anAccelerometerRampIsNoneWithTwoDecimals() throws IOException {
        int n = 20 * 100;
        // x rises 0.01 every 15 samples (6.67 Hz), z falls at half that rate, y holds
        assertNone(write("acc.csv", "acc_x,acc_y,acc_z", n, i -> String.format(Locale.ROOT, "%.2f,%.2f,%.2f",
                0.01 * Math.floor(i / 15.0), 0.3, 1 - 0.01 * Math.floor(i / 30.0))), "100");
    }
}
