package io.clonus.io.edf;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/** Small helpers shared by the EDF tests: deterministic signals and byte-level file surgery. */
final class EdfTestFiles {
    private EdfTestFiles() {
    }

    /** A sine plus a little deterministic noise, in physical units. */
    static double[] signal(int n, double rateHz, double freqHz, double amplitude, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * freqHz * i / rateHz) + 0.05 * amplitude * (rnd.nextDouble() - 0.5);
        }
        return x;
    }

    /** Overwrites bytes of a file at an offset with ASCII text. */
    static void patch(Path file, long offset, String ascii) throws IOException {
        patch(file, offset, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    static void patch(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    /** The text padded with spaces to a field width, for patching header fields. */
    static String field(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    static long size(Path file) throws IOException {
        return java.nio.file.Files.size(file);
    }
}
