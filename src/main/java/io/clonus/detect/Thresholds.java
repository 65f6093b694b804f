package io.clonus.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every decision threshold of the detector, in one place, with its unit, its meaning and where its value
 * comes from. {@link DetectorConfig#thresholds()} holds the set in use; the methods paragraph
 * ({@link Methods}) reads the values from here, so changing one changes the text. Immutable and
 * thread-safe; {@link #defaults()} gives the values documented below, {@link #toBuilder()} changes some.
 *
 * <p><b>Beats</b> (stage {@code io.clonus.beats})
 *
 * @param strongSalience     EMG: a burst opens an episode when its level (the largest 20 ms mean of the
 *                           rectified EMG over the burst) is at least this many noise floors (default 3;
 *                           published clonus bursts stand 3-15 times above the background)
 * @param weakSalience       EMG: a burst may extend an episode, before its first or after its last strong
 *                           beat, from this many noise floors (default 2; Gaussian background alone reaches
 *                           about 1.5 in a 20 ms mean)
 * @param burstWindowS       EMG: length of the moving mean whose maximum is a burst's level, s (default 0.02,
 *                           the shortest published clonus burst is about 30 ms)
 * @param minRelaxation      EMG: the envelope falls on both sides of a burst to at most {@code 1 - this} of
 *                           its peak (default 0.5: the muscle relaxes between beats)
 * @param maxRelaxedLevel    EMG: between bursts the rectified EMG comes down to at most this many noise
 *                           floors (default 2), or to {@code relaxedShare} of the burst level
 * @param relaxedShare       EMG: between bursts the lowest 20 ms mean of the rectified EMG may stay up to this
 *                           fraction of the burst level instead of falling to rest (default 0.3: clonus riding on
 *                           a tonic contraction rises to several times the contraction's level)
 * @param relaxedBlockShare  EMG: and its lowest single 4 ms block up to this fraction of the envelope peak
 *                           (default 0.15: a contraction that swings by half its level has troughs at a third of
 *                           its peaks, which a 4 ms block does not undercut; at 0.3 such a swing at 6 Hz passes
 *                           as clonus, and clonus on a strong tonic contraction is missed at 0.15, see README
 *                           Limits)
 * @param pedestalShare      EMG: a burst that does not relax that far, but whose lowest 20 ms mean on both sides is
 *                           at most this fraction of its level and its lowest 4 ms block at most
 *                           {@code pedestalBlockShare} of its envelope peak, is a beat <em>on a pedestal</em>
 *                           (default 0.45: clonus riding on a tonic contraction of up to a third of its bursts, the
 *                           mixed spasms of Thomas et al. 2014, with beats decaying to half the others). Such beats
 *                           continue an accepted episode on either side at its rhythm, never count as strays, and
 *                           open an episode only in a chain that meets {@code pedestalRelaxedShare} and has
 *                           {@code openBeats} beats or dies out ({@code pedestalDecay})
 * @param pedestalBlockShare EMG: the 4 ms block limit of a beat on a pedestal, fraction of its envelope peak
 *                           (default 0.3: a contraction swinging by half its level has troughs at a third of its
 *                           peaks, so not even a beat on a pedestal comes from it)
 * @param pedestalAmplitude  EMG: a beat on a pedestal continues an episode only with an envelope peak of at least
 *                           this fraction of the episode's typical beat (default 0.5: the swells of a tonic
 *                           contraction that goes on after the clonus reach about 0.4 of its beats)
 * @param pedestalDecay      EMG: a chain of fewer than {@code openBeats} beats holding beats on a pedestal opens an
 *                           episode only when it dies out: its first beat its largest, its last at most this
 *                           fraction of the first, and no other candidate of {@code pedestalAmplitude} of its
 *                           median amplitude between its beats or within 1 + {@code extendTolerance} periods around
 *                           it (default 0.7: runs
 *                           of 3-4 beats that die out decay by 0.75-0.9 a beat with the first beat the largest,
 *                           Boyraz et al. 2015, while a contraction that swings goes on; from 0.6 to 0.9 the
 *                           simulated grids give the same answers)
 * @param minBurstS          EMG: a burst whose effective duration ((sum |x|)^2 / sum x^2 over its 4 ms
 *                           blocks) is shorter than this, with its energy in about 8 ms, is a single
 *                           motor-unit potential, s (default 0.008; a motor-unit potential lasts 3-10 ms,
 *                           a clonus volley of many units 30-80 ms)
 * @param singleUnitShare    EMG: the share of a burst's energy in two adjacent 4 ms blocks from which a short
 *                           burst counts as one potential (default 0.85)
 * @param floorQuantile      EMG: quantile of the medians of quarter-second blocks of rectified EMG taken as the
 *                           noise floor (default 0.1: the floor stays at rest while a contraction fills up to
 *                           90 % of the window; clonus itself leaves each block's median at relaxation, since
 *                           its bursts fill less than half of every cycle)
 * @param cycleFloorQuantile ACC: the same quantile for the medians of |signal| (default 0.2: the floor of a
 *                           motion signal is its noise, which a record that oscillates throughout exceeds)
 * @param precisionFloor     the noise floor is never below this fraction of the largest input magnitude
 *                           seen, so that round-off of a smooth input is not taken for activity (default
 *                           1e-10, far above double round-off after the filters, far below any recorded noise)
 * @param minCycleProminence ACC: a cycle's peak falls to a trough by at least this fraction of the local
 *                           range on one side (default 0.35)
 * @param minFallShare       ACC: and by at least this fraction on the other side (default 0.1)
 * @param minRiseShare       ACC: and stands this fraction of the local range above the local mean
 *                           (default 0.2)
 *
 * <p><b>Episodes</b> (stage {@code io.clonus.episodes})
 * @param linkTolerance      largest relative change between consecutive beat intervals of a chain (default
 *                           0.4: interval jitter of up to 7 % and slowing by up to 2 Hz at onset and end,
 *                           Wallace et al. 2012, change consecutive intervals by up to about a third)
 * @param extendTolerance    largest relative change between an episode's recent period and the interval to
 *                           the beat that extends it (after a gap, the windows reach at most half a period) (default 0.5: consecutive intervals of published clonus
 *                           differ by up to half when jitter and slowing at the end coincide; within an
 *                           episode the muscle is silent between beats, so a wider window finds the next
 *                           beat without taking noise)
 * @param amplitudeRatio     largest ratio between the amplitudes of consecutive beats of a chain, and of a
 *                           beat to its episode's typical beat (default 5)
 * @param cycleAmplitudeRatio ACC: the same ratio for the cycles of a motion signal (default 2.5: the cycles of one
 *                           oscillation change size gradually, by 0.75-0.9 per cycle when clonus dies out, the
 *                           first up to twice the others; a smaller wobble after the oscillation has stopped is
 *                           no cycle of it)
 * @param maxJitterCv        the beat-to-beat jitter of clonus, as a coefficient of variation, that a chain
 *                           must not significantly exceed (default 0.12: published jitter is 1-7 %, and slowing by up to 2 Hz
 *                           at onset and end adds as much again to the successive differences). The
 *                           jitter is estimated from successive interval differences, which slow drift
 *                           does not inflate, and compared with a one-sided {@code jitterConfidence} chi-square
 *                           bound, so that a chain of few intervals is not rejected for the noise of its
 *                           own estimate
 * @param jitterConfidence   confidence of that bound (default 0.99)
 * @param spectralAgreement  the periodogram of a chain's stretch of detection signal must peak within this
 *                           fraction of the beat frequency (default 0.25: FFT and beat timing agree)
 * @param openBeats          a chain with at least this many beats may open an episode as soon as it passes;
 *                           shorter ones are judged once the silence after them is known (default 5)
 * @param minStrongBeats     strong beats a chain needs at the least (default 2: two bursts well above the
 *                           background make the rhythm, a weaker one completes the shortest run; an unsustained
 *                           run that dies out often ends with a beat under the strong level)
 * @param maxStrayShare      EMG: between the beats of a chain of at least {@code openBeats} beats, at most this
 *                           share of its beats' number of strong candidates may lie off it (default 0.2); a
 *                           shorter chain must have none, and no chain may have one within a period before its
 *                           first or after its last beat: clonus that dies out stands alone, while irregular
 *                           firing leaves beats off any chain picked from it
 * @param minRelaxedShare    EMG: between consecutive beats the envelope stays below half the smaller beat's peak
 *                           for at least this share of the interval, on average over the chain (default 0.4:
 *                           clonus bursts of 30-80 ms in periods of 125-200 ms leave the muscle relaxed for most
 *                           of each cycle; sub-peaks of one long burst do not)
 * @param pedestalRelaxedShare EMG: the same share for a run holding beats on a pedestal, a chain or an episode
 *                           grown by them; such a chain also needs {@code openBeats} beats to open an episode
 *                           (default 0.55: clonus on a tonic contraction keeps its bursts brief, 0.6-0.8 in the
 *                           simulated grids; a contraction swinging at the same rhythm, its envelope a noisy
 *                           sinusoid, is below half its peaks for a third to a half of each cycle; any value
 *                           from 0.5 to 0.6 gives the same answers on those grids)
 * @param maxUnitShare       EMG: at most this share of a chain's beats may be single motor-unit potentials
 *                           (default 0.5)
 * @param minCyclePeriodicity ACC: the chain's stretch of signal, divided by its running RMS over one period, must
 *                           correlate with itself one period later at least this much (default 0.5: consecutive
 *                           cycles of one oscillation repeat; chance alignments of noise cycles do not)
 * @param minCycleSalience   ACC: a chain of fewer than {@code selfEvidentBeats} cycles needs a typical
 *                           amplitude of at least this many noise floors (default 5)
 * @param selfEvidentBeats   ACC: chains of at least this many cycles are judged on their rhythm alone, so
 *                           that a record oscillating from start to end is found (default 6)
 * @param maxMissedBeats     an episode goes on across at most this many missing beats in a row, when the
 *                           beat after the gap follows at the episode's rhythm (default 2)
 * @param maxBackfillBeats   beats linked back before an accepted chain at most (default 4: the weak or slower
 *                           beats of an onset that slows by up to 2 Hz over about three beats, Wallace et al. 2012)
 */
public record Thresholds(
        double strongSalience,
        double weakSalience,
        double burstWindowS,
        double minRelaxation,
        double maxRelaxedLevel,
        double relaxedShare,
        double relaxedBlockShare,
        double pedestalShare,
        double pedestalBlockShare,
        double pedestalAmplitude,
        double pedestalDecay,
        double minBurstS,
        double singleUnitShare,
        double floorQuantile,
        double cycleFloorQuantile,
        double precisionFloor,
        double minCycleProminence,
        double minFallShare,
        double minRiseShare,
        double linkTolerance,
        double extendTolerance,
        double amplitudeRatio,
        double cycleAmplitudeRatio,
        double maxJitterCv,
        double jitterConfidence,
        double spectralAgreement,
        int openBeats,
        int minStrongBeats,
        double maxStrayShare,
        double minRelaxedShare,
        double pedestalRelaxedShare,
        double maxUnitShare,
        double minCyclePeriodicity,
        double minCycleSalience,
        int selfEvidentBeats,
        int maxMissedBeats,
        int maxBackfillBeats) {

    /** Checks every value and names the one that is out of range. */
    public Thresholds {
        positive("strongSalience", strongSalience);
        positive("weakSalience", weakSalience);
        if (weakSalience > strongSalience) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "weakSalience (%.3g) must not exceed strongSalience (%.3g)", weakSalience, strongSalience));
        }
        positive("burstWindowS", burstWindowS);
        fraction("minRelaxation", minRelaxation);
        positive("maxRelaxedLevel", maxRelaxedLevel);
        fraction("relaxedShare", relaxedShare);
        fraction("relaxedBlockShare", relaxedBlockShare);
        fraction("pedestalShare", pedestalShare);
        fraction("pedestalBlockShare", pedestalBlockShare);
        fraction("pedestalAmplitude", pedestalAmplitude);
        fraction("pedestalDecay", pedestalDecay);
        nonNegative("minBurstS", minBurstS);
        fraction("singleUnitShare", singleUnitShare);
        fraction("floorQuantile", floorQuantile);
        fraction("cycleFloorQuantile", cycleFloorQuantile);
        nonNegative("precisionFloor", precisionFloor);
        fraction("minCycleProminence", minCycleProminence);
        fraction("minFallShare", minFallShare);
        fraction("minRiseShare", minRiseShare);
        if (!(linkTolerance > 0 && linkTolerance < 1)) {
            throw new IllegalArgumentException("linkTolerance must be between 0 and 1, got " + linkTolerance);
        }
        if (!(extendTolerance > 0 && extendTolerance < 1)) {
            throw new IllegalArgumentException("extendTolerance must be between 0 and 1, got " + extendTolerance);
        }
        if (!(amplitudeRatio >= 1) || Double.isInfinite(amplitudeRatio)) {
            throw new IllegalArgumentException("amplitudeRatio must be at least 1, got " + amplitudeRatio);
        }
        if (!(cycleAmplitudeRatio >= 1) || Double.isInfinite(cycleAmplitudeRatio)) {
            throw new IllegalArgumentException("cycleAmplitudeRatio must be at least 1, got " + cycleAmplitudeRatio);
        }
        positive("maxJitterCv", maxJitterCv);
        if (!(jitterConfidence >= 0.5 && jitterConfidence < 1)) {
            throw new IllegalArgumentException("jitterConfidence must be in [0.5, 1), got " + jitterConfidence);
        }
        positive("spectralAgreement", spectralAgreement);
        if (openBeats < 2) {
            throw new IllegalArgumentException("openBeats must be at least 2, got " + openBeats);
        }
        if (minStrongBeats < 1) {
            throw new IllegalArgumentException("minStrongBeats must be at least 1, got " + minStrongBeats);
        }
        fraction("maxStrayShare", maxStrayShare);
        fraction("minRelaxedShare", minRelaxedShare);
        fraction("pedestalRelaxedShare", pedestalRelaxedShare);
        fraction("maxUnitShare", maxUnitShare);
        if (!(minCyclePeriodicity >= -1 && minCyclePeriodicity <= 1)) {
            throw new IllegalArgumentException("minCyclePeriodicity must be between -1 and 1, got " + minCyclePeriodicity);
        }
        nonNegative("minCycleSalience", minCycleSalience);
        if (selfEvidentBeats < 2) {
            throw new IllegalArgumentException("selfEvidentBeats must be at least 2, got " + selfEvidentBeats);
        }
        if (maxMissedBeats < 0 || maxMissedBeats > 4) {
            throw new IllegalArgumentException("maxMissedBeats must be 0-4, got " + maxMissedBeats);
        }
        if (maxBackfillBeats < 0 || maxBackfillBeats > 64) {
            throw new IllegalArgumentException("maxBackfillBeats must be 0-64, got " + maxBackfillBeats);
        }
    }

    /** @return the documented defaults */
    public static Thresholds defaults() {
        return new Builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return every threshold by name, in declaration order (for reports and the methods paragraph) */
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        for (var c : Thresholds.class.getRecordComponents()) {
            try {
                m.put(c.getName(), (Number) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + v);
        }
    }

    private static void fraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
        }
    }

    /**
     * Builder of {@link Thresholds}: one setter per threshold (named as the component, each documented on
     * the record), or {@link #set} by name for tools that read names from a file; setters have no side
     * effects on other values. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Number> values = new LinkedHashMap<>();

        private Builder() {
            values.put("strongSalience", 3.0);
            values.put("weakSalience", 2.0);
            values.put("burstWindowS", 0.02);
            values.put("minRelaxation", 0.5);
            values.put("maxRelaxedLevel", 2.0);
            values.put("relaxedShare", 0.3);
            values.put("relaxedBlockShare", 0.15);
            values.put("pedestalShare", 0.45);
            values.put("pedestalBlockShare", 0.3);
            values.put("pedestalAmplitude", 0.5);
            values.put("pedestalDecay", 0.7);
            values.put("minBurstS", 0.008);
            values.put("singleUnitShare", 0.85);
            values.put("floorQuantile", 0.1);
            values.put("cycleFloorQuantile", 0.2);
            values.put("precisionFloor", 1e-10);
            values.put("minCycleProminence", 0.35);
            values.put("minFallShare", 0.1);
            values.put("minRiseShare", 0.2);
            values.put("linkTolerance", 0.4);
            values.put("extendTolerance", 0.5);
            values.put("amplitudeRatio", 5.0);
            values.put("cycleAmplitudeRatio", 2.5);
            values.put("maxJitterCv", 0.12);
            values.put("jitterConfidence", 0.99);
            values.put("spectralAgreement", 0.25);
            values.put("openBeats", 5);
            values.put("minStrongBeats", 2);
            values.put("maxStrayShare", 0.2);
            values.put("minRelaxedShare", 0.4);
            values.put("pedestalRelaxedShare", 0.55);
            values.put("maxUnitShare", 0.5);
            values.put("minCyclePeriodicity", 0.5);
            values.put("minCycleSalience", 5.0);
            values.put("selfEvidentBeats", 6);
            values.put("maxMissedBeats", 2);
            values.put("maxBackfillBeats", 4);
        }

        private Builder(Thresholds t) {
            values.putAll(t.asMap());
        }

        /**
         * @param name  a component name of {@link Thresholds}
         * @param value its new value
         * @return this
         * @throws IllegalArgumentException if no threshold has that name, or an integer one gets a fraction
         */
        public Builder set(String name, double value) {
            Number old = values.get(name);
            if (old == null) {
                throw new IllegalArgumentException("no threshold named '" + name + "'; known: " + values.keySet());
            }
            if (old instanceof Integer) {
                if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " is a whole number, got " + value);
                }
                values.put(name, (int) value);
            } else {
                values.put(name, value);
            }
            return this;
        }

        /** @param v EMG: a burst opens an episode when its level (the largest 20 ms mean of the rectified ... @return this */
        public Builder strongSalience(double v) {
            return set("strongSalience", v);
        }

        /** @param v EMG: a burst may extend an episode, before its first or after its last strong beat, ... @return this */
        public Builder weakSalience(double v) {
            return set("weakSalience", v);
        }

        /** @param v EMG: length of the moving mean whose maximum is a burst's level, s @return this */
        public Builder burstWindowS(double v) {
            return set("burstWindowS", v);
        }

        /** @param v EMG: the envelope falls on both sides of a burst to at most {@code 1 - this} of its peak @return this */
        public Builder minRelaxation(double v) {
            return set("minRelaxation", v);
        }

        /** @param v EMG: between bursts the rectified EMG comes down to at most this many noise floors @return this */
        public Builder maxRelaxedLevel(double v) {
            return set("maxRelaxedLevel", v);
        }

        /** @param v EMG: between bursts the lowest 20 ms mean of the rectified EMG may stay up to this ... @return this */
        public Builder relaxedShare(double v) {
            return set("relaxedShare", v);
        }

        /** @param v see {@link Thresholds#relaxedBlockShare()} @return this */
        public Builder relaxedBlockShare(double v) {
            return set("relaxedBlockShare", v);
        }

        /** @param v see {@link Thresholds#pedestalShare()} @return this */
        public Builder pedestalShare(double v) {
            return set("pedestalShare", v);
        }

        /** @param v see {@link Thresholds#pedestalBlockShare()} @return this */
        public Builder pedestalBlockShare(double v) {
            return set("pedestalBlockShare", v);
        }

        /** @param v see {@link Thresholds#pedestalAmplitude()} @return this */
        public Builder pedestalAmplitude(double v) {
            return set("pedestalAmplitude", v);
        }

        /** @param v see {@link Thresholds#pedestalDecay()} @return this */
        public Builder pedestalDecay(double v) {
            return set("pedestalDecay", v);
        }

        /** @param v EMG: a burst whose effective duration ((sum |x|)^2 / sum x^2 over its 4 ms blocks) is ... @return this */
        public Builder minBurstS(double v) {
            return set("minBurstS", v);
        }

        /** @param v EMG: the share of a burst's energy in two adjacent 4 ms blocks from which a short ... @return this */
        public Builder singleUnitShare(double v) {
            return set("singleUnitShare", v);
        }

        /** @param v EMG: quantile of the medians of quarter-second blocks of rectified EMG taken as the ... @return this */
        public Builder floorQuantile(double v) {
            return set("floorQuantile", v);
        }

        /** @param v ACC: the same quantile for the medians of |signal| @return this */
        public Builder cycleFloorQuantile(double v) {
            return set("cycleFloorQuantile", v);
        }

        /** @param v the noise floor is never below this fraction of the largest input magnitude seen, so ... @return this */
        public Builder precisionFloor(double v) {
            return set("precisionFloor", v);
        }

        /** @param v ACC: a cycle's peak falls to a trough by at least this fraction of the local range on ... @return this */
        public Builder minCycleProminence(double v) {
            return set("minCycleProminence", v);
        }

        /** @param v ACC: and by at least this fraction on the other side @return this */
        public Builder minFallShare(double v) {
            return set("minFallShare", v);
        }

        /** @param v ACC: and stands this fraction of the local range above the local mean @return this */
        public Builder minRiseShare(double v) {
            return set("minRiseShare", v);
        }

        /** @param v largest relative change between consecutive beat intervals of a chain @return this */
        public Builder linkTolerance(double v) {
            return set("linkTolerance", v);
        }

        /** @param v largest relative change between an episode's recent period and the interval to the ... @return this */
        public Builder extendTolerance(double v) {
            return set("extendTolerance", v);
        }

        /** @param v largest ratio between the amplitudes of consecutive beats of a chain, and of a beat to ... @return this */
        public Builder amplitudeRatio(double v) {
            return set("amplitudeRatio", v);
        }

        /** @param v ACC: the same ratio for the cycles of a motion signal @return this */
        public Builder cycleAmplitudeRatio(double v) {
            return set("cycleAmplitudeRatio", v);
        }

        /** @param v the beat-to-beat jitter of clonus, as a coefficient of variation, that a chain must ... @return this */
        public Builder maxJitterCv(double v) {
            return set("maxJitterCv", v);
        }

        /** @param v confidence of that bound @return this */
        public Builder jitterConfidence(double v) {
            return set("jitterConfidence", v);
        }

        /** @param v the periodogram of a chain's stretch of detection signal must peak within this ... @return this */
        public Builder spectralAgreement(double v) {
            return set("spectralAgreement", v);
        }

        /** @param v a chain with at least this many beats may open an episode as soon as it passes; ... @return this */
        public Builder openBeats(int v) {
            return set("openBeats", v);
        }

        /** @param v strong beats a chain needs at the least @return this */
        public Builder minStrongBeats(int v) {
            return set("minStrongBeats", v);
        }

        /** @param v EMG: between the beats of a chain of at least {@code openBeats} beats, at most this ... @return this */
        public Builder maxStrayShare(double v) {
            return set("maxStrayShare", v);
        }

        /** @param v EMG: between consecutive beats the envelope stays below half the smaller beat's peak ... @return this */
        public Builder minRelaxedShare(double v) {
            return set("minRelaxedShare", v);
        }

        /** @param v see {@link Thresholds#pedestalRelaxedShare()} @return this */
        public Builder pedestalRelaxedShare(double v) {
            return set("pedestalRelaxedShare", v);
        }

        /** @param v EMG: at most this share of a chain's beats may be single motor-unit potentials @return this */
        public Builder maxUnitShare(double v) {
            return set("maxUnitShare", v);
        }

        /** @param v ACC: the chain's stretch of signal, divided by its running RMS over one period, must ... @return this */
        public Builder minCyclePeriodicity(double v) {
            return set("minCyclePeriodicity", v);
        }

        /** @param v ACC: a chain of fewer than {@code selfEvidentBeats} cycles needs a typical amplitude ... @return this */
        public Builder minCycleSalience(double v) {
            return set("minCycleSalience", v);
        }

        /** @param v ACC: chains of at least this many cycles are judged on their rhythm alone, so that a ... @return this */
        public Builder selfEvidentBeats(int v) {
            return set("selfEvidentBeats", v);
        }

        /** @param v an episode goes on across at most this many missing beats in a row, when the beat ... @return this */
        public Builder maxMissedBeats(int v) {
            return set("maxMissedBeats", v);
        }

        /** @param v beats linked back before an accepted chain at most @return this */
        public Builder maxBackfillBeats(int v) {
            return set("maxBackfillBeats", v);
        }

        /** @param changes applied to this builder @return this */
        public Builder with(Consumer<Builder> changes) {
            changes.accept(this);
            return this;
        }

        /**
         * @return the thresholds
         * @throws IllegalArgumentException naming a value out of range
         */
        public Thresholds build() {
            return new Thresholds(d("strongSalience"), d("weakSalience"), d("burstWindowS"), d("minRelaxation"),
                    d("maxRelaxedLevel"), d("relaxedShare"), d("relaxedBlockShare"), d("pedestalShare"),
                    d("pedestalBlockShare"), d("pedestalAmplitude"), d("pedestalDecay"), d("minBurstS"), d("singleUnitShare"),
                    d("floorQuantile"), d("cycleFloorQuantile"), d("precisionFloor"), d("minCycleProminence"),
                    d("minFallShare"), d("minRiseShare"), d("linkTolerance"), d("extendTolerance"),
                    d("amplitudeRatio"), d("cycleAmplitudeRatio"), d("maxJitterCv"), d("jitterConfidence"),
                    d("spectralAgreement"), i("openBeats"), i("minStrongBeats"), d("maxStrayShare"),
                    d("minRelaxedShare"), d("pedestalRelaxedShare"), d("maxUnitShare"), d("minCyclePeriodicity"),
                    d("minCycleSalience"), i("selfEvidentBeats"), i("maxMissedBeats"), i("maxBackfillBeats"));
        }

        private double d(String name) {
            return values.get(name).doubleValue();
        }

        private int i(String name) {
            return values.get(name).intValue();
        }
    }
}
