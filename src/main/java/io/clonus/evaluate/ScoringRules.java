package io.clonus.evaluate;

import java.util.Locale;

/**
 * Every rule and setting of an evaluation, each with its default: how detections are matched to reference events
 * (after the event scoring of the open {@code timescoring} library for long EEG recordings, Dan et al., SzCORE
 * 2024, with tolerances scaled to clonus episodes, which last seconds rather than minutes), how the per-epoch score
 * is made, and the confidence intervals. Immutable and thread-safe; change a rule with its {@code with} method.
 *
 * <p>The rules, applied per recording and per track (all channels merged, or one channel; see
 * {@link Evaluation}), in this order:
 * <ol>
 * <li><b>merge</b>: detections that overlap are one detected event; then, within the reference events and within
 *     the detected events, two events separated by less than {@link #mergeGapS} are joined into one;</li>
 * <li><b>split</b>: an event (reference or detected) longer than {@link #maxEventDurationS} is cut into pieces of
 *     that length (the last one shorter), so that one very long event counts as several;</li>
 * <li><b>match</b>: a reference event [s, e] is <i>detected</i> (a true positive) when some detected event overlaps
 *     its tolerance window [s − {@link #startToleranceS}, e + {@link #endToleranceS}] and the detected events cover
 *     at least {@link #minOverlap} of [s, e] itself (0: any overlap of the window suffices); otherwise it is
 *     <i>missed</i> (a false negative). A detected event that overlaps the window of no detected reference event
 *     is a false positive. So TP and FN count reference events, FP counts detected events; one detected event may
 *     detect two reference events, and two detected events may together detect one;</li>
 * <li><b>epochs</b>: the analysed time is cut into epochs of {@link #epochS} from the recording's start (only whole
 *     epochs inside an analysed stretch count); an epoch is positive for the reference (or the detector) when its
 *     events cover at least {@link #epochCover} of it.</li>
 * </ol>
 *
 * @param startToleranceS    how early a detection may start and still match, seconds, {@code >= 0}; default 1
 * @param endToleranceS      how late a detection may end and still match, seconds, {@code >= 0}; default 1
 * @param minOverlap         fraction of a reference event that detections must cover, 0 to 1; default 0 (any
 *                           overlap of the tolerance window)
 * @param maxEventDurationS  events longer than this are split, seconds, positive (infinity: never); default 300
 * @param mergeGapS          events closer than this are joined, seconds, {@code >= 0}; default 0 (only overlapping
 *                           detections are joined)
 * @param epochS             epoch length of the per-epoch score, seconds, positive; default 1
 * @param epochCover         fraction of an epoch that events must cover to make it positive, (0, 1]; default 0.5
 * @param confidence         confidence level of every interval, (0, 1); default 0.95
 * @param bootstrapResamples resamples of the recordings for the bootstrap interval of the pooled F1, 0 for none;
 *                           default 2000
 * @param seed               seed of the bootstrap's random numbers ({@link java.util.SplittableRandom}); default 1
 */
public record ScoringRules(double startToleranceS, double endToleranceS, double minOverlap, double maxEventDurationS,
        double mergeGapS, double epochS, double epochCover, double confidence, int bootstrapResamples, long seed) {

    /** Default {@link #startToleranceS}, seconds: about six periods of 6 Hz clonus. */
    public static final double DEFAULT_START_TOLERANCE_S = 1.0;
    /** Default {@link #endToleranceS}, seconds. */
    public static final double DEFAULT_END_TOLERANCE_S = 1.0;
    /** Default {@link #minOverlap}: any overlap of the tolerance window, as timescoring's default. */
    public static final double DEFAULT_MIN_OVERLAP = 0.0;
    /** Default {@link #maxEventDurationS}, seconds: timescoring's default of 5 minutes. */
    public static final double DEFAULT_MAX_EVENT_DURATION_S = 300.0;
    /** Default {@link #mergeGapS}, seconds: nothing but overlapping detections is joined. */
    public static final double DEFAULT_MERGE_GAP_S = 0.0;
    /** Default {@link #epochS}, seconds. */
    public static final double DEFAULT_EPOCH_S = 1.0;
    /** Default {@link #epochCover}. */
    public static final double DEFAULT_EPOCH_COVER = 0.5;
    /** Default {@link #confidence}. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default {@link #bootstrapResamples}. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
    /** Default {@link #seed}. */
    public static final long DEFAULT_SEED = 1;

    /** Checks every value; the message names the rule and what is allowed. */
    public ScoringRules {
        nonNegative("start tolerance", startToleranceS);
        nonNegative("end tolerance", endToleranceS);
        if (!(minOverlap >= 0 && minOverlap <= 1)) {
            throw new IllegalArgumentException("minimum overlap is a fraction from 0 to 1, got " + minOverlap);
        }
        if (!(maxEventDurationS > 0)) {
            throw new IllegalArgumentException("maximum event duration must be positive seconds (or infinite), got "
                    + maxEventDurationS);
        }
        nonNegative("merge gap", mergeGapS);
        if (!(epochS > 0) || !Double.isFinite(epochS)) {
            throw new IllegalArgumentException("epoch length must be positive seconds, got " + epochS);
        }
        if (!(epochCover > 0 && epochCover <= 1)) {
            throw new IllegalArgumentException("epoch cover is a fraction above 0, at most 1, got " + epochCover);
        }
        Statistics.checkConfidence(confidence);
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be 0 or more, got " + bootstrapResamples);
        }
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be 0 or more seconds, got " + v);
        }
    }

    /** @return the defaults */
    public static ScoringRules defaults() {
        return new ScoringRules(DEFAULT_START_TOLERANCE_S, DEFAULT_END_TOLERANCE_S, DEFAULT_MIN_OVERLAP,
                DEFAULT_MAX_EVENT_DURATION_S, DEFAULT_MERGE_GAP_S, DEFAULT_EPOCH_S, DEFAULT_EPOCH_COVER,
                DEFAULT_CONFIDENCE, DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_SEED);
    }

    /** @param v seconds @return these rules with {@link #startToleranceS} = v */
    public ScoringRules withStartToleranceS(double v) {
        return new ScoringRules(v, endToleranceS, minOverlap, maxEventDurationS, mergeGapS, epochS, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v seconds @return these rules with {@link #endToleranceS} = v */
    public ScoringRules withEndToleranceS(double v) {
        return new ScoringRules(startToleranceS, v, minOverlap, maxEventDurationS, mergeGapS, epochS, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v fraction @return these rules with {@link #minOverlap} = v */
    public ScoringRules withMinOverlap(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, v, maxEventDurationS, mergeGapS, epochS, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v seconds @return these rules with {@link #maxEventDurationS} = v */
    public ScoringRules withMaxEventDurationS(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, v, mergeGapS, epochS, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v seconds @return these rules with {@link #mergeGapS} = v */
    public ScoringRules withMergeGapS(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, maxEventDurationS, v, epochS, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v seconds @return these rules with {@link #epochS} = v */
    public ScoringRules withEpochS(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, maxEventDurationS, mergeGapS, v, epochCover,
                confidence, bootstrapResamples, seed);
    }

    /** @param v fraction @return these rules with {@link #epochCover} = v */
    public ScoringRules withEpochCover(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, maxEventDurationS, mergeGapS, epochS, v,
                confidence, bootstrapResamples, seed);
    }

    /** @param v level @return these rules with {@link #confidence} = v */
    public ScoringRules withConfidence(double v) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, maxEventDurationS, mergeGapS, epochS,
                epochCover, v, bootstrapResamples, seed);
    }

    /** @param resamples count @param seed seed @return these rules with that bootstrap */
    public ScoringRules withBootstrap(int resamples, long seed) {
        return new ScoringRules(startToleranceS, endToleranceS, minOverlap, maxEventDurationS, mergeGapS, epochS,
                epochCover, confidence, resamples, seed);
    }

    /** @return the rules in one sentence, for a report or a methods section */
    public String describe() {
        return String.format(Locale.ROOT, "A reference event counted as detected when a detection overlapped it widened"
                + " by %s s before and %s s after%s; a detection overlapping no detected reference event's widened"
                + " span was a false positive. Detections that overlapped were joined%s; %s. The per-epoch score used"
                + " %s s epochs, positive when at least %s %% covered. Intervals are %s %%.", num(startToleranceS),
                num(endToleranceS), minOverlap > 0 ? " and covered at least " + num(100 * minOverlap) + " % of it" : "",
                mergeGapS > 0 ? ", as were events less than " + num(mergeGapS) + " s apart" : "",
                Double.isInfinite(maxEventDurationS) ? "no event was split"
                        : "events longer than " + num(maxEventDurationS) + " s were split into pieces of that length",
                num(epochS), num(100 * epochCover), num(100 * confidence));
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
