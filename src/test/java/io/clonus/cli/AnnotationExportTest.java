package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clonus.io.edf.EdfAnnotation;
import io.clonus.io.edf.EdfReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --annotations writes an EDF+ file that reads back with one annotation per episode. */
class AnnotationExportTest {
    @TempDir
    Path dir;

    @Test
    void roundTripFromEdfKeepsTheStartTimeAndEveryEpisode() throws IOException {
        Path edf = Cli.edf(dir.resolve("session.edf"),
                new Cli.EdfSignal("EMG L TA", "uV", 2000, Cli.axis(Cli.sustained(42), 0)),
                new Cli.EdfSignal("EMG R TA", "uV", 2000, Cli.axis(Cli.unsustained(43), 0)));
        Path out = dir.resolve("session-clonus.edf");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--annotations", out.toString(), edf.toString());
        assertEquals(0, r.status(), r::toString);
        List<JsonNode> results = r.json();

        try (EdfReader back = EdfReader.open(out)) {
            assertTrue(back.header().isAnnotationOnly());
            assertTrue(back.header().format().isPlus());
            assertEquals(Cli.START, back.header().start(), "aligned with the signal file in EDFbrowser");
            List<EdfAnnotation> annotations = back.annotations();
            assertEquals(2, annotations.size());
            JsonNode left = results.get(0).get("episodes").get(0);
            JsonNode right = results.get(1).get("episodes").get(0);
            check(annotations.get(0), left, "clonus SUSTAINED 12 beats %.1f Hz SCATS 1 [EMG L TA]");
            check(annotations.get(1), right, "clonus UNSUSTAINED 4 beats %.1f Hz SCATS 1 [EMG R TA]");
        }
    }

    private static void check(EdfAnnotation a, JsonNode episode, String text) {
        assertEquals(episode.get("startS").asDouble(), a.onsetS(), 1e-4);
        assertEquals(episode.get("durationS").asDouble(), a.durationS(), 1e-4);
        assertEquals(String.format(java.util.Locale.ROOT, text, episode.get("frequencyHz").asDouble()), a.text());
    }

    @Test
    void delimitedTextGetsTheFixedStartAndNoEpisodeGivesAnEmptyFile() throws IOException {
        Path csv = Cli.csv(dir.resolve("rec.csv"), Cli.sustained(42).signal(), "EMG");
        Path out = dir.resolve("rec.edf");
        assertEquals(0, Cli.run("analyze", "-q", "--annotations", out.toString(), csv.toString()).status());
        try (EdfReader back = EdfReader.open(out)) {
            assertEquals(LocalDateTime.of(1985, 1, 1, 0, 0, 0), back.header().start());
            assertTrue(back.header().recordingId().startsWith("Startdate X"), back.header().recordingId());
            assertEquals(1, back.annotations().size());
            assertTrue(back.annotations().get(0).text().startsWith("clonus SUSTAINED 12 beats"));
        }
        Path quiet = Cli.csv(dir.resolve("quiet.csv"), Cli.none(44).signal(), "EMG");
        Path none = dir.resolve("none.edf");
        assertEquals(0, Cli.run("analyze", "-q", "--annotations", none.toString(), quiet.toString()).status());
        try (EdfReader back = EdfReader.open(none)) {
            assertEquals(List.of(), back.annotations());
        }
        Path unreadable = java.nio.file.Files.writeString(dir.resolve("broken.csv"), "time,EMG\n0,x\n");
        Path nothing = dir.resolve("nothing.edf");
        assertEquals(1, Cli.run("analyze", "-q", "--annotations", nothing.toString(), unreadable.toString()).status());
        assertTrue(!java.nio.file.Files.exists(nothing), "no annotation file for an input that could not be read");
    }
}
