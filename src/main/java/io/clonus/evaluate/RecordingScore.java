package io.clonus.evaluate;

import java.util.List;

/**
 * The figures of one recording with its event table. Immutable and thread-safe.
 *
 * @param name       the recording's name
 * @param perChannel whether its reference events name channels, so that each channel was scored on its own;
 *                   otherwise all channels' detections were merged
 * @param tracks     the channels scored on their own, or {@code [""]} when merged
 * @param score      the figures
 * @param events     every reference event and every false positive, in time order (per track)
 */
public record RecordingScore(String name, boolean perChannel, List<String> tracks, Score score,
        List<EventMatch> events) {
    /** Copies the lists. */
    public RecordingScore {
        tracks = List.copyOf(tracks);
        events = List.copyOf(events);
    }
}
