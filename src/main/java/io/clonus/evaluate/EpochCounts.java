package io.clonus.evaluate;

import java.util.Optional;

/**
 * The per-epoch (duration-based) score: every whole epoch of the analysed time is positive or negative for the
 * reference and for the detector ({@link ScoringRules#epochS}, {@link ScoringRules#epochCover}). Intervals are
 * Wilson's, which treat epochs as independent; neighbouring epochs of one episode are not, so they are narrower
 * than the truth. Immutable and thread-safe. Made by {@link #of}.
 *
 * @param epochS         epoch length, seconds
 * @param truePositives  epochs positive for both
 * @param falsePositives epochs positive for the detector only
 * @param falseNegatives epochs positive for the reference only
 * @param trueNegatives  epochs negative for both
 * @param sensitivity    TP / (TP + FN); empty when no epoch is positive for the reference
 * @param precision      TP / (TP + FP); empty when no epoch is positive for the detector
 * @param specificity    TN / (TN + FP); empty when every epoch is positive for the reference
 * @param f1             2TP / (2TP + FP + FN) with the interval of {@link Statistics#f1}; empty when TP + FP + FN = 0
 */
public record EpochCounts(double epochS, int truePositives, int falsePositives, int falseNegatives, int trueNegatives,
        Optional<Estimate> sensitivity, Optional<Estimate> precision, Optional<Estimate> specificity,
        Optional<Estimate> f1) {

    /**
     * @param epochS     epoch length, seconds
     * @param tp         epochs positive for both
     * @param fp         positive for the detector only
     * @param fn         positive for the reference only
     * @param tn         negative for both
     * @param confidence the confidence level
     * @return the counts with their figures
     */
    public static EpochCounts of(double epochS, int tp, int fp, int fn, int tn, double confidence) {
        return new EpochCounts(epochS, tp, fp, fn, tn, Statistics.wilson(tp, tp + fn, confidence),
                Statistics.wilson(tp, tp + fp, confidence), Statistics.wilson(tn, tn + fp, confidence),
                Statistics.f1(tp, fp, fn, confidence));
    }

    /** @return the number of epochs scored */
    public int epochs() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
