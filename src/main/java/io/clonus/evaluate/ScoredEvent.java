package io.clonus.evaluate;

import io.clonus.detect.Classification;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An event as it was scored, after merging and splitting ({@link ScoringRules}): a reference event, or the
 * detections that matched one taken together, or one detected event. Immutable and thread-safe.
 *
 * @param startS         start, seconds from the recording's start
 * @param endS           end, seconds
 * @param beats          beats: the rater's, or the detector's (detections taken together: the sum; detections of
 *                       several channels that overlap: the channel with most); empty when not known, and always for
 *                       a piece of a split event
 * @param frequencyHz    beat frequency, Hz (several events: beat-weighted mean); empty when not known
 * @param classification SUSTAINED or UNSUSTAINED ({@link ReferenceEvent#classification} for a reference event, the
 *                       detector's for detections, the most severe of several); empty when not known
 * @param label          the reference event's label(s), {@code ""} for detections
 * @param channel        the reference event's channel, or the channels of the detections, comma-separated;
 *                       {@code ""} for a reference event without one
 * @param origin         where a reference event came from ({@code "line 7"}, joined with {@code " + "} when merged;
 *                       {@code ", part 2 of 3"} added for a piece of a split event), {@code ""} for detections
 * @param parts          how many input events were joined into this one, at least 1
 * @param split          whether this is a piece of an event longer than the maximum event duration
 */
public record ScoredEvent(double startS, double endS, OptionalInt beats, OptionalDouble frequencyHz,
        Optional<Classification> classification, String label, String channel, String origin, int parts,
        boolean split) {
    /** Checks the values. */
    public ScoredEvent {
        Objects.requireNonNull(beats, "beats");
        Objects.requireNonNull(frequencyHz, "frequencyHz");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        if (!(endS > startS) || !Double.isFinite(startS) || !Double.isFinite(endS)) {
            throw new IllegalArgumentException("a scored event needs finite start < end, got " + startS + " to " + endS);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("a scored event is made of at least 1 event, got " + parts);
        }
    }

    /** @return the duration, seconds */
    public double durationS() {
        return endS - startS;
    }
}
