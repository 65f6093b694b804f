package io.clonus.detect;

/**
 * The rules by which a run of beat candidates becomes an episode, in the order they are checked; a
 * rejected run names the first it failed ({@link RejectedRun}). Each compares a measured value with a
 * limit from {@link DetectorConfig} or {@link Thresholds}.
 */
public enum AcceptanceRule {
    /**
     * At least {@code minBeats} beats ({@code openBeats} for a chain holding beats on a pedestal that does not
     * die out, see {@link Thresholds#pedestalDecay()}); measured: beats.
     */
    BEATS("beats", "at least"),
    /** At least {@code minStrongBeats} strong beats; measured: strong beats. */
    STRONG_BEATS("strong beats", "at least"),
    /** Frequency (1 / mean interval) at or above the band's low edge; measured: Hz. */
    BAND_LOW("frequency Hz", "at least"),
    /** Frequency at or below the band's high edge; measured: Hz. */
    BAND_HIGH("frequency Hz", "at most"),
    /** Beat-to-beat jitter not significantly above {@code maxJitterCv}; measured: jitter CV, limit: its bound. */
    JITTER("jitter CV", "at most"),
    /** EMG: between beats the envelope stays below half the smaller beat for at least the minimum share of the
     *  interval ({@code minRelaxedShare}, or {@code pedestalRelaxedShare} for a run holding beats on a pedestal);
     *  measured: mean share. */
    RELAXATION("relaxed share", "at least"),
    /** EMG: at most {@code maxUnitShare} of the beats single motor-unit potentials; measured: share. */
    SINGLE_UNITS("single-unit share", "at most"),
    /** ACC: a short run's typical amplitude at least {@code minCycleSalience} noise floors; measured: floors. */
    CYCLE_SALIENCE("amplitude / floor", "at least"),
    /** Strong candidates around the run but off it at most as allowed; measured: their number. */
    STRAYS("stray candidates", "at most"),
    /** The amplitude-normalised autocorrelation at the beat period at least the minimum; measured: correlation. */
    PERIODICITY("periodicity", "at least"),
    /** The run's periodogram peaks within {@code spectralAgreement} of the beat frequency; measured: peak Hz. */
    SPECTRUM("spectral peak Hz", "within");

    private final String measure;
    private final String relation;

    AcceptanceRule(String measure, String relation) {
        this.measure = measure;
        this.relation = relation;
    }

    /** @return what is measured, with its unit */
    public String measure() {
        return measure;
    }

    /** @return how the measured value must relate to the limit: "at least", "at most" or "within" */
    public String relation() {
        return relation;
    }
}
