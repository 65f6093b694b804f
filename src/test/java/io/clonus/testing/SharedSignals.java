package io.clonus.testing;

import io.clonus.detect.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the real recordings in {@code ../shared/signals} (never copied into the repository, for their
 * licences) as described by its {@code INDEX.csv}. Tests that use them are skipped when the folder is
 * absent.
 */
public final class SharedSignals {
    private static final Pattern SPLIT = Pattern.compile("[,\\t ]+");

    private SharedSignals() {
    }

    /** @return the shared folder, if present (system property {@code clonus.shared}, else {@code ../shared}) */
    public static Optional<Path> root() {
        String p = System.getProperty("clonus.shared");
        Path root = p != null ? Paths.get(p) : Paths.get("..", "shared");
        return Files.isDirectory(root.resolve("signals")) ? Optional.of(root) : Optional.empty();
    }

    /** @return the signals folder; only call when {@link #root()} is present */
    public static Path signals() {
        return root().orElseThrow().resolve("signals");
    }

    /**
     * Loads one recording as the sensors it holds.
     *
     * @param name the recording's name in INDEX.csv (its folder)
     * @return EMG channels one signal each; accelerometer and gyroscope triplets one signal each
     */
    public static List<Signal> load(String name) {
        Path dir = signals().resolve(name);
        try (var files = Files.list(dir)) {
            Path file = files.filter(f -> !f.getFileName().toString().equals("gait_cycles.csv"))
                    .filter(f -> f.getFileName().toString().matches(".*\\.(txt|csv)")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file);
            List<String> header = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (String l : lines) {
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cells = SPLIT.split(t);
                if (rows.isEmpty() && header.isEmpty() && !Character.isDigit(cells[0].charAt(0))
                        && cells[0].charAt(0) != '-') {
                    header.addAll(List.of(cells));
                    continue;
                }
                double[] r = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    r[i] = Double.parseDouble(cells[i]);
                }
                rows.add(r);
            }
            return sensors(name, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] x = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[c];
        }
        return x;
    }

    private static double rateFromTime(double[] t, double scale) {
        return (t.length - 1) / ((t[t.length - 1] - t[0]) * scale);
    }

    private static List<Signal> sensors(String name, List<String> header, List<double[]> rows) {
        List<Signal> out = new ArrayList<>();
        if (name.startsWith("biosppy_emg")) {
            out.add(Signal.emg("EMG", 1000, column(rows, 0)));
        } else if (name.equals("biosppy_acc")) {
            out.add(Signal.acc("acc", 100, column(rows, 0), column(rows, 1), column(rows, 2)));
        } else if (name.startsWith("physionet")) {
            out.add(Signal.emg("emg", 4000, column(rows, 1)));
        } else if (name.equals("santuz_gait_emg")) {
            for (int c = 1; c < header.size(); c++) {
                out.add(Signal.emg(header.get(c), 1000, column(rows, c)));
            }
        } else if (name.equals("cat_scratch_eng_4ch")) {
            for (int c = 0; c < header.size(); c++) {
                out.add(Signal.emg(header.get(c), 2500, column(rows, c)));
            }
        } else if (name.equals("cat_scratch_emg_1ch")) {
            out.add(Signal.emg(header.get(0), 1000, column(rows, 0)));
        } else if (name.startsWith("daphnet")) {
            double fs = rateFromTime(column(rows, 0), 1e-3);
            String[] parts = {"ankle", "thigh", "trunk"};
            for (int s = 0; s < 3; s++) {
                double[] x = column(rows, 1 + 3 * s);
                double[] y = column(rows, 2 + 3 * s);
                double[] z = column(rows, 3 + 3 * s);
                boolean flat = java.util.Arrays.stream(x).allMatch(v -> v == 0);
                if (!flat) {
                    out.add(Signal.acc(parts[s], fs, x, y, z));
                }
            }
        } else if (name.startsWith("pads")) {
            double fs = rateFromTime(column(rows, 0), 1);
            out.add(Signal.acc("acc", fs, column(rows, 1), column(rows, 2), column(rows, 3)));
            out.add(Signal.acc("gyr", fs, column(rows, 4), column(rows, 5), column(rows, 6)));
        } else if (name.startsWith("snim")) {
            out.add(Signal.acc("acc", 100, column(rows, 0), column(rows, 1), column(rows, 2)));
        } else {
            throw new IllegalArgumentException("unknown recording " + name);
        }
        return out;
    }
}
