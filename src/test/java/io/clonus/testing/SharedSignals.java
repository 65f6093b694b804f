package io.clonus.testing;

import io.clonus.detect.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the real recordings in {@code ../shared/signals} (never copied into the repository, for their
 * licences) as described by its {@code INDEX.csv}.
 *
 * <p>Tests that use them are skipped only when that folder does not exist, through
 * {@link #assumePresent()}, whose reason names the path looked at. When the folder exists, anything
 * wrong with it (not a directory, unreadable, no {@code INDEX.csv}, a recording that does not load)
 * is an error, never a skip, so a build that has the recordings cannot quietly stop testing them.
 */
public final class SharedSignals {
    private static final Pattern SPLIT = Pattern.compile("[,\\t ]+");
    private static final Map<String, List<Signal>> LOADED = new ConcurrentHashMap<>();

    private SharedSignals() {
    }

    /** @return the shared folder: system property {@code clonus.shared} (the pom sets it), else {@code ../shared} */
    public static Path folder() {
        String p = System.getProperty("clonus.shared");
        return (p != null ? Paths.get(p) : Paths.get("..", "shared")).toAbsolutePath().normalize();
    }

    /**
     * @return the shared folder if its {@code signals} folder exists, empty only if it does not
     * @throws IllegalStateException if {@code signals} exists but cannot be used
     */
    public static Optional<Path> root() {
        return check(folder());
    }

    /**
     * The decision behind {@link #root()} for a given shared folder.
     *
     * @param shared the folder expected to hold {@code signals/INDEX.csv}
     * @return {@code shared} when {@code signals} is usable; empty when it does not exist
     * @throws IllegalStateException when {@code signals} exists (or its existence cannot be
     *         determined) but it is not a readable directory holding a readable INDEX.csv
     */
    static Optional<Path> check(Path shared) {
        Path signals = shared.resolve("signals");
        if (Files.notExists(signals, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.exists(signals)) {
            throw new IllegalStateException(signals + " exists but cannot be accessed (broken link or no permission)");
        }
        if (!Files.isDirectory(signals) || !Files.isReadable(signals)) {
            throw new IllegalStateException(signals + " exists but is not a readable directory");
        }
        Path index = signals.resolve("INDEX.csv");
        if (!Files.isRegularFile(index) || !Files.isReadable(index)) {
            throw new IllegalStateException(signals + " exists but has no readable INDEX.csv");
        }
        return Optional.of(shared);
    }

    /** Why the real-recording tests are skipped when {@link #root()} is empty. */
    static String absentReason(Path shared) {
        return "real recordings not found: no folder " + shared.resolve("signals")
                + " (they are not in the repository, for their licences; put the shared folder beside the project"
                + " or pass -Dclonus.shared=DIR). These tests run, and any failure to read them fails the build,"
                + " whenever that folder exists";
    }

    /**
     * Skips the calling test (or the whole class, from {@code @BeforeAll}) when the signals folder
     * does not exist, with the path in the reason; fails when it exists but cannot be used.
     */
    public static void assumePresent() {
        Path shared = folder();
        Assumptions.assumeTrue(check(shared).isPresent(), () -> absentReason(shared));
    }

    /**
     * The recordings listed in INDEX.csv, with the samples per channel it gives.
     *
     * @return name to sample count, in the file's order; only call when {@link #root()} is present
     */
    public static Map<String, Integer> index() {
        try {
            List<String> lines = Files.readAllLines(signals().resolve("INDEX.csv"));
            List<String> header = List.of(lines.get(0).split(",", -1));
            int name = header.indexOf("name");
            int samples = header.indexOf("samples");
            if (name < 0 || samples < 0) {
                throw new IllegalStateException("INDEX.csv has no name or samples column: " + header);
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                out.put(cells[name], Integer.parseInt(cells[samples].strip()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the signals folder; only call when {@link #root()} is present */
    public static Path signals() {
        return root().orElseThrow(() -> new IllegalStateException(absentReason(folder()))).resolve("signals");
    }

    /**
     * Loads one recording as the sensors it holds.
     *
     * @param name the recording's name in INDEX.csv (its folder)
     * @return EMG channels one signal each; accelerometer and gyroscope triplets one signal each
     *         (read once per test JVM; signals are immutable)
     */
    public static List<Signal> load(String name) {
        return LOADED.computeIfAbsent(name, SharedSignals::read);
    }

    private static List<Signal> read(String name) {
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
            return List.copyOf(sensors(name, header, rows));
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
