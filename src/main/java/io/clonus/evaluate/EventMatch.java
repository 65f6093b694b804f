package io.clonus.evaluate;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of the event table: a reference event with what detected it (or nothing), or a false detection.
 * Immutable and thread-safe.
 *
 * @param recording the recording's name
 * @param track     the channel scored on its own, or {@code ""} when the recording's channels were merged
 * @param outcome   what the event was
 * @param reference the reference event; empty for a false positive
 * @param detected  for a true positive the detected events that overlap its tolerance window, taken together; for a
 *                  false positive the detected event; empty for a false negative
 * @param latencyS  detected start minus reference start, seconds (negative: the detection started first), for a
 *                  true positive; empty otherwise
 * @param oneToOne  whether this true positive is matched one to one: exactly one detected event overlaps its window,
 *                  that event overlaps no other reference event's window, and neither was split. Only these enter
 *                  the agreement of beats, frequency and duration
 */
public record EventMatch(String recording, String track, Outcome outcome, Optional<ScoredEvent> reference,
        Optional<ScoredEvent> detected, OptionalDouble latencyS, boolean oneToOne) {

    /** What an event was. */
    public enum Outcome {
        /** A reference event that was detected. */
        TRUE_POSITIVE,
        /** A reference event that was missed. */
        FALSE_NEGATIVE,
        /** A detected event that matches no detected reference event. */
        FALSE_POSITIVE
    }

    /** Checks that the parts fit the outcome. */
    public EventMatch {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(latencyS, "latencyS");
        boolean ok = switch (outcome) {
            case TRUE_POSITIVE -> reference.isPresent() && detected.isPresent() && latencyS.isPresent();
            case FALSE_NEGATIVE -> reference.isPresent() && detected.isEmpty() && latencyS.isEmpty() && !oneToOne;
            case FALSE_POSITIVE -> reference.isEmpty() && detected.isPresent() && latencyS.isEmpty() && !oneToOne;
        };
        if (!ok) {
            throw new IllegalArgumentException("the parts of an event row do not fit its outcome " + outcome);
        }
    }

    /** @return the start of the row's event (the reference event's, else the detection's), seconds */
    public double startS() {
        return reference.map(ScoredEvent::startS).orElseGet(() -> detected.get().startS());
    }
}
