package io.clonus.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The scipy reference values, read once per test JVM from the test-classpath resource
 * {@value #RESOURCE} (in the repository under {@code src/test/resources}), made by
 * {@value #SCRIPT}. Regenerate with {@code python3 }{@value #SCRIPT} from the repository root.
 *
 * <p>There is deliberately no skip: a missing or unreadable file throws from the
 * {@code @MethodSource} factories, which JUnit reports as an error of each reference test, so the
 * build fails; an empty section fails too (JUnit refuses a parameterised test without arguments).
 */
final class ReferenceData {
    /** Classpath location of the file. */
    static final String RESOURCE = "io/clonus/dsp/scipy-reference.json";
    /** The generator, relative to the repository root. */
    static final String SCRIPT = "src/test/scripts/make_dsp_reference.py";

    private static JsonNode root;

    private ReferenceData() {
    }

    /** The parsed file; throws {@link IllegalStateException} when the resource is missing. */
    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("scipy reference file " + RESOURCE
                            + " is not on the test classpath (expected in src/test/resources); regenerate it with 'python3 "
                            + SCRIPT + "' from the repository root");
                }
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the scipy reference file " + RESOURCE, e);
            }
        }
        return root;
    }

    /** A top-level value of the file; throws when it is absent. */
    static JsonNode node(String key) {
        JsonNode n = root().get(key);
        if (n == null || n.isNull()) {
            throw new IllegalStateException(RESOURCE + " has no \"" + key + "\": regenerate it with 'python3 "
                    + SCRIPT + "'");
        }
        return n;
    }

    /** The entries of one section, e.g. "filters". */
    static List<JsonNode> list(String key) {
        List<JsonNode> out = new ArrayList<>();
        node(key).forEach(out::add);
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": section \"" + key + "\" is empty");
        }
        return out;
    }

    /**
     * One parameterised case per entry of a section: the display name (first argument) is
     * {@code prefix + call + " where " + where}, the entry the second.
     *
     * @param key    section
     * @param call   path of the entry's field holding the scipy call, e.g. "design" or "sosfilt/call"
     * @param where  path of the field saying what the call's names stand for, e.g. "where"
     * @param prefix what this library does with the case, or ""
     */
    static Stream<Arguments> cases(String key, String call, String where, String prefix) {
        return list(key).stream().map(e -> Arguments.of(prefix + text(e, call) + " where " + text(e, where), e));
    }

    /** One case per entry, named by the call alone. */
    static Stream<Arguments> cases(String key, String call) {
        return list(key).stream().map(e -> Arguments.of(text(e, call), e));
    }

    /** The text at a field path such as "sosfilt/call"; throws when it is absent. */
    static String text(JsonNode entry, String path) {
        JsonNode n = entry;
        for (String part : path.split("/")) {
            n = n.get(part);
            if (n == null) {
                throw new IllegalStateException(RESOURCE + ": an entry has no \"" + path + "\": " + abbreviated(entry));
            }
        }
        return n.asText();
    }

    private static String abbreviated(JsonNode entry) {
        String s = entry.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** The named input signal, rebuilt exactly: counts[i] * 2^exponent. */
    static double[] input(String name) {
        JsonNode in = node("inputs").get(name);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " has no input \"" + name + "\"");
        }
        int exponent = in.get("exponent").asInt();
        JsonNode counts = in.get("counts");
        double[] x = new double[counts.size()];
        for (int i = 0; i < x.length; i++) {
            long c = counts.get(i).asLong();
            if (Math.abs(c) >= 1L << 53) {
                throw new IllegalStateException("input " + name + "[" + i + "] = " + c + " is not exact as a double");
            }
            x[i] = Math.scalb((double) c, exponent);
        }
        return x;
    }

    /** The input named by an entry's "input" field. */
    static double[] input(JsonNode entry) {
        return input(entry.get("input").asText());
    }

    /** The input of an entry cut to its [start, stop) fields. */
    static double[] segment(JsonNode entry) {
        double[] x = input(entry);
        return java.util.Arrays.copyOfRange(x, entry.get("start").asInt(), entry.get("stop").asInt());
    }

    static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalStateException(RESOURCE + ": expected an array of numbers, got " + array);
        }
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    static int[] ints(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalStateException(RESOURCE + ": expected an array of integers, got " + array);
        }
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
