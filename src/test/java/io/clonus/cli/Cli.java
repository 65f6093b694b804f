package io.clonus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clonus.detect.Signal;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process and makes its input files from simulated recordings. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /**
     * What one run printed and returned.
     *
     * @param status exit status
     * @param out    standard output
     * @param err    standard error
     */
    record Run(int status, String out, String err) {
        /** @return the standard output parsed as JSON Lines */
        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        nodes.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not JSON: " + line, e);
                    }
                }
            }
            return nodes;
        }

        /** @return the lines of standard error */
        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
        }

        /** @return the lines of standard error that start with "clonus: FILE:" */
        List<String> errLinesAbout(String file) {
            return errLines().stream().filter(l -> l.startsWith("clonus: " + file + ":")).toList();
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** Runs {@code clonus ARGS} in this JVM. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** 20 s of EMG at 2 kHz with 12 clonus beats at 6 Hz from 4 s: detected as SUSTAINED, 12 beats. */
    static SimulatedRecording sustained(long seed) {
        return EmgSimulator.builder(2000, 20, seed).noise(5).clonus(4, 12, 6.0, 80).build();
    }

    /** 20 s of EMG at 2 kHz with 4 beats at 6.5 Hz: UNSUSTAINED. */
    static SimulatedRecording unsustained(long seed) {
        return EmgSimulator.builder(2000, 20, seed).noise(5).clonus(4, 4, 6.5, 80).build();
    }

    /** 20 s of EMG at 2 kHz with a tonic contraction only: NONE. */
    static SimulatedRecording none(long seed) {
        return EmgSimulator.builder(2000, 20, seed).noise(5).tonic(3, 12, 60, 0.3).build();
    }

    /** 30 s of a triaxial accelerometer at 100 Hz with 20 cycles at 6.5 Hz from 5 s. */
    static SimulatedRecording acc(long seed) {
        return AccSimulator.builder(100, 30, seed).gravity().noise(0.01).clonus(5, 20, 6.5, 0.3).build();
    }

    /**
     * Writes a signal as comma-separated text with a time column (exact decimal samples).
     *
     * @param names one column name per axis
     */
    static Path csv(Path file, Signal s, String... names) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time");
            for (String n : names) {
                w.write("," + n);
            }
            w.write("\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                row.setLength(0);
                row.append(i / s.sampleRateHz());
                for (int a = 0; a < s.axisCount(); a++) {
                    row.append(',').append(s.sample(a, i));
                }
                w.write(row.append('\n').toString());
            }
        }
        return file;
    }

    /** Writes rows under a header, with the given separator, no time column. */
    static Path table(Path file, String separator, String header, double[]... columns) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (int i = 0; i < columns[0].length; i++) {
            for (int c = 0; c < columns.length; c++) {
                b.append(c == 0 ? "" : separator).append(columns[c][i]);
            }
            b.append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    /** One EDF+ signal to write. */
    record EdfSignal(String label, String unit, double rateHz, double[] samples) {
    }

    /** Start time of the EDF files written here. */
    static final LocalDateTime START = LocalDateTime.of(2024, 3, 5, 14, 30, 0);

    /** Writes an EDF+ file (1 s records) starting at {@link #START}. */
    static Path edf(Path file, EdfSignal... signals) throws IOException {
        EdfWriter w = EdfWriter.edfPlus().start(START).recordDurationS(1);
        for (EdfSignal s : signals) {
            w.addSignal(s.label(), s.unit(), s.rateHz(), -range(s.samples()), range(s.samples()), -32768, 32767,
                    s.samples());
        }
        w.write(file);
        return file;
    }

    /** A symmetric physical range that holds the samples and fits EDF's 8 characters. */
    static double range(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return Math.ceil(m * 1.05 + 1e-3);
    }

    /** Creates an (empty) file if it does not exist; an input that only needs to exist. */
    static void csv0(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the samples of one axis */
    static double[] axis(SimulatedRecording r, int a) {
        return r.signal().toArray(a);
    }
}
