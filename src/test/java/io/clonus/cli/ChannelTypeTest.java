package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel types from names, --type, and what happens when the name does not tell. */
class ChannelTypeTest {
    @TempDir
    Path dir;

    @Test
    void untoldTypeIsAnErrorThatAsksForType() throws IOException {
        Path f = Cli.csv(dir.resolve("plain.csv"), Cli.sustained(42).signal(), "signal");
        Cli.Run r = Cli.run("analyze", "-q", f.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(List.of("clonus: " + f + ": cannot tell whether 'signal' is EMG or accelerometer from the name;"
                + " give --type emg or --type acc, or pick channels with --channels"), r.errLines());
        Cli.Run typed = Cli.run("analyze", "-q", "--format", "json", "--type", "EMG", f.toString());
        assertEquals(0, typed.status(), typed::toString);
        assertEquals("EMG", typed.json().get(0).get("type").asText());
        assertEquals("SUSTAINED", typed.json().get(0).get("classification").asText());
    }

    @Test
    void namesDecideTypesAndAxesGroupIntoOneSensor() throws IOException {
        io.clonus.detect.Signal acc = Cli.acc(7).signal();
        Path f = Cli.csv(dir.resolve("imu.csv"), acc, "Accel X", "Accel Y", "Accel Z");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", f.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode s = r.json().get(0);
        assertEquals("Accel", s.get("channel").asText());
        assertEquals("ACC", s.get("type").asText());
        assertEquals("SUSTAINED", s.get("classification").asText());

        Cli.Run forced = Cli.run("analyze", "-q", "--format", "json", "--type", "acc", "--channels",
                "accel x,accel z", f.toString());
        assertEquals(0, forced.status(), forced::toString);
        assertEquals("Accel", forced.json().get(0).get("channel").asText(), "two chosen axes, one sensor");
    }

    @Test
    void channelsOfUntoldTypeAreSkippedWithAWarningWhenOthersAreKnown() throws IOException {
        double[] emg = Cli.axis(Cli.sustained(42), 0);
        double[] force = new double[emg.length];
        for (int i = 0; i < force.length; i++) {
            force[i] = Math.sin(i / 500.0);
        }
        double[] time = new double[emg.length];
        for (int i = 0; i < time.length; i++) {
            time[i] = i / 2000.0;
        }
        Path f = Cli.table(dir.resolve("lab.csv"), ";", "time;EMG TA;force", time, emg, force);
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", f.toString());
        assertEquals(0, r.status(), "a warning is not a failure: " + r);
        assertEquals(List.of("clonus: " + f + ": warning: skipped 'force': not EMG or accelerometer by name (choose"
                + " with --channels, and --type if needed)"), r.errLines());
        assertEquals(1, r.json().size());
        assertEquals("EMG TA", r.json().get(0).get("channel").asText());
        assertTrue(r.json().get(0).get("warnings").get(0).asText().startsWith("skipped 'force'"));
    }

    @Test
    void duplicateEdfLabelsCanStillBeChosen() throws IOException {
        double[] a = Cli.axis(Cli.sustained(42), 0);
        double[] b = Cli.axis(Cli.none(44), 0);
        Path edf = Cli.edf(dir.resolve("dup.edf"), new Cli.EdfSignal("EMG", "uV", 2000, a),
                new Cli.EdfSignal("EMG", "uV", 2000, b));
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--channels", "EMG #2", edf.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("EMG #2", r.json().get(0).get("channel").asText());
        assertEquals("NONE", r.json().get(0).get("classification").asText());
    }
}
