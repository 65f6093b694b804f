package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/clonus itself, run as a process from another directory. Runs only when a jar newer than the sources
 * is already built (from an earlier 'mvn package'), because the launcher would otherwise start a build
 * inside this build; skipped otherwise.
 */
class LauncherTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = REPO.resolve("bin/clonus");

    @TempDir
    Path dir;

    @Test
    void launcherIsExecutable() {
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER + " missing");
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " must be executable (git update-index --chmod=+x)");
    }

    @Test
    void runsTheJarFromAnyDirectoryWithJavaOpts() throws Exception {
        assumeTrue(upToDateJar().isPresent(), "no target/clonus-*-cli.jar newer than the sources: run 'mvn package'");
        Path csv = Cli.csv(dir.resolve("rec.csv"), Cli.sustained(42).signal(), "EMG");

        Result version = exec(List.of(LAUNCHER.toString(), "--version"), null);
        assertEquals(0, version.status, version.err);
        assertTrue(version.out.matches("(?s)clonus \\d+\\.\\d+\\.\\d+.*"), "version from the manifest: " + version.out);

        Result r = exec(List.of(LAUNCHER.toString(), "analyze", "--format", "json", "-q", "rec.csv"),
                "-XshowSettings:properties");
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("java.awt.headless = true"), "JAVA_OPTS reached java");
        JsonNode result = new ObjectMapper().readTree(r.out);
        assertEquals("rec.csv", result.get("file").asText(), "relative to the caller's directory");
        assertEquals("SUSTAINED", result.get("classification").asText());

        Result bad = exec(List.of(LAUNCHER.toString(), "analyze", "--format", "xml", csv.toString()), null);
        assertEquals(2, bad.status, bad.err);
    }

    private record Result(int status, String out, String err) {
    }

    private Result exec(List<String> command, String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/clonus did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The shaded jar, if it exists and no source or the pom is newer (then the launcher would rebuild). */
    private static Optional<Path> upToDateJar() throws IOException {
        Path target = REPO.resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        Optional<Path> jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().matches("clonus-.*-cli\\.jar")).findFirst();
        }
        if (jar.isEmpty()) {
            return jar;
        }
        FileTime built = Files.getLastModifiedTime(jar.get());
        try (Stream<Path> s = Stream.concat(Files.walk(REPO.resolve("src/main")), Stream.of(REPO.resolve("pom.xml")))) {
            boolean stale = s.filter(Files::isRegularFile).anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
            return stale ? Optional.empty() : jar;
        }
    }
}
