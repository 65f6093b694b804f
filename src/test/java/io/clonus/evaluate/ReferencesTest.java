package io.clonus.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.io.edf.EdfWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading reference events from tables and EDF+ annotations, and the errors for what cannot be used. */
class ReferencesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String error(String name, String text) throws IOException {
        Path p = write(name, text);
        ReferenceException e = assertThrows(ReferenceException.class, () -> References.read(p, null));
        assertEquals(p, e.file());
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e.detail();
    }

    @Test
    void startEndTableWithOptionalColumns() throws Exception {
        ReferenceSet set = References.read(write("r.csv", "# rater A\nstart,end,beats,frequencyHz,label,channel,rater\n"
                + "20.5,23,14,6.1,clonus sustained,EMG L,A\n\n10,12.25,,,\"clonus, weak\",,A\n"), null);
        List<ReferenceEvent> e = set.events();
        assertEquals(2, e.size());
        assertEquals(10, e.get(0).startS());
        assertEquals(12.25, e.get(0).endS());
        assertTrue(e.get(0).beats().isEmpty());
        assertEquals("clonus, weak", e.get(0).label());
        assertEquals("line 5", e.get(0).origin(), "lines counted from 1 in the file, comments and blanks included");
        assertEquals(14, e.get(1).beats().getAsInt());
        assertEquals(6.1, e.get(1).frequencyHz().getAsDouble());
        assertEquals("EMG L", e.get(1).channel());
        assertEquals("line 3", e.get(1).origin());
        assertEquals(2, set.read());
        assertTrue(set.notes().get(0).contains("'rater' ignored"), set.notes().toString());
        assertNull(set.start());
    }

    @Test
    void onsetDurationTableWithUnitsInTheHeaderSemicolonsAndDecimalCommas() throws Exception {
        List<ReferenceEvent> e = References.read(write("r.txt", "Onset (s);Duration_s;Beat count\n1,5;2,25;12\n"), null)
                .events();
        assertEquals(1.5, e.get(0).startS());
        assertEquals(3.75, e.get(0).endS());
        assertEquals(12, e.get(0).beats().getAsInt());
        // tab separated, EDFbrowser's text export header
        List<ReferenceEvent> t = References.read(write("r.tsv", "Onset\tDuration\tAnnotation\n4\t2\tclonus\n"), "CLONUS")
                .events();
        assertEquals(6, t.get(0).endS());
        assertEquals("clonus", t.get(0).label());
    }

    @Test
    void labelFilterKeepsMatchingRowsAndSaysHowMany() throws Exception {
        ReferenceSet set = References.read(write("r.csv", "start,end,label\n1,2,Clonus\n3,4,artefact\n5,6,\n"), "clonus");
        assertEquals(1, set.events().size());
        assertEquals(3, set.read());
        assertTrue(set.notes().get(0).contains("kept 1 of 3 rows"), set.notes().toString());
        // without a label column there is nothing to filter
        assertEquals(2, References.read(write("n.csv", "start,end\n1,2\n3,4\n"), "clonus").events().size());
        // a spreadsheet's empty rows are no events
        assertEquals(1, References.read(write("x.csv", "start,end,label\n1,2,clonus\n,,\n , ,\n"), null).read());
    }

    @Test
    void malformedTablesNameTheLineAndColumn() throws Exception {
        assertEquals("line 3, column 'start': '12:30' is not a number of seconds (times are seconds from the"
                + " recording's start, e.g. 12.5)", error("a.csv", "start,end\n1,2\n12:30,13\n"));
        assertEquals("line 2: end 1 s is not after start 2 s", error("b.csv", "start,end\n2,1\n"));
        assertEquals("line 2: duration 0 s is not positive; a reference event needs a start and an end",
                error("c.csv", "onset,duration\n2,0\n"));
        assertEquals("line 2, column 'beats': '3.5' is not a whole number of beats (1 or more)",
                error("d.csv", "start,end,beats\n1,2,3.5\n"));
        assertEquals("line 2, column 'frequencyHz': a frequency must be positive, got 0",
                error("e.csv", "start,end,frequencyHz\n1,2,0\n"));
        assertEquals("line 2: start -1 s is negative; times are seconds from the recording's start",
                error("f.csv", "start,end\n-1,2\n"));
        assertEquals("line 2 has 3 fields but the header 2 (a decimal comma needs ';' or tab as separator)",
                error("g.csv", "start,end\n1,5,2\n"));
        assertEquals("line 1: both 'end' and 'duration' columns; keep one", error("h.csv", "start,end,duration\n1,2,1\n"));
        assertTrue(error("i.csv", "begin,end\n1,2\n").startsWith("line 1: no 'start' (or 'onset') column among [begin,"
                + " end]"));
        assertEquals("line 1: columns 'start' and 'onset' both give the start", error("j.csv", "start,onset,end\n"));
        assertTrue(error("k.csv", "# nothing\n\n").startsWith("no header row"));
        assertEquals("line 2, column 'end': empty; a number of seconds is needed", error("l.csv", "start,end\n1,\n"));
        assertEquals("line 2: a quoted field is not closed", error("m.csv", "start,end,label\n1,2,\"open\n"));
    }

    @Test
    void overlappingEventsAreRefusedNamingBoth() throws Exception {
        assertEquals("line 3: 11-14 s overlaps line 2 (10-12 s); reference events must not overlap (join them into one"
                + " event)", error("o.csv", "start,end\n10,12\n11,14\n"));
        // on different channels they may overlap; touching is allowed
        assertEquals(3, References.read(write("p.csv", "start,end,channel\n10,12,L\n11,14,R\n12,13,L\n"), null)
                .events().size());
        assertEquals("line 4: 11-12 s overlaps line 2 (10-12 s) on channel 'l'; reference events must not overlap (join"
                + " them into one event)", error("q.csv", "start,end,channel\n10,12,L\n11,14,R\n11,12,l\n"));
    }

    @Test
    void edfAnnotationsGiveBeatsFrequencyAndChannelFromTheirText() throws Exception {
        Path edf = dir.resolve("a.edf");
        LocalDateTime start = LocalDateTime.of(2024, 3, 5, 14, 30, 0);
        EdfWriter.edfPlus().start(start).addAnnotation(40, 1.5, "clonus UNSUSTAINED 4 beats 6.5 Hz SCATS 1 [EMG R]")
                .addAnnotation(10, 2, "Clonus 12 beats 6,0 Hz").addAnnotation(5, 0, "Recording starts")
                .addAnnotation(30, 3, "artefact").write(edf);
        ReferenceSet set = References.read(edf, "clonus");
        assertEquals(start, set.start());
        assertEquals(4, set.read());
        assertTrue(set.notes().get(0).contains("kept 2 of 4 annotations"), set.notes().toString());
        ReferenceEvent first = set.events().get(0);
        assertEquals(10, first.startS(), 1e-9);
        assertEquals(12, first.endS(), 1e-9);
        assertEquals(12, first.beats().getAsInt());
        assertEquals(6.0, first.frequencyHz().getAsDouble());
        assertEquals("", first.channel());
        assertEquals("annotation 2", first.origin());
        ReferenceEvent second = set.events().get(1);
        assertEquals(4, second.beats().getAsInt());
        assertEquals(6.5, second.frequencyHz().getAsDouble());
        assertEquals("EMG R", second.channel());
        // without the filter the point annotation is refused
        ReferenceException e = assertThrows(ReferenceException.class, () -> References.read(edf, ""));
        assertEquals("annotation 1 ('Recording starts' at 5 s) has no duration: a reference event needs a start and an"
                + " end (in EDFbrowser, mark the episode's span rather than a point)", e.detail());
    }

    @Test
    void edfWithUnknownStartDateHasNoStart() throws Exception {
        Path edf = dir.resolve("u.edf");
        EdfWriter.edfPlus().addAnnotation(1, 1, "clonus [EMG L TA (segment 2)]").write(edf);
        ReferenceSet set = References.read(edf, null);
        assertNull(set.start());
        assertEquals("EMG L TA", set.events().get(0).channel(), "the segment clonus analyze adds is not the channel");
        ReferenceException bad = assertThrows(ReferenceException.class, () -> References.read(
                write("bad.edf", "not an EDF file at all"), null));
        assertTrue(bad.getMessage().startsWith(dir.resolve("bad.edf") + ": "), bad.getMessage());
    }

    @Test
    void shiftingMovesEveryEventAndSaysWhy() throws Exception {
        ReferenceSet set = References.read(write("s.csv", "start,end\n1,2\n"), null).shifted(10, "moved");
        assertEquals(11, set.events().get(0).startS());
        assertEquals(List.of("moved"), set.notes());
    }
}
