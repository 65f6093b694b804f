package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.detect.Signal;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time columns and sensor axes named as common exporters name them, through the command line. */
class TimeAndAxisConventionsTest {
    @TempDir
    Path dir;

    /** Writes a signal under the given header names, the first column's values from {@code time}. */
    private static Path write(Path file, Signal s, IntFunction<String> time, String... names) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", names) + "\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                row.setLength(0);
                row.append(time.apply(i));
                for (int a = 0; a < s.axisCount(); a++) {
                    row.append(',').append(s.sample(a, i));
                }
                w.write(row.append('\n').toString());
            }
        }
        return file;
    }

    @Test
    void aTimeColumnInMillisecondsGivesTheRate() throws IOException {
        Path f = write(dir.resolve("ms.csv"), Cli.sustained(1).signal(), i -> Double.toString(i * 0.5), "Time [ms]",
                "EMG");
        Cli.Run r = Cli.run("analyze", "--format", "json", f.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode j = r.json().get(0);
        assertEquals("SUSTAINED", j.get("classification").asText(), r::toString);
        assertEquals(2000, j.get("sampleRateHz").asDouble(), 1e-9, r::toString);
    }

    @Test
    void aSampleCounterAsTimeIsBlamedNotTheRate() throws IOException {
        Path f = write(dir.resolve("counter.csv"), Cli.sustained(1).signal(), Integer::toString, "time", "EMG");
        Cli.Run r = Cli.run("analyze", f.toString());
        assertEquals(1, r.status(), r::toString);
        List<String> lines = r.errLinesAbout(f.toString());
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).contains("time column 'time' implies 1 Hz if it is in seconds"), r::toString);
        assertTrue(lines.get(0).contains("give --fs HZ"), r::toString);

        Cli.Run given = Cli.run("analyze", "--format", "json", "--fs", "2000", f.toString());
        assertEquals(0, given.status(), given::toString);
        assertEquals("SUSTAINED", given.json().get(0).get("classification").asText(), given::toString);
        assertTrue(given.toString().contains("using --fs"), given::toString);
    }

    @Test
    void decoratedAxisNamesAreOneSensor() throws IOException {
        Signal acc = Cli.acc(2).signal();
        Path f = write(dir.resolve("phyphox.csv"), acc, i -> Double.toString(i / acc.sampleRateHz()), "Time (s)",
                "Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)");
        Cli.Run r = Cli.run("analyze", "--format", "json", f.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.json().size(), "one sensor, one result: " + r);
        assertEquals("SUSTAINED", r.json().get(0).get("classification").asText(), r::toString);
    }

    @Test
    void aTypeForcedAgainstAChannelsNameIsAWarning() throws IOException {
        Path f = Cli.csv(dir.resolve("soleus.csv"), Cli.sustained(1).signal(), "emg_soleus");
        Cli.Run r = Cli.run("analyze", "--type", "acc", f.toString());
        assertTrue(r.errLinesAbout(f.toString()).stream().anyMatch(l -> l.contains("warning: channel 'emg_soleus'"
                + " is named like EMG but analysed as a motion sensor (--type acc)")), r::toString);
    }

    @Test
    void anAbsurdRateIsAUsageErrorBeforeAnythingIsAllocated() throws IOException {
        Path f = Cli.csv(dir.resolve("soleus.csv"), Cli.sustained(1).signal(), "EMG");
        for (String fs : new String[] {"1e7", "1e300", "0", "-5", "NaN"}) {
            Cli.Run r = Cli.run("analyze", "--fs", fs, f.toString());
            assertEquals(2, r.status(), r::toString);
            assertTrue(r.err().contains("the sample rate must be a positive number of Hz, at most 1000000"), r::err);
            assertTrue(r.err().length() < 300, "no 300-digit number: " + r.err());
        }
    }
}
