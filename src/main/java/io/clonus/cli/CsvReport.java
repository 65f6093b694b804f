package io.clonus.cli;

import io.clonus.detect.ClonusResult;
import io.clonus.detect.Episode;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code --format csv}: one row per episode under one header. A result without episodes still gets one
 * row, with classification NONE, beatCount and scatsGrade 0 and the other episode fields empty, so that
 * every analysed signal appears. Times are seconds from the recording's start. Not thread-safe.
 *
 * <p>Columns: {@code file, channel, type, startS, endS, beatCount, frequencyHz, classification,
 * scatsGrade, episode, segment} ({@code episode} numbers the episodes of a signal from 1; {@code segment}
 * numbers the segments of an EDF+D file and is empty otherwise).
 */
final class CsvReport implements ResultWriter {
    static final List<String> HEADER = List.of("file", "channel", "type", "startS", "endS", "beatCount",
            "frequencyHz", "classification", "scatsGrade", "episode", "segment");

    private final PrintStream out;
    private final Csv csv;

    CsvReport(PrintStream out) {
        this.out = out;
        this.csv = new Csv(out);
        csv.row(HEADER);
        out.flush();
    }

    @Override
    public void write(Analysis a) {
        ClonusResult r = a.result();
        String segment = a.source().segment() > 0 ? Integer.toString(a.source().segment()) : "";
        if (r.episodes().isEmpty()) {
            csv.row(List.of(a.file(), a.channel(), r.type().name(), "", "", "0", "", r.classification().name(), "0", "",
                    segment));
        }
        int n = 0;
        for (Episode e : r.episodes()) {
            csv.row(List.of(a.file(), a.channel(), r.type().name(), Num.text(e.startS()), Num.text(e.endS()),
                    Integer.toString(e.beatCount()), Num.text(e.frequencyHz()), e.classification().name(),
                    Integer.toString(e.scatsGrade()), Integer.toString(++n), segment));
        }
        out.flush();
    }
}
