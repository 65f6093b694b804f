package io.clonus.evaluate;

import java.util.Optional;

/**
 * The event-by-event score: counts and the figures made from them, as {@link ScoringRules} defines the counts.
 * Immutable and thread-safe. Made by {@link #of}.
 *
 * @param referenceEvents      reference events (after merging and splitting) = TP + FN
 * @param detectedEvents       detected events (after merging and splitting)
 * @param truePositives        TP: reference events detected
 * @param falseNegatives       FN: reference events missed
 * @param falsePositives       FP: detected events that match no detected reference event
 * @param recordedS            time analysed, seconds (the gaps of EDF+D files left out; the recording's time once,
 *                             however many channels were scored)
 * @param sensitivity          TP / (TP + FN) with its Wilson interval; empty without reference events
 * @param precision            TP / (TP + FP) with its Wilson interval (the timescoring convention: TP counts reference
 *                             events, so with several detections per event this is not a share of the detections);
 *                             empty when TP + FP = 0
 * @param f1                   2TP / (2TP + FP + FN), the harmonic mean of the two, with the interval of
 *                             {@link Statistics#f1}; empty when TP + FP + FN = 0
 * @param falsePositivesPer24h FP per 24 hours of analysed time with its exact Poisson interval
 *                             ({@link Statistics#poissonRate}); empty when nothing was analysed
 */
public record EventCounts(int referenceEvents, int detectedEvents, int truePositives, int falseNegatives,
        int falsePositives, double recordedS, Optional<Estimate> sensitivity, Optional<Estimate> precision,
        Optional<Estimate> f1, Optional<Estimate> falsePositivesPer24h) {

    /** Checks that the counts add up. */
    public EventCounts {
        if (truePositives < 0 || falseNegatives < 0 || falsePositives < 0 || detectedEvents < falsePositives
                || referenceEvents != truePositives + falseNegatives) {
            throw new IllegalArgumentException("counts do not add up: " + referenceEvents + " reference events, TP "
                    + truePositives + ", FN " + falseNegatives + ", FP " + falsePositives + " of " + detectedEvents
                    + " detected");
        }
        if (!(recordedS >= 0) || !Double.isFinite(recordedS)) {
            throw new IllegalArgumentException("recorded time must be finite and >= 0 s, got " + recordedS);
        }
    }

    /**
     * @param tp         true positives
     * @param fn         false negatives
     * @param fp         false positives
     * @param detected   detected events, at least {@code fp}
     * @param recordedS  analysed time, seconds
     * @param confidence the confidence level of the intervals
     * @return the counts with their figures
     */
    public static EventCounts of(int tp, int fn, int fp, int detected, double recordedS, double confidence) {
        return new EventCounts(tp + fn, detected, tp, fn, fp, recordedS, Statistics.wilson(tp, tp + fn, confidence),
                Statistics.wilson(tp, tp + fp, confidence), Statistics.f1(tp, fp, fn, confidence),
                Statistics.poissonRate(fp, recordedS / 3600.0, 24.0, confidence));
    }

    /** @return analysed time in hours */
    public double recordedHours() {
        return recordedS / 3600.0;
    }
}
