package io.clonus.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Loads {@code reference/scipy_reference.json} (made by {@code reference/make_reference.py}) from
 * the shared folder: system property {@code clonus.shared}, else {@code ../shared}. When the file
 * is absent every test that needs it is skipped through a JUnit assumption. The file is read once
 * per test JVM.
 */
final class ReferenceData {
    private static JsonNode root;

    private ReferenceData() {
    }

    static Path path() {
        String shared = System.getProperty("clonus.shared", "../shared");
        return Path.of(shared, "reference", "scipy_reference.json");
    }

    /** The parsed file; skips the calling test (or test factory) when it is missing. */
    static synchronized JsonNode root() {
        if (root == null) {
            Path p = path();
            Assumptions.assumeTrue(Files.isRegularFile(p), () -> "scipy reference file not found at " + p);
            try {
                root = new ObjectMapper().readTree(p.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
        return root;
    }

    static String generator() {
        return root().get("generator").asText();
    }

    /** One of the stored input signals, e.g. "2000" or "welch100". */
    static double[] input(String name) {
        return doubles(root().get("inputs").get(name));
    }

    static List<JsonNode> list(String key) {
        List<JsonNode> out = new ArrayList<>();
        root().get(key).forEach(out::add);
        return out;
    }

    static JsonNode node(String key) {
        return root().get(key);
    }

    static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    static int[] ints(JsonNode array) {
        int[] d = new int[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asInt();
        }
        return d;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(rows.get(i));
        }
        return m;
    }
}
