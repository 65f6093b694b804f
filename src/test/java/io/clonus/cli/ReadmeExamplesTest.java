package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example output in the README is what the program prints: each fenced block preceded by a marker
 * {@code <!-- output of: clonus ARGS -->} is compared with the output of {@code clonus ARGS} run from the
 * repository root; {@code <!-- output of (json, shortened): clonus ARGS -->} compares a JSON Lines example
 * whose arrays may end in {@code "…"} (the rest left out) with the real objects; {@code (csv, first N rows)}
 * compares the first rows of standard output, {@code (file PATH, first N rows)} those of a file the command
 * writes. Run {@code mvn test -Dtest=ReadmeExamplesTest -Dreadme.print=true} to print the
 * current outputs for pasting.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern MARKER = Pattern.compile(
            "<!-- output of(?: \\((json, shortened|[a-z]+, first \\d+ rows|file \\S+, first \\d+ rows)\\))?: clonus (.+?) -->"
                    + "\\s*\\n```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Example(String mode, String args, String shown) {
    }

    static List<Example> examples() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.add(new Example(m.group(1), m.group(2).strip(), m.group(3)));
        }
        return out;
    }

    @Test
    void theReadmeHasCheckedExamples() throws IOException {
        assertTrue(examples().size() >= 4, "the README's example outputs carry their markers: " + examples());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsWhatTheProgramPrints() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest("clonus " + e.args(), () -> check(e)));
    }

    private static void check(Example e) throws IOException {
        Cli.Run r = Cli.run(e.args().split(" +"));
        String out = r.out().strip();
        if (Boolean.getBoolean("readme.print")) {
            System.out.println("=== clonus " + e.args() + "\n" + out);
        }
        assertEquals(0, r.status(), r::toString);
        if (e.mode() == null) {
            assertEquals(e.shown().strip(), out, "the README shows another output for clonus " + e.args());
        } else if (e.mode().startsWith("json")) {
            String[] shown = e.shown().strip().split("\n");
            String[] real = out.split("\n");
            assertEquals(shown.length, real.length, "one object per signal");
            for (int i = 0; i < shown.length; i++) {
                compare(JSON.readTree(shown[i]), JSON.readTree(real[i]), "");
            }
        } else {
            int n = Integer.parseInt(e.mode().replaceAll("^.*first (\\d+) rows$", "$1"));
            String[] shown = e.shown().strip().split("\n");
            String[] real = e.mode().startsWith("file ")
                    ? Files.readString(Path.of(e.mode().split(" ")[1].replace(",", "")), StandardCharsets.UTF_8)
                            .strip().split("\n")
                    : out.split("\n");
            assertEquals(n, shown.length, "the README shows the first " + n + " rows");
            for (int i = 0; i < n; i++) {
                assertEquals(shown[i], real[i], "row " + (i + 1) + " of clonus " + e.args());
            }
        }
    }

    /** The shown JSON equals the real one, but arrays ending in "…" need only begin the same. */
    private static void compare(JsonNode shown, JsonNode real, String path) {
        if (shown.isArray()) {
            assertTrue(real.isArray(), path + " is an array");
            int n = shown.size();
            boolean shortened = n > 0 && shown.get(n - 1).isTextual() && shown.get(n - 1).asText().equals("…");
            if (!shortened) {
                assertEquals(n, real.size(), path + " length");
            }
            for (int i = 0; i < (shortened ? n - 1 : n); i++) {
                compare(shown.get(i), real.get(i), path + "[" + i + "]");
            }
        } else if (shown.isObject()) {
            List<String> a = new ArrayList<>();
            shown.fieldNames().forEachRemaining(a::add);
            List<String> b = new ArrayList<>();
            real.fieldNames().forEachRemaining(b::add);
            assertEquals(b, a, "keys of " + (path.isEmpty() ? "the object" : path));
            for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                compare(f.getValue(), real.get(f.getKey()), path + "." + f.getKey());
            }
        } else if (!shown.equals(real)) {
            fail(path + ": the README shows " + shown + ", the program prints " + real);
        }
    }
}
