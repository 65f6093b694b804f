package io.clonus.cli;

import io.clonus.detect.Episode;
import io.clonus.io.edf.EdfWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --annotations OUT.edf}: an annotation-only EDF+ file with one annotation per episode of the
 * (single) input file: onset = episode start, duration = episode duration, text like
 * {@code clonus SUSTAINED 12 beats 6.0 Hz SCATS 1 [EMG L TA]}.
 *
 * <p>Its start date and time are the input EDF's, so that EDFbrowser, which aligns an imported
 * annotation file by its start time, puts every annotation on the episode. Delimited text has no start
 * time: the file then starts at the EDF default 01.01.85 00.00.00 with the start date marked unknown,
 * and onsets are seconds from the first sample. Not thread-safe.
 */
final class AnnotationExport {
    private final Path target;
    private final List<Analysis> analyses = new ArrayList<>();
    private LocalDateTime start;
    private boolean opened;

    /** @param target the file to write */
    AnnotationExport(Path target) {
        this.target = target;
    }

    /**
     * Called when the input file has been opened, so that a file that could not be read leaves no empty
     * annotation file behind.
     *
     * @param start the recording's start from the input file, or null when it has none
     */
    void start(LocalDateTime start) {
        this.start = start;
        this.opened = true;
    }

    /** @return whether the input file was opened (then the annotation file is written, even if empty) */
    boolean opened() {
        return opened;
    }

    /** @param a a result of the input file */
    void add(Analysis a) {
        analyses.add(a.withoutSignal());
    }

    /** @return the text of one episode's annotation */
    static String text(Episode e, String channel) {
        return String.format(Locale.ROOT, "clonus %s %d beats %.1f Hz SCATS %d [%s]", e.classification(),
                e.beatCount(), e.frequencyHz(), e.scatsGrade(), channel);
    }

    /**
     * Writes the file (also when no episode was found: it then holds no annotation).
     *
     * @throws IOException if it cannot be written
     */
    void write() throws IOException {
        EdfWriter w = EdfWriter.edfPlus().recording("clonus annotations");
        if (start != null) {
            w.start(start.withNano(0));
        }
        for (Analysis a : analyses) {
            for (Episode e : a.result().episodes()) {
                w.addAnnotation(e.startS(), Math.max(0, e.durationS()), text(e, a.channelAndSegment()));
            }
        }
        w.write(target);
    }
}
