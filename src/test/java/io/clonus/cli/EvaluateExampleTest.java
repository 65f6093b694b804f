package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.clonus.detect.DetectorConfig;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the README's section on {@code clonus evaluate}: a simulated cohort of four 2-minute soleus
 * EMG recordings, annotated by an imperfect simulated rater (onsets off by a few tenths of a second, a beat miscounted,
 * one episode forgotten, a tonic contraction taken for clonus, a recording without clonus), and the report of
 * {@code clonus evaluate target/evaluate-example}, committed as {@code docs/evaluate-example.txt} with its pictures
 * {@code docs/evaluate-bland-altman.png} and {@code docs/evaluate-timeline.png}.
 *
 * <p>Every run checks that the committed report is what the command prints now. To regenerate after a change of the
 * detector or of the report: {@code mvn test -Dtest=EvaluateExampleTest -Dclonus.regenerateDocs=true}.
 */
class EvaluateExampleTest {
    /** Where the cohort is written, relative to the project, so that the report shows short paths. */
    static final Path COHORT = Path.of("target", "evaluate-example");
    static final Path REPORT = Path.of("docs", "evaluate-example.txt");

    /**
     * Writes the cohort: EDF+ recordings p01-p04 with their rater's reference beside each, p01 as an EDF+ annotation
     * file (as EDFbrowser exports one), the others as CSV.
     *
     * @param dir the folder
     * @throws IOException if a file cannot be written
     */
    static void writeCohort(Path dir) throws IOException {
        Files.createDirectories(dir);
        // p01: three episodes; the rater's onsets and ends are off by up to 0.2 s, and 25 beats counted as 24
        SimulatedRecording p01 = EmgSimulator.builder(2000, 120, 101).noise(5).mains(50, 8).drift(10, 20)
                .clonus(10, 12, 6.0, 80).clonus(45, 4, 6.5, 70).clonus(80, 25, 5.5, 90).build();
        write(dir.resolve("p01.edf"), p01);
        List<TrueEpisode> t1 = p01.clonusEpisodes(DetectorConfig.defaults());
        EdfWriter a = EdfWriter.edfPlus().start(Cli.START).recording("rater A");
        double[][] off = {{0.15, -0.1}, {-0.2, 0.05}, {0.1, 0.2}};
        int[] beats = {12, 4, 24};
        for (int i = 0; i < 3; i++) {
            TrueEpisode t = t1.get(i);
            a.addAnnotation(round(t.startS() + off[i][0]), round(t.durationS() - off[i][0] + off[i][1]),
                    "clonus " + beats[i] + " beats");
        }
        a.addAnnotation(2, 0, "Recording starts");
        a.write(dir.resolve("p01_annotations.edf"));

        // p02: one episode, and a tonic contraction the rater marked as clonus too
        SimulatedRecording p02 = EmgSimulator.builder(2000, 120, 102).noise(5).mains(50, 8)
                .clonus(15, 8, 7.0, 80).tonic(50, 10, 60, 0.3).build();
        write(dir.resolve("p02.edf"), p02);
        TrueEpisode t2 = p02.clonusEpisodes(DetectorConfig.defaults()).get(0);
        Files.writeString(dir.resolve("p02_annotations.csv"), "start,end,beats,label\n"
                + String.format(Locale.ROOT, "%.2f,%.2f,8,clonus%n", t2.startS() - 0.1, t2.endS() + 0.1)
                + "50.5,53.0,,clonus?\n", StandardCharsets.UTF_8);

        // p03: a long episode and a short one the rater forgot
        SimulatedRecording p03 = EmgSimulator.builder(2000, 120, 103).noise(5).mains(50, 8)
                .clonus(20, 30, 6.0, 80).clonus(70, 6, 6.2, 60).build();
        write(dir.resolve("p03.edf"), p03);
        TrueEpisode t3 = p03.clonusEpisodes(DetectorConfig.defaults()).get(0);
        Files.writeString(dir.resolve("p03_annotations.csv"), "start,end,beats,frequencyHz,label\n"
                + String.format(Locale.ROOT, "%.2f,%.2f,31,6.0,clonus sustained%n", t3.startS() + 0.05, t3.endS() - 0.2),
                StandardCharsets.UTF_8);

        // p04: no clonus, a tonic contraction and voluntary bursts; the rater's file has no event
        SimulatedRecording p04 = EmgSimulator.builder(2000, 120, 104).noise(5).mains(50, 8)
                .tonic(20, 15, 40, 0.3).voluntaryBursts(60, 6, 70).build();
        write(dir.resolve("p04.edf"), p04);
        Files.writeString(dir.resolve("p04_annotations.csv"), "start,end,beats,label\n", StandardCharsets.UTF_8);
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }

    private static void write(Path file, SimulatedRecording r) throws IOException {
        Cli.edf(file, new Cli.EdfSignal("EMG soleus", "uV", 2000, Cli.axis(r, 0)));
    }

    /** The command of the README, as arguments; its report goes to standard output. */
    static String[] command(Path cohort, Path pictures) {
        return new String[] {"evaluate", "--events", pictures.resolve("evaluate-events.csv").toString(), "--plot-dir",
            pictures.toString(), cohort.toString()};
    }

    @Test
    void committedReportIsWhatTheCommandPrints() throws IOException {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path cohort = base.resolve(COHORT);
        writeCohort(cohort);
        Path pictures = base.resolve("target/evaluate-example-pictures");
        // run from the project folder with a relative path, as the README shows
        Cli.Run r = Cli.run(command(base.relativize(cohort), base.relativize(pictures)));
        assertEquals(0, r.status(), r::toString);
        String report = r.out();
        Path committed = base.resolve(REPORT);
        if (Boolean.getBoolean("clonus.regenerateDocs")) {
            Files.writeString(committed, report, StandardCharsets.UTF_8);
            for (String p : new String[] {"bland-altman.png", "timeline.png"}) {
                Files.copy(pictures.resolve(p), base.resolve("docs/evaluate-" + p),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        String expected = Files.readString(committed, StandardCharsets.UTF_8);
        String readme = Files.readString(base.resolve("README.md"), StandardCharsets.UTF_8);
        if (!readme.contains("```\n" + expected + "```\n")) {
            fail("the README's section on clonus evaluate does not show docs/evaluate-example.txt as it is; paste it");
        }
        if (!expected.equals(report)) {
            fail("docs/evaluate-example.txt (the README's example) is not what 'clonus evaluate' prints now;"
                    + " regenerate with: mvn test -Dtest=EvaluateExampleTest -Dclonus.regenerateDocs=true\n--- now:\n"
                    + report);
        }
    }
}
