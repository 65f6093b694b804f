package io.clonus.evaluate;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reference events read from one file, in time order. Immutable and thread-safe.
 *
 * @param file    the file they were read from
 * @param events  the events kept (after the label filter), sorted by start
 * @param start   the file's own start date and time when it has one (an EDF+ file with a known start date), or
 *                null; onsets count from it, so an annotation file that starts later than its recording must be
 *                {@link #shifted} by the difference
 * @param read    how many events or annotations the file held before the label filter
 * @param notes   remarks worth showing: columns ignored, annotations left out by the filter
 */
public record ReferenceSet(Path file, List<ReferenceEvent> events, LocalDateTime start, int read, List<String> notes) {
    /** Copies the lists. */
    public ReferenceSet {
        Objects.requireNonNull(file, "file");
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /**
     * @param dtS  seconds to add to every event
     * @param note why, for {@link #notes()}
     * @return the set with every event moved
     */
    public ReferenceSet shifted(double dtS, String note) {
        List<ReferenceEvent> moved = events.stream().map(e -> e.shifted(dtS)).toList();
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new ReferenceSet(file, moved, start, read, n);
    }
}
