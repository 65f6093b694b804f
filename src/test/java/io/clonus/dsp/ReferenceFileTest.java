package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference file itself: it carries the generator's stamp, names a generator that is in the
 * repository and documents the command, holds only sections the reference tests read, and (when
 * python3 with the same numpy and scipy is available) is what the generator produces.
 */
class ReferenceFileTest {
    /** Every top-level key of the file, each read by a reference test. */
    static final Set<String> SECTIONS = Set.of("generator", "inputs", "filters", "notch", "spectra", "peaks",
            "autocorrelation", "hilbert");
    private static final String VERSION = "\\d+\\.\\d+(\\.\\d+)?\\S*";

    static Path repository() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    @Test
    void stampNamesTheGeneratorItsCommandAndTheVersions() {
        JsonNode g = ReferenceData.node("generator");
        assertEquals(ReferenceData.SCRIPT, g.path("script").asText(), "generator.script");
        assertEquals("python3 " + ReferenceData.SCRIPT, g.path("command").asText(), "generator.command");
        for (String tool : new String[] {"python", "numpy", "scipy"}) {
            String v = g.path(tool).asText();
            assertTrue(v.matches(VERSION), () -> "generator." + tool + " is not a version: '" + v + "'");
        }
        LocalDate date = LocalDate.parse(g.path("date").asText());
        assertFalse(date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1)), () -> "generator.date in the future: " + date);
    }

    @Test
    void generatorIsInTheRepositoryAndDocumentsHowToRegenerate() throws IOException {
        Path script = repository().resolve(ReferenceData.SCRIPT);
        assertTrue(Files.isRegularFile(script), () -> "generator not found: " + script);
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#!/usr/bin/env python3\n\"\"\""), "the script opens with a docstring");
        String doc = text.substring(text.indexOf("\"\"\"") + 3, text.indexOf("\"\"\"", text.indexOf("\"\"\"") + 3));
        assertTrue(doc.contains(ReferenceData.node("generator").path("command").asText()),
                "the docstring gives the regeneration command");
        assertTrue(doc.contains("src/test/resources/" + ReferenceData.RESOURCE), "the docstring names the file it writes");
        assertTrue(text.contains("RESOURCE = \"src/test/resources/" + ReferenceData.RESOURCE + "\""),
                "the script writes the resource the tests read");
    }

    @Test
    void everySectionIsReadByATestAndEveryInputIsUsed() {
        Set<String> keys = new TreeSet<>();
        ReferenceData.root().fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(SECTIONS), keys, "top-level sections");
        Set<String> inputs = new TreeSet<>();
        ReferenceData.node("inputs").fieldNames().forEachRemaining(inputs::add);
        Set<String> used = new TreeSet<>();
        for (String section : SECTIONS) {
            if (section.equals("generator") || section.equals("inputs")) {
                continue;
            }
            for (JsonNode e : ReferenceData.list(section)) {
                String name = e.path("input").asText();
                assertTrue(inputs.contains(name), () -> section + " entry uses unknown input '" + name + "'");
                used.add(name);
                if (e.has("fs")) {
                    assertEquals(ReferenceData.node("inputs").get(name).get("fs").asDouble(), e.get("fs").asDouble(),
                            () -> section + " entry's sample rate is not its input's: " + ReferenceData.text(e, "where"));
                }
            }
        }
        assertEquals(inputs, used, "inputs that no entry uses");
        for (String name : inputs) {
            assertTrue(ReferenceData.input(name).length > 0, name);
        }
    }

    /**
     * Optional: reruns the generator into a temporary file and compares everything but the date
     * and the Python version. Skipped, with the reason, when python3, numpy or scipy is missing or
     * when numpy/scipy are not the versions in the stamp (then regenerate and review the diff).
     */
    @Test
    void regeneratingWithTheStampedVersionsGivesTheSameFile(@TempDir Path dir) throws Exception {
        JsonNode stamp = ReferenceData.node("generator");
        List<String> versions = python(List.of("-c", "import numpy, scipy; print(numpy.__version__); print(scipy.__version__)"));
        String numpy = versions.get(0);
        String scipy = versions.get(1);
        assumeTrue(numpy.equals(stamp.path("numpy").asText()) && scipy.equals(stamp.path("scipy").asText()),
                () -> "python3 has numpy " + numpy + ", scipy " + scipy + " but the reference file was made with numpy "
                        + stamp.path("numpy").asText() + ", scipy " + stamp.path("scipy").asText()
                        + ": not compared (regenerate with '" + stamp.path("command").asText() + "' and review the diff)");
        Path out = dir.resolve("scipy-reference.json");
        String script = repository().resolve(ReferenceData.SCRIPT).toString();
        Process p = new ProcessBuilder("python3", script, "--output", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), () -> "generator failed:\n" + log);
        JsonNode regenerated = new ObjectMapper().readTree(out.toFile());
        JsonNode committed = ReferenceData.root().deepCopy();
        for (JsonNode tree : new JsonNode[] {regenerated, committed}) {
            ((ObjectNode) tree.get("generator")).remove(List.of("date", "python"));
        }
        List<String> differences = new ArrayList<>();
        diff("", committed, regenerated, differences);
        if (!differences.isEmpty()) {
            fail("the committed reference file is not what '" + stamp.path("command").asText() + "' gives now ("
                    + differences.size() + " differences; regenerate and commit): " + String.join("; ", differences));
        }
    }

    /**
     * Runs python3 with the arguments and returns its output lines; skips the calling test, with
     * the reason, when python3 is missing or fails (e.g. without numpy or scipy).
     */
    private static List<String> python(List<String> args) throws InterruptedException, IOException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "regeneration not checked: python3 not found (" + e.getMessage() + ")");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String last = out.lines().reduce((a, b) -> b).orElse("");
        assumeTrue(done && p.exitValue() == 0, () -> "regeneration not checked: python3 without numpy and scipy (" + last + ")");
        return out.lines().toList();
    }

    /** Paths where two trees differ, at most 5 of them. */
    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() >= 5 || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!a.has(n) || !b.has(n)) {
                    out.add(path + "/" + n + (a.has(n) ? " only in the committed file" : " only in the regenerated one"));
                } else {
                    diff(path + "/" + n, a.get(n), b.get(n), out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                diff(path + "[" + i + "]", ia.next(), ib.next(), out);
            }
        } else {
            out.add(path + ": " + abbreviate(a) + " vs " + abbreviate(b));
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
