package io.clonus.samples;

import io.clonus.detect.Signal;
import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the recordings in {@code sample-signals/} with the simulator. Run
 * {@code main(new String[] {"sample-signals"})} to write them; {@link SampleSignalsTest} checks that the
 * committed files are exactly what this makes.
 */
public final class SampleSignals {
    private SampleSignals() {
    }

    /** @return file name to simulated recording, in the order of sample-signals/README.md */
    public static Map<String, SimulatedRecording> recordings() {
        Map<String, SimulatedRecording> m = new LinkedHashMap<>();
        m.put("emg_sustained.csv", EmgSimulator.builder(1000, 12, 101).label("emg_soleus").noise(4).mains(50, 6)
                .drift(0, 15).clonus(3.0, 15, 6.2, 60).build());
        m.put("emg_unsustained.csv", EmgSimulator.builder(1000, 12, 102).label("emg_soleus").noise(4).mains(50, 6)
                .drift(0, 15).clonus(4.0, 4, 6.8, 55).build());
        m.put("emg_tonic.csv", EmgSimulator.builder(1000, 12, 103).label("emg_soleus").noise(4).mains(50, 6)
                .drift(0, 15).tonic(2.0, 8.0, 45, 0.35).build());
        m.put("acc_triaxial.csv", AccSimulator.builder(100, 15, 104).label("acc").gravity().noise(0.01)
                .slowMovement(0.03).clonus(4.0, 24, 5.8, 0.25).build());
        return m;
    }

    /**
     * @param r a recording
     * @return its CSV text: a header, then time in seconds and one column per axis
     */
    public static String csv(SimulatedRecording r) {
        Signal s = r.signal();
        StringBuilder b = new StringBuilder();
        b.append("# simulated by io.clonus.sim (see sample-signals/README.md): ").append(r.description()).append('\n');
        if (s.axisCount() == 1) {
            b.append("time,").append(s.label()).append('\n');
        } else {
            b.append("time,acc_x,acc_y,acc_z\n");
        }
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format(Locale.ROOT, "%.3f", i / s.sampleRateHz()));
            for (int a = 0; a < s.axisCount(); a++) {
                b.append(',').append(String.format(Locale.ROOT, s.axisCount() == 1 ? "%.2f" : "%.4f", s.sample(a, i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Writes the sample recordings.
     *
     * @param args the target folder (default {@code sample-signals})
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-signals");
        Files.createDirectories(dir);
        for (Map.Entry<String, SimulatedRecording> e : recordings().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), csv(e.getValue()), StandardCharsets.UTF_8);
        }
    }
}
