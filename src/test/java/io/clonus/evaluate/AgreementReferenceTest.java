package io.clonus.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Statistics} against values computed with numpy and scipy by {@code src/test/scripts/make_agreement_reference.py}
 * (stamped with its Python, numpy and scipy versions): ICC(2,1) of Shrout &amp; Fleiss (1979) = ICC(A,1) of McGraw &amp;
 * Wong (1996), two-way random effects, absolute agreement, single rater, with the McGraw &amp; Wong case 2A interval;
 * Bland &amp; Altman (1986) bias and 95 % limits d̄ ± 1.96 s with their t-based intervals; Pearson and Spearman with
 * Fisher-z intervals; Wilson and exact Poisson intervals. Two cases are published examples, checked also against the
 * values printed in the papers.
 */
class AgreementReferenceTest {
    static final String SCRIPT = "src/test/scripts/make_agreement_reference.py";
    static final String RESOURCE = "agreement-reference.json";
    private static final JsonNode ROOT = load();
    private static final double C = ROOT.get("generator").get("confidence").asDouble();

    private static JsonNode load() {
        try (InputStream in = AgreementReferenceTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE + "; run python3 " + SCRIPT);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] array(JsonNode n) {
        double[] a = new double[n.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = n.get(i).asDouble();
        }
        return a;
    }

    /** Relative tolerance: the F quantile of a non-integer degree of freedom is found by a root finder. */
    private static void close(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
    }

    static Stream<Arguments> iccCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : ROOT.get("icc")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "ICC(2,1) of {0} (Shrout & Fleiss 1979; McGraw & Wong 1996 case 2A interval)")
    @MethodSource("iccCases")
    void icc21OfSeveralRaters(String name, JsonNode c) {
        JsonNode rows = c.get("ratings");
        double[][] ratings = new double[rows.size()][];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = array(rows.get(i));
        }
        Estimate icc = Statistics.icc21(ratings, C).orElseThrow();
        JsonNode e = c.get("icc");
        close(e.get("icc").asDouble(), icc.value(), 1e-12, name + " ICC");
        close(e.get("lower").asDouble(), icc.lower(), 1e-7, name + " lower limit");
        close(e.get("upper").asDouble(), icc.upper(), 1e-7, name + " upper limit");
    }

    @Test
    @DisplayName("ICC(2,1) of Shrout & Fleiss (1979) table 2 is .29, as printed in the paper")
    void shroutFleissPublishedValue() {
        JsonNode rows = ROOT.get("icc").get(0).get("ratings");
        double[][] ratings = new double[rows.size()][];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = array(rows.get(i));
        }
        assertEquals(0.29, Statistics.icc21(ratings, C).orElseThrow().value(), 0.005);
    }

    static Stream<Arguments> agreementCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : ROOT.get("agreement")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: ICC(2,1), Bland-Altman d ± 1.96 s, Pearson and Spearman with Fisher-z intervals")
    @MethodSource("agreementCases")
    void agreementOfPairs(String name, JsonNode c) {
        double[] det = array(c.get("detected"));
        double[] ref = array(c.get("reference"));
        Estimate icc = Statistics.icc21(det, ref, C).orElseThrow();
        JsonNode e = c.get("icc");
        close(e.get("icc").asDouble(), icc.value(), 1e-12, name + " ICC");
        close(e.get("lower").asDouble(), icc.lower(), 1e-7, name + " ICC lower");
        close(e.get("upper").asDouble(), icc.upper(), 1e-7, name + " ICC upper");
        checkBlandAltman(name, c.get("blandAltman"), Statistics.blandAltman(det, ref, C).orElseThrow());
        for (String kind : new String[] {"pearson", "spearman"}) {
            Correlation r = (kind.equals("pearson") ? Statistics.pearson(det, ref, C) : Statistics.spearman(det, ref, C))
                    .orElseThrow();
            JsonNode x = c.get(kind);
            close(x.get("r").asDouble(), r.coefficient(), 1e-12, name + " " + kind + " r");
            close(x.get("lower").asDouble(), r.interval().lower(), 1e-9, name + " " + kind + " lower");
            close(x.get("upper").asDouble(), r.interval().upper(), 1e-9, name + " " + kind + " upper");
            assertEquals(x.get("p").asDouble(), r.pValue(), 1e-9 * Math.max(1e-6, x.get("p").asDouble()) + 1e-14,
                    name + " " + kind + " p");
        }
    }

    private static void checkBlandAltman(String name, JsonNode e, BlandAltman ba) {
        close(e.get("bias").asDouble(), ba.bias(), 1e-12, name + " bias");
        close(e.get("sd").asDouble(), ba.sdDifference(), 1e-12, name + " sd");
        close(e.get("lowerLimit").asDouble(), ba.lowerLimit(), 1e-9, name + " lower limit");
        close(e.get("upperLimit").asDouble(), ba.upperLimit(), 1e-9, name + " upper limit");
        close(e.get("biasLower").asDouble(), ba.biasInterval().lower(), 1e-9, name + " bias lower");
        close(e.get("biasUpper").asDouble(), ba.biasInterval().upper(), 1e-9, name + " bias upper");
        close(e.get("lowerLimitLower").asDouble(), ba.lowerLimitInterval().lower(), 1e-9, name + " LoA- lower");
        close(e.get("lowerLimitUpper").asDouble(), ba.lowerLimitInterval().upper(), 1e-9, name + " LoA- upper");
        close(e.get("upperLimitLower").asDouble(), ba.upperLimitInterval().lower(), 1e-9, name + " LoA+ lower");
        close(e.get("upperLimitUpper").asDouble(), ba.upperLimitInterval().upper(), 1e-9, name + " LoA+ upper");
    }

    @Test
    @DisplayName("Bland & Altman (1986) peak flow data: bias -2.1 l/min, s 38.8 l/min, as printed in the paper")
    void blandAltmanPublishedValues() {
        JsonNode c = ROOT.get("agreement").get(0);
        assertEquals("bland-altman-1986-pefr", c.get("name").asText());
        BlandAltman ba = Statistics.blandAltman(array(c.get("detected")), array(c.get("reference")), C).orElseThrow();
        assertEquals(17, ba.n());
        assertEquals(-2.1, ba.bias(), 0.05);
        assertEquals(38.8, ba.sdDifference(), 0.05);
    }

    @Test
    @DisplayName("two pairs: ICC and Bland-Altman exist, the correlations do not")
    void twoPairs() {
        JsonNode c = ROOT.get("twoPairs");
        double[] det = array(c.get("detected"));
        double[] ref = array(c.get("reference"));
        Estimate icc = Statistics.icc21(det, ref, C).orElseThrow();
        close(c.get("icc").get("icc").asDouble(), icc.value(), 1e-12, "ICC");
        close(c.get("icc").get("lower").asDouble(), icc.lower(), 1e-7, "ICC lower");
        close(c.get("icc").get("upper").asDouble(), icc.upper(), 1e-7, "ICC upper");
        checkBlandAltman("two pairs", c.get("blandAltman"), Statistics.blandAltman(det, ref, C).orElseThrow());
        assertTrue(Statistics.pearson(det, ref, C).isEmpty());
        assertTrue(Statistics.spearman(det, ref, C).isEmpty());
        assertTrue(Statistics.icc21(new double[] {3}, new double[] {3}, C).isEmpty(), "one pair");
        assertTrue(Statistics.blandAltman(new double[] {3}, new double[] {3}, C).isEmpty(), "one pair");
    }

    @Test
    @DisplayName("Wilson score intervals against scipy.stats.binomtest(...).proportion_ci(method='wilson')")
    void wilsonIntervals() {
        for (JsonNode w : ROOT.get("wilson")) {
            int k = w.get("successes").asInt();
            int n = w.get("trials").asInt();
            Estimate e = Statistics.wilson(k, n, C).orElseThrow();
            assertEquals((double) k / n, e.value(), 1e-15);
            assertEquals(w.get("lower").asDouble(), e.lower(), 1e-12, k + "/" + n + " lower");
            assertEquals(w.get("upper").asDouble(), e.upper(), 1e-12, k + "/" + n + " upper");
        }
        assertTrue(Statistics.wilson(0, 0, C).isEmpty());
    }

    @Test
    @DisplayName("exact Poisson rate intervals per 24 h against scipy.stats.chi2.ppf")
    void poissonIntervals() {
        for (JsonNode p : ROOT.get("poisson")) {
            int k = p.get("count").asInt();
            double hours = p.get("hours").asDouble();
            Estimate e = Statistics.poissonRate(k, hours, 24, C).orElseThrow();
            close(p.get("per24h").asDouble(), e.value(), 1e-12, k + " in " + hours + " h");
            close(p.get("lower").asDouble(), e.lower(), 1e-8, k + " in " + hours + " h lower");
            close(p.get("upper").asDouble(), e.upper(), 1e-8, k + " in " + hours + " h upper");
        }
    }

    @Test
    void stampNamesTheScriptAndItsVersions() throws IOException {
        JsonNode g = ROOT.get("generator");
        assertEquals(SCRIPT, g.get("script").asText());
        assertEquals("python3 " + SCRIPT, g.get("command").asText());
        for (String tool : new String[] {"python", "numpy", "scipy"}) {
            assertTrue(g.get(tool).asText().matches("\\d+\\.\\d+(\\.\\d+)?\\S*"), tool);
        }
        Path script = Path.of(System.getProperty("basedir", ".")).resolve(SCRIPT);
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertTrue(text.contains("RESOURCE = \"src/test/resources/io/clonus/evaluate/" + RESOURCE + "\""));
        assertTrue(text.contains("python3 " + SCRIPT), "the docstring gives the command");
    }

    /**
     * Reruns the script into a temporary file and compares all but the date and Python version; skipped, with the
     * reason, without python3, numpy and scipy of the stamped versions.
     */
    @Test
    void regeneratingWithTheStampedVersionsGivesTheSameFile(@TempDir Path dir) throws Exception {
        JsonNode g = ROOT.get("generator");
        Process v;
        try {
            v = new ProcessBuilder("python3", "-c", "import numpy, scipy; print(numpy.__version__, scipy.__version__)")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 not found: " + e.getMessage());
            return;
        }
        String versions = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(v.waitFor(60, TimeUnit.SECONDS) && v.exitValue() == 0, "python3 without numpy and scipy");
        assumeTrue(versions.equals(g.get("numpy").asText() + " " + g.get("scipy").asText()),
                () -> "python3 has numpy/scipy " + versions + ", the file was made with " + g.get("numpy").asText() + "/"
                        + g.get("scipy").asText() + ": not compared (regenerate with '" + g.get("command").asText()
                        + "' and review the diff)");
        Path out = dir.resolve(RESOURCE);
        Path script = Path.of(System.getProperty("basedir", ".")).resolve(SCRIPT);
        Process p = new ProcessBuilder("python3", script.toString(), "--output", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), log);
        JsonNode fresh = new ObjectMapper().readTree(out.toFile());
        JsonNode committed = ROOT.deepCopy();
        for (JsonNode t : new JsonNode[] {fresh, committed}) {
            ((ObjectNode) t.get("generator")).remove(List.of("date", "python"));
        }
        if (!fresh.equals(committed)) {
            fail("the committed " + RESOURCE + " is not what '" + g.get("command").asText() + "' gives now; regenerate"
                    + " and commit");
        }
    }
}
