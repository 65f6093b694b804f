package io.clonus.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python package's tests ({@code python3 -m unittest discover -s python/tests}) against the jar
 * that {@code package} has just built: {@code clonus.analyze} on the sample recordings compared with
 * {@code bin/clonus analyze --format json}, bad input, and the setup errors. Run by maven-failsafe-plugin
 * at {@code integration-test}, after {@code package}.
 *
 * <p>Python 3 with JPype and NumPy is required, not optional: without them this test fails and says how to
 * install them. The interpreter is {@code $CLONUS_PYTHON}, else the first of {@code python3} on the PATH
 * and {@code /usr/bin/python3} that imports jpype and numpy (Debian's python3-jpype serves the system
 * Python, which need not be the first python3 on the PATH).
 */
class PythonPackageIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final long TIMEOUT_MIN = 20;

    @Test
    void pythonTestsPass() throws Exception {
        Path jar = cliJar();
        String python = pythonWithJpype();
        Path log = REPO.resolve("target").resolve("python-tests.log");
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "unittest", "discover", "-v", "-s", "python/tests")
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("CLONUS_JAR", jar.toString());
        String path = env.get("PYTHONPATH");
        env.put("PYTHONPATH", REPO.resolve("python") + (path == null || path.isEmpty() ? "" : File.pathSeparator + path));
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MIN, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the Python tests did not finish in " + TIMEOUT_MIN + " minutes; output so far:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("Python tests (" + python + ", CLONUS_JAR=" + jar + "):\n" + out);
        assertEquals(0, p.exitValue(), "the Python tests failed (" + python + "; log in " + log + "):\n" + out);
        Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests? in ").matcher(out);
        assertTrue(ran.find(), "no 'Ran N tests' line in the unittest output:\n" + out);
        assertTrue(Integer.parseInt(ran.group(1)) > 0, "unittest found no tests in python/tests:\n" + out);
        assertTrue(Pattern.compile("(?m)^OK\\b").matcher(out).find(), "unittest did not report OK:\n" + out);
    }

    /** The jar bin/clonus runs: the newest target/clonus-*-cli.jar. */
    private static Path cliJar() throws IOException {
        Path target = REPO.resolve("target");
        Optional<Path> jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(f -> f.getFileName().toString().matches("clonus-.*-cli\\.jar"))
                    .max(Comparator.comparingLong(f -> f.toFile().lastModified()));
        }
        assertTrue(jar.isPresent(), "no target/clonus-<version>-cli.jar: this test runs after 'package' (mvn verify)");
        return jar.get();
    }

    private static String pythonWithJpype() throws InterruptedException {
        Set<String> candidates = new LinkedHashSet<>();
        String chosen = System.getenv("CLONUS_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        List<String> tried = new ArrayList<>();
        for (String py : candidates) {
            String problem = problem(py);
            if (problem == null) {
                return py;
            }
            tried.add(py + ": " + problem);
        }
        fail("the Python package's tests need Python 3 with JPype and NumPy, and none was found ("
                + String.join("; ", tried) + "). Install them with 'apt-get install -y python3-jpype' (Debian,"
                + " Ubuntu; it brings python3-numpy) or 'pip install JPype1 numpy', or set CLONUS_PYTHON to a"
                + " Python that has them.");
        return null;
    }

    /** @return why this Python cannot run the tests, or null when it can */
    private static String problem(String python) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python, "-c", "import jpype, numpy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "did not answer";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String[] lines = out.split("\\R");
            return lines[lines.length - 1];
        } catch (IOException e) {
            return "not found (" + e.getMessage() + ")";
        }
    }
}
