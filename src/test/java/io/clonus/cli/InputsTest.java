package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories and globs, expanded by the tool itself. */
class InputsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws IOException {
        for (String f : List.of("data/b.csv", "data/a.CSV", "data/sub/c.edf", "data/sub/deeper/d.tsv",
                "data/sub/notes.md", "data/sub/f.MAT", "data/x1.txt", "data/x22.txt", "other/e.bdf")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        Files.createDirectories(dir.resolve("empty"));
    }

    private List<String> shown(String... args) {
        return Inputs.expand(List.of(args), dir).files().stream().map(Inputs.Input::shown).toList();
    }

    @Test
    void directoriesAreSearchedRecursivelyForRecordingsOnly() {
        assertEquals(List.of("data/a.CSV", "data/b.csv", "data/sub/c.edf", "data/sub/deeper/d.tsv", "data/sub/f.MAT",
                "data/x1.txt", "data/x22.txt"), shown("data"));
    }

    @Test
    void globsWithStarQuestionMarkAndDoubleStar() {
        assertEquals(List.of("data/b.csv"), shown("data/*.csv"));
        assertEquals(List.of("data/x1.txt"), shown("data/x?.txt"));
        assertEquals(List.of("data/x1.txt", "data/x22.txt"), shown("data/x*"));
        assertEquals(List.of("data/sub/c.edf", "data/sub/deeper/d.tsv", "data/sub/f.MAT"), shown("data/sub/**"));
        assertEquals(List.of("data/b.csv"), shown("data/**/*.csv"), "** also matches no directory");
        assertEquals(List.of("data/sub/c.edf", "other/e.bdf"), shown("*/**/*.{edf,bdf}"));
        assertEquals(List.of("data/a.CSV", "data/b.csv"), shown("data/[ab].*"));
    }

    @Test
    void aFileNamedTwiceIsAnalysedOnce() {
        assertEquals(List.of("data/b.csv", "data/a.CSV", "data/sub/c.edf", "data/sub/deeper/d.tsv", "data/sub/f.MAT",
                "data/x1.txt", "data/x22.txt"), shown("data/b.csv", "data", "data/*.csv"));
    }

    @Test
    void problemsComeInArgumentOrder() {
        Inputs.Expansion e = Inputs.expand(List.of("data/b.csv", "nothing/*.csv", "missing.csv", "empty",
                "other"), dir);
        assertEquals(List.of("data/b.csv", "other/e.bdf"), e.files().stream().map(Inputs.Input::shown).toList());
        assertEquals(List.of(
                new Failure("nothing/*.csv", "pattern matches no .csv .txt .tsv .edf .bdf .mat file"),
                new Failure("missing.csv", "no such file or directory"),
                new Failure("empty", "directory holds no .csv .txt .tsv .edf .bdf .mat file")), e.problems());
        assertTrue(e.items().get(1).problem() != null && e.items().get(4).input() != null);
    }

    @Test
    void theCommandExpandsAbsoluteGlobsAndDirectories() throws IOException {
        Path rec = dir.resolve("recs");
        Files.createDirectories(rec.resolve("day2"));
        Cli.csv(rec.resolve("p1.csv"), Cli.sustained(42).signal(), "EMG");
        Cli.csv(rec.resolve("day2/p2.csv"), Cli.none(44).signal(), "EMG");
        Cli.Run glob = Cli.run("analyze", "-q", "--format", "csv", rec + "/**/*.csv", rec + "/*.nothing");
        assertEquals(1, glob.status(), glob::toString);
        List<List<String>> rows = OutputFormatsTest.parseCsv(glob.out());
        assertEquals(List.of(rec + "/day2/p2.csv", rec + "/p1.csv"), List.of(rows.get(1).get(0), rows.get(2).get(0)));
        assertEquals(List.of("clonus: " + rec + "/*.nothing: pattern matches no .csv .txt .tsv .edf .bdf .mat"
                + " file"), glob.errLines());
        Cli.Run directory = Cli.run("analyze", "-q", "--format", "csv", rec.toString());
        assertEquals(0, directory.status(), directory::toString);
        assertEquals(3, OutputFormatsTest.parseCsv(directory.out()).size());
    }
}
