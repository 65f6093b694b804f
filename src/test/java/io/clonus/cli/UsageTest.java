package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Help, version, and usage errors (status 2, one clear message, no analysis). */
class UsageTest {
    @TempDir
    static Path dir;
    static String a;
    static String b;

    @BeforeAll
    static void files() throws IOException {
        a = Cli.csv(dir.resolve("a.csv"), Cli.sustained(42).signal(), "EMG").toString();
        b = Cli.csv(dir.resolve("b.csv"), Cli.none(44).signal(), "EMG").toString();
    }

    @Test
    void helpAndVersion() {
        Cli.Run top = Cli.run("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().startsWith("Usage: clonus"), top::out);
        assertTrue(top.out().contains("analyze"), top::out);
        Cli.Run sub = Cli.run("analyze", "--help");
        assertEquals(0, sub.status());
        for (String s : new String[] {"Usage: clonus analyze", "--type", "--fs", "--channels", "--band", "--rule",
            "--mains", "--format", "--beats", "--annotations", "--plot", "--plot-dir", "--quiet", "--methods",
            "Exit status", "FILE|DIR|GLOB"}) {
            assertTrue(sub.out().contains(s), () -> s + " missing from\n" + sub.out());
        }
        Cli.Run version = Cli.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("clonus "), version::out);
        assertEquals("", version.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        Cli.Run r = Cli.run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("clonus: missing command"), r::err);
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "analyze                                   | Missing required parameter",
        "analyze --bogus A                         | Unknown option: '--bogus'",
        "analyze --format xml A                    | --format",
        "analyze --type eeg A                      | --type",
        "analyze --fs fast A                       | --fs",
        "analyze --fs 0 A                          | --fs 0.0: the sample rate must be a positive number",
        "analyze --band 9-5 A                      | --band 9-5: clonus band edges reversed",
        "analyze --band five A                     | --band five: give the clonus band as LO-HI",
        "analyze --rule beats:x A                  | --rule beats:x: rule 'beats:N' needs a whole number",
        "analyze --rule often A                    | --rule often: unknown classification rule",
        "analyze --mains 55 A                      | --mains 55: use auto, off, 50 or 60",
        "analyze --plot out.jpg A                  | --plot out.jpg: the file name must end in .png or .svg",
        "analyze --plot-format gif --plot-dir d A  | --plot-format gif: use png or svg",
        "analyze --annotations out.txt A           | --annotations out.txt: the file name must end in .edf",
        "analyze --methods --format csv A          | --methods goes with --format text or json",
        "analyze --plot out.png A B                | --plot takes one input file, but the arguments name 2",
        "analyze --annotations out.edf A B         | --annotations takes one input file, but the arguments name 2",
        "analyze --annotations A A                 | is one of the input files",
    })
    void usageErrors(String line, String message) {
        String[] args = line.trim().split("\\s+");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("A") ? a : args[i].equals("B") ? b : args[i];
        }
        if (line.contains("--annotations A")) {
            args[2] = a.replace(".csv", ".edf"); // an input that is also the output
            args[3] = args[2];
            Cli.csv0(Path.of(args[2]));
        }
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("clonus: "), r::err);
        assertTrue(r.err().contains(message), () -> "expected '" + message + "' in\n" + r.err());
        assertTrue(r.err().contains("Try 'clonus analyze --help'"), r::err);
        assertEquals("", r.out(), "nothing analysed");
    }
}
