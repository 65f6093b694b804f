package io.clonus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artefacts that {@code mvn package} leaves in target/, checked by maven-failsafe-plugin after they are
 * built: the library jar holds the library and nothing of the command-line tool, names its module, and comes
 * with sources and Javadoc; the shaded -cli jar runs alone, MATLAB files included; and a library user inherits no
 * command-line or test library, nor the optional MAT-file reader MFL, which is proven by compiling and running a
 * small program against exactly the jars a user gets (and, for .mat files, those jars and MFL).
 *
 * <p>The build passes the version, target/ and the local repository as system properties (see the failsafe
 * configuration in pom.xml); what a user inherits is read from target/dependency-tree.json, the verbose
 * dependency graph the dependency plugin writes during package.
 */
class ArtifactsIT {
    private static final String VERSION = property("clonus.version");
    private static final Path TARGET = Path.of(property("clonus.buildDirectory"));
    private static final String FINAL_NAME = property("clonus.finalName");
    private static final Path LOCAL_REPOSITORY = Path.of(property("clonus.localRepository"));

    private static final Path LIBRARY_JAR = TARGET.resolve(FINAL_NAME + ".jar");
    private static final Path SOURCES_JAR = TARGET.resolve(FINAL_NAME + "-sources.jar");
    private static final Path JAVADOC_JAR = TARGET.resolve(FINAL_NAME + "-javadoc.jar");
    private static final Path CLI_JAR = TARGET.resolve(FINAL_NAME + "-cli.jar");
    private static final String CLI_PACKAGE = "io/clonus/cli/";

    /**
     * Group ids that belong to the command-line tool or to the tests and must never reach a library user, and
     * MFL, which the library uses for .mat files but only as an optional dependency (a user who reads them
     * declares it).
     */
    private static final List<String> NOT_FOR_USERS = List.of("info.picocli", "com.fasterxml.jackson",
            "org.knowm.xchart", "de.erichseifert", "de.rototor", "org.apache.pdfbox", "com.madgag", "org.junit",
            "junit", "org.opentest4j", "org.apiguardian", "org.openjdk.jmh", "us.hebi.matlab");
    private static final String MFL = "us.hebi.matlab.mat:mfl-core";

    @TempDir
    Path dir;

    @Test
    void libraryJarHoldsEveryLibraryClassAndNoCommandLineClass() throws IOException {
        Set<String> inJar = entries(LIBRARY_JAR).stream().filter(e -> e.endsWith(".class"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> compiled;
        Path classes = TARGET.resolve("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            compiled = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> cli = compiled.stream().filter(c -> c.startsWith(CLI_PACKAGE))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(cli.contains(CLI_PACKAGE + "Main.class"), "the command-line classes are compiled: " + cli);

        List<String> leaked = inJar.stream().filter(c -> c.startsWith(CLI_PACKAGE)).toList();
        assertEquals(List.of(), leaked, LIBRARY_JAR + " must not hold the command-line tool");
        Set<String> library = new TreeSet<>(compiled);
        library.removeAll(cli);
        assertEquals(library, inJar, LIBRARY_JAR + " holds exactly the compiled library classes");
        for (String entry : entries(LIBRARY_JAR)) {
            assertTrue(entry.startsWith("io/clonus/") || entry.startsWith("META-INF/") || "io/".equals(entry),
                    "only the library's own classes and metadata, found " + entry);
        }
    }

    @Test
    void libraryJarNamesItsModule() throws IOException {
        Attributes main = manifest(LIBRARY_JAR);
        assertEquals("io.clonus", main.getValue("Automatic-Module-Name"));
        assertEquals(VERSION, main.getValue("Implementation-Version"));
        assertNull(main.getValue("Main-Class"), "the library jar is not the tool");
    }

    @Test
    void sourcesJarHoldsTheLibrarySourcesWithPackageDocs() throws IOException {
        List<String> sources = entries(SOURCES_JAR);
        assertTrue(sources.contains("io/clonus/detect/ClonusDetector.java"), "sources of the API: " + SOURCES_JAR);
        assertFalse(sources.stream().anyMatch(e -> e.startsWith(CLI_PACKAGE)), "no command-line sources");
        Set<String> packages = sources.stream().filter(e -> e.endsWith(".java"))
                .map(e -> e.substring(0, e.lastIndexOf('/'))).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(packages.size() >= 9, "every library package: " + packages);
        for (String p : packages) {
            assertTrue(sources.contains(p + "/package-info.java"), p + " has no package-info.java");
        }
    }

    @Test
    void javadocJarDocumentsTheLibraryOnly() throws IOException {
        List<String> docs = entries(JAVADOC_JAR);
        for (String page : List.of("index.html", "io/clonus/detect/ClonusDetector.html",
                "io/clonus/detect/package-summary.html", "io/clonus/dsp/package-summary.html")) {
            assertTrue(docs.contains(page), page + " in " + JAVADOC_JAR);
        }
        assertFalse(docs.stream().anyMatch(e -> e.startsWith(CLI_PACKAGE)), "no Javadoc of the command-line tool");
    }

    @Test
    void cliJarRunsAlone() throws Exception {
        List<String> entries = entries(CLI_JAR);
        for (String c : List.of(CLI_PACKAGE + "Main.class", "io/clonus/detect/ClonusDetector.class",
                "picocli/CommandLine.class", "com/fasterxml/jackson/core/JsonFactory.class",
                "org/knowm/xchart/XYChart.class", "us/hebi/matlab/mat/format/Mat5Reader.class")) {
            assertTrue(entries.contains(c), c + " in " + CLI_JAR);
        }
        Attributes main = manifest(CLI_JAR);
        assertEquals("io.clonus.cli.Main", main.getValue("Main-Class"));
        assertNull(main.getValue("Automatic-Module-Name"), "the application jar does not claim the module name");
        assertFalse(entries.stream().anyMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")),
                "no dependency signature survives shading");

        Run version = java(dir, "-jar", CLI_JAR.toString(), "--version");
        assertEquals(0, version.status, version.err);
        assertTrue(version.out.startsWith("clonus " + VERSION), version.out);

        // bin/clonus analyze x.mat: MFL is in the jar
        Path mat = clonusMat(dir.resolve("x.mat"));
        Run analyze = java(dir, "-Djava.awt.headless=true", "-jar", CLI_JAR.toString(), "analyze", "-q", "--format",
                "csv", mat.toString());
        assertEquals(0, analyze.status, analyze.err);
        assertTrue(analyze.out.lines().skip(1).findFirst().orElse("").contains(",EMG,"), analyze.out);
        assertTrue(analyze.out.contains(",SUSTAINED,"), analyze.out);
    }

    /** A MAT-file, written with MFL (here on the test class path), of 20 s of EMG with 12 beats of clonus. */
    private static Path clonusMat(Path file) throws IOException {
        double[] x = io.clonus.sim.EmgSimulator.builder(2000, 20, 1).noise(5).clonus(4, 12, 6.0, 80).build()
                .signal().toArray(0);
        us.hebi.matlab.mat.types.Matrix emg = us.hebi.matlab.mat.format.Mat5.newMatrix(x.length, 1);
        for (int i = 0; i < x.length; i++) {
            emg.setDouble(i, x[i]);
        }
        us.hebi.matlab.mat.format.Mat5.writeToFile(us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("EMG", emg)
                .addArray("fs", us.hebi.matlab.mat.format.Mat5.newScalar(2000)), file.toFile());
        return file;
    }

    @Test
    void libraryUsersInheritNoCommandLineOrTestLibrary() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TARGET.resolve("dependency-tree.json").toFile());
        assertEquals("io.clonus:clonus:" + VERSION, id(root), "the graph of this build");

        List<JsonNode> inherited = new ArrayList<>();
        inherited(root, inherited);
        Set<String> ids = inherited.stream().map(ArtifactsIT::key).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(ids.containsAll(Set.of("com.github.wendykierp:JTransforms", "org.apache.commons:commons-math3")),
                "the library's own dependencies: " + ids);
        for (String key : ids) {
            for (String banned : NOT_FOR_USERS) {
                assertFalse(key.equals(banned) || key.startsWith(banned + ".") || key.startsWith(banned + ":"),
                        key + " would reach a library user's classpath (make it optional or test-scoped): " + ids);
            }
        }
        // the tool's libraries are in the graph, only not inherited: otherwise the check above proves nothing
        List<JsonNode> all = new ArrayList<>();
        all(root, all);
        for (String cli : List.of("info.picocli:picocli", "com.fasterxml.jackson.core:jackson-core",
                "org.knowm.xchart:xchart", MFL)) {
            assertTrue(all.stream().anyMatch(n -> key(n).equals(cli)), cli + " in " + all.size() + " nodes");
        }
    }

    /**
     * A user's program, compiled and run against the library jar and exactly the jars a user inherits: it
     * detects clonus in a simulated record, and the tool's libraries are absent. A .mat file then gives a clear
     * error naming MFL, the optional dependency; with MFL added to the class path, as a user who reads MATLAB files
     * declares it, the same program analyses the file.
     */
    /**
     * The README's Java example, as a user would paste it into a fresh project that declares only the
     * dependency: compiled and run on exactly the jars that user gets, its output is the one the README shows.
     */
    @Test
    void theReadmesJavaExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile(
                "<!-- java example: [^>]*-->\\s*```java\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL).matcher(readme);
        assertTrue(code.find(), "the README marks its Java example");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile(
                "<!-- output of the java example -->\\s*```\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL).matcher(readme);
        assertTrue(shown.find(), "the README shows the example's output");
        Path dir2 = Files.createDirectories(dir.resolve("readme-example"));
        Path program = Files.writeString(dir2.resolve("FirstLook.java"), code.group(1), StandardCharsets.UTF_8);
        Run run = java(dir2, "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US", "-cp",
                String.join(File.pathSeparator, userClasspath()), program.toString());
        assertEquals(0, run.status, run.err);
        assertEquals(shown.group(1).strip(), run.out.strip(), "the README's Java example prints this now");
    }

    /** The library jar and the jars a user of it inherits, from the local repository. */
    private static List<String> userClasspath() throws IOException {
        List<JsonNode> inherited = new ArrayList<>();
        inherited(new ObjectMapper().readTree(TARGET.resolve("dependency-tree.json").toFile()), inherited);
        List<String> classpath = new ArrayList<>();
        classpath.add(LIBRARY_JAR.toString());
        for (JsonNode n : inherited) {
            Path jar = LOCAL_REPOSITORY.resolve(n.get("groupId").asText().replace('.', '/'))
                    .resolve(n.get("artifactId").asText()).resolve(n.get("version").asText())
                    .resolve(n.get("artifactId").asText() + "-" + n.get("version").asText()
                            + (n.get("classifier").asText().isEmpty() ? "" : "-" + n.get("classifier").asText())
                            + "." + n.get("type").asText());
            assertTrue(Files.isRegularFile(jar), "resolved dependency " + jar);
            classpath.add(jar.toString());
        }
        return classpath;
    }

    @Test
    void aUsersProgramRunsOnTheInheritedClasspathAlone() throws Exception {
        JsonNode root = new ObjectMapper().readTree(TARGET.resolve("dependency-tree.json").toFile());
        List<JsonNode> inherited = new ArrayList<>();
        inherited(root, inherited);
        List<String> classpath = new ArrayList<>();
        classpath.add(LIBRARY_JAR.toString());
        for (JsonNode n : inherited) {
            classpath.add(jar(n).toString());
        }
        Path program = Files.writeString(dir.resolve("UserProgram.java"), String.join("\n",
                "import io.clonus.analysis.*;",
                "import io.clonus.detect.*;",
                "import io.clonus.sim.*;",
                "public class UserProgram {",
                "    public static void main(String[] args) {",
                "        SimulatedRecording r = EmgSimulator.builder(2000, 12, 7).noise(5)",
                "                .clonus(3.0, 12, 6.0, 60).build();",
                "        ClonusResult result = ClonusDetector.create().analyze(r.signal());",
                "        System.out.println(result.classification() + \" \" + result.beatCount());",
                "        for (String c : new String[] {\"picocli.CommandLine\",",
                "                \"com.fasterxml.jackson.core.JsonFactory\", \"org.knowm.xchart.XYChart\",",
                "                \"io.clonus.cli.Main\", \"us.hebi.matlab.mat.format.Mat5\"}) {",
                "            try {",
                "                Class.forName(c);",
                "                System.out.println(\"present \" + c);",
                "            } catch (ClassNotFoundException expected) {",
                "                System.out.println(\"absent \" + c);",
                "            }",
                "        }",
                "        RecordingAnalyzer.FileResult mat = RecordingAnalyzer.create()",
                "                .analyze(java.nio.file.Path.of(args[0]));",
                "        System.out.println(mat.error() != null ? \"error: \" + mat.error()",
                "                : mat.signals().get(0).source().channel() + \" \"",
                "                        + mat.signals().get(0).result().classification());",
                "    }",
                "}", ""), StandardCharsets.UTF_8);
        Path mat = clonusMat(dir.resolve("x.mat"));

        Run run = java(dir, "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, classpath),
                program.toString(), mat.toString());
        assertEquals(0, run.status, run.err);
        List<String> lines = run.out.lines().toList();
        assertTrue(lines.get(0).matches("SUSTAINED 1[0-4]"), "12 simulated beats found: " + run.out);
        assertEquals(List.of("absent picocli.CommandLine", "absent com.fasterxml.jackson.core.JsonFactory",
                "absent org.knowm.xchart.XYChart", "absent io.clonus.cli.Main", "absent us.hebi.matlab.mat.format.Mat5",
                "error: reading MATLAB .mat files needs MFL, the optional dependency us.hebi.matlab.mat:mfl-core"
                        + " (0.5.15), on the class path; add it to your build"), lines.subList(1, lines.size()));

        List<JsonNode> all = new ArrayList<>();
        all(root, all);
        JsonNode mfl = all.stream().filter(n -> key(n).equals(MFL)).findFirst().orElseThrow();
        assertEquals(List.of(), mfl.path("children").findValuesAsText("artifactId"), "MFL brings nothing else");
        classpath.add(jar(mfl).toString());
        Run withMfl = java(dir, "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, classpath),
                program.toString(), mat.toString());
        assertEquals(0, withMfl.status, withMfl.err);
        List<String> out = withMfl.out.lines().toList();
        assertEquals("present us.hebi.matlab.mat.format.Mat5", out.get(5));
        assertEquals("EMG SUSTAINED", out.get(6), withMfl.out);
    }

    /** The jar of a node of the dependency graph, in the local repository. */
    private static Path jar(JsonNode n) {
        Path jar = LOCAL_REPOSITORY.resolve(n.get("groupId").asText().replace('.', '/'))
                .resolve(n.get("artifactId").asText()).resolve(n.get("version").asText())
                .resolve(n.get("artifactId").asText() + "-" + n.get("version").asText()
                        + (n.get("classifier").asText().isEmpty() ? "" : "-" + n.get("classifier").asText())
                        + "." + n.get("type").asText());
        assertTrue(Files.isRegularFile(jar), "resolved dependency " + jar);
        return jar;
    }

    /** The nodes a user inherits: compile or runtime scope and not optional, through such nodes only. */
    private static void inherited(JsonNode node, List<JsonNode> out) {
        for (JsonNode child : node.path("children")) {
            String scope = child.get("scope").asText();
            boolean optional = child.get("optional").asBoolean();
            if ((scope.equals("compile") || scope.equals("runtime")) && !optional) {
                if (out.stream().noneMatch(n -> id(n).equals(id(child)))) {
                    out.add(child);
                }
                inherited(child, out);
            }
        }
    }

    private static void all(JsonNode node, List<JsonNode> out) {
        for (JsonNode child : node.path("children")) {
            out.add(child);
            all(child, out);
        }
    }

    private static String key(JsonNode n) {
        return n.get("groupId").asText() + ":" + n.get("artifactId").asText();
    }

    private static String id(JsonNode n) {
        return key(n) + ":" + n.get("version").asText();
    }

    private static List<String> entries(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(JarEntry::getName).toList();
        }
    }

    private static Attributes manifest(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (JarFile j = new JarFile(jar.toFile())) {
            if (j.getManifest() == null) {
                fail(jar + " has no manifest");
            }
            return j.getManifest().getMainAttributes();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run java(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout");
        Path err = workDir.resolve("stderr");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("java " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), read(out), read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this test through 'mvn verify' (failsafe)");
        }
        return value;
    }
}
