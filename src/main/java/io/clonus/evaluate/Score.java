package io.clonus.evaluate;

/**
 * Every figure of one recording, or of all recordings pooled (counts summed, latencies, classes and matched pairs
 * of all recordings together). Immutable and thread-safe.
 *
 * @param events    the event-by-event score
 * @param epochs    the per-epoch score
 * @param latency   detection latency of the true positives
 * @param classes   the class of every reference event against the detector's
 * @param beats     agreement of beat counts (reference events with beats)
 * @param frequency agreement of frequencies (reference events with a frequency)
 * @param duration  agreement of durations
 */
public record Score(EventCounts events, EpochCounts epochs, Latency latency, ClassConfusion classes, Agreement beats,
        Agreement frequency, Agreement duration) {
}
