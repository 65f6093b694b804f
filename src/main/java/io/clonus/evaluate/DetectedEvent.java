package io.clonus.evaluate;

import io.clonus.detect.Classification;
import io.clonus.detect.Episode;
import java.util.Objects;

/**
 * One episode the detector reported, as the evaluation sees it. Immutable and thread-safe.
 *
 * @param channel        the channel (EMG) or sensor (accelerometer) it was found on, as the detector names it
 * @param startS         start, seconds from the recording's start ({@link Episode#startS()})
 * @param endS           end, seconds, after the start
 * @param beatCount      beats, at least 1
 * @param frequencyHz    beat frequency, Hz, positive and finite
 * @param classification SUSTAINED or UNSUSTAINED, by the detector's rule
 */
public record DetectedEvent(String channel, double startS, double endS, int beatCount, double frequencyHz,
        Classification classification) {
    /** Checks the values. */
    public DetectedEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(classification, "classification");
        if (!Double.isFinite(startS) || !Double.isFinite(endS) || !(endS > startS)) {
            throw new IllegalArgumentException("a detected episode needs finite start < end, got " + startS + " to "
                    + endS + " s");
        }
        if (beatCount < 1) {
            throw new IllegalArgumentException("a detected episode has at least 1 beat, got " + beatCount);
        }
        if (!(frequencyHz > 0) || !Double.isFinite(frequencyHz)) {
            throw new IllegalArgumentException("a detected episode's frequency must be positive, got " + frequencyHz);
        }
        if (classification == Classification.NONE) {
            throw new IllegalArgumentException("a detected episode is SUSTAINED or UNSUSTAINED, not NONE");
        }
    }

    /**
     * @param channel the channel it was found on
     * @param e       an episode with times from the recording's start
     * @return the event
     */
    public static DetectedEvent of(String channel, Episode e) {
        return new DetectedEvent(channel, e.startS(), e.endS(), e.beatCount(), e.frequencyHz(), e.classification());
    }

    /** @return the duration, seconds */
    public double durationS() {
        return endS - startS;
    }
}
