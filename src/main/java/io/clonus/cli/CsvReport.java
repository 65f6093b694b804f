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
 * scatsGrade, episode, segment, durationS, rule, error} ({@code episode} numbers the episodes of a signal
 * from 1; {@code segment} numbers the segments of an EDF+D file and is empty otherwise; {@code rule} is the
 * classification rule applied). Times are in seconds to the microsecond. An input that gave no result (a
 * file that cannot be read, a channel that fails) gets one row with its {@code file}, the message in
 * {@code error} and every other field empty.
 */
final class CsvReport implements ResultWriter {
    static final List<String> HEADER = List.of("file", "channel", "type", "startS", "endS", "beatCount",
            "frequencyHz", "classification", "scatsGrade", "episode", "segment", "durationS", "rule", "error");

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
                    segment, "", r.config().rule().id(), ""));
        }
        int n = 0;
        for (Episode e : r.episodes()) {
            csv.row(List.of(a.file(), a.channel(), r.type().name(), Num.time(e.startS()), Num.time(e.endS()),
                    Integer.toString(e.beatCount()), Num.text(e.frequencyHz()), e.classification().name(),
                    Integer.toString(e.scatsGrade()), Integer.toString(++n), segment, Num.time(e.durationS()),
                    r.config().rule().id(), ""));
        }
        out.flush();
    }

    @Override
    public void writeFailure(Failure f) {
        List<String> row = new java.util.ArrayList<>(java.util.Collections.nCopies(HEADER.size(), ""));
        row.set(0, f.where());
        row.set(HEADER.size() - 1, Failure.oneLine(f.message()));
        csv.row(row);
        out.flush();
    }
}
