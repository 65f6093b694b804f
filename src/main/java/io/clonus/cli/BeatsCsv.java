package io.clonus.cli;

import io.clonus.detect.Beat;
import io.clonus.detect.Episode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code --beats FILE.csv}: one row per beat of every result, under one header: {@code file, channel,
 * type, episode, timeS, amplitude, segment}. Times are seconds from the recording's start; amplitudes are
 * in the signal's unit (EMG: envelope peak; ACC: half the cycle's peak-to-trough height). Not
 * thread-safe.
 */
final class BeatsCsv implements ResultWriter {
    static final List<String> HEADER = List.of("file", "channel", "type", "episode", "timeS", "amplitude", "segment");

    private final Writer out;
    private final Csv csv;

    /**
     * @param out where the rows go; flushed after every result, closed by {@link #finish()}
     * @throws IOException if the header cannot be written
     */
    BeatsCsv(Writer out) throws IOException {
        this.out = out;
        this.csv = new Csv(out);
        try {
            csv.row(HEADER);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void write(Analysis a) throws IOException {
        String segment = a.source().segment() > 0 ? Integer.toString(a.source().segment()) : "";
        int n = 0;
        try {
            for (Episode e : a.result().episodes()) {
                n++;
                for (Beat b : e.beats()) {
                    csv.row(List.of(a.file(), a.channel(), a.result().type().name(), Integer.toString(n),
                            Num.time(b.timeS()), Num.text(b.amplitude()), segment));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.close();
    }
}
