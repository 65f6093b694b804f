package io.clonus.detect;

import java.util.Locale;
import java.util.Objects;

/**
 * Every parameter of the detector, with the defaults documented here and in the README. Immutable and
 * thread-safe; make one with {@link #defaults()} and change it with {@link #toBuilder()}.
 *
 * <p>Frequencies are in Hz, durations in seconds. The <em>clonus band</em> ({@link #bandLowHz()} to
 * {@link #bandHighHz()}) decides which rhythms count as clonus; the wider <em>search range</em>
 * ({@link #searchLowHz()} to {@link #searchHighHz()}, half the low edge to twice the high edge) is where
 * rhythms are looked for at all, so that a rhythm outside the band is still reported, flagged as such.
 *
 * @param bandLowHz            low edge of the clonus band (default 5 Hz)
 * @param bandHighHz           high edge of the clonus band (default 8 Hz)
 * @param rule                 turns an episode into a class (default: 5 or more beats sustained)
 * @param minBeats             beats an episode needs at the least (default 3)
 * @param mains                power-line suppression for EMG (default {@link MainsSetting#AUTO})
 * @param mainsProbeS          seconds at the start of a record used to detect mains interference (default 4)
 * @param emgLowHz             EMG band-pass low edge (default 20 Hz)
 * @param emgHighHz            EMG band-pass high edge (default 450 Hz, capped at 0.45 × sample rate)
 * @param emgFilterOrder       Butterworth order of the EMG band-pass (default 4)
 * @param envelopeCutoffHz     low-pass cut-off of the EMG envelope used to find beats (default 20 Hz)
 * @param minBurstS            EMG: a burst shorter than this in effective duration, (Σ|x|)²/Σx² over its raw
 *                             samples, whose energy sits in two 4 ms blocks, looks like a single motor-unit
 *                             potential; a run of mostly such beats is a single unit firing regularly, not
 *                             clonus (default 0.008 s; such a potential lasts 3-7 ms, a clonus burst of many
 *                             units tens of milliseconds)
 * @param minRelaxation        EMG: how far the envelope must fall between bursts, as a fraction of the burst
 *                             peak (default 0.5: the valleys on both sides are at most half the peak)
 * @param minSalience          EMG: a burst peak must be this many times the noise floor (default 2.5)
 * @param maxRelaxedLevel      EMG: between bursts the block-averaged rectified EMG must come down to at most
 *                             this many times the noise floor (default 2): the muscle relaxes
 * @param floorWindowS         seconds of trailing signal from which the noise floor is taken (default 30)
 * @param minCycleProminence   ACC: a cycle's peak-to-trough height as a fraction of the local range (default 0.35)
 * @param intervalTolerance    largest relative deviation of a beat interval from the episode's period (default 0.25)
 * @param maxIntervalCv        largest coefficient of variation of the intervals of an episode (default 0.15;
 *                             clonus is regular)
 * @param minPeriodicity       smallest autocorrelation of the detection signal at the beat period for a run of
 *                             beats to be rhythmic (default 0.6: a damped ringing of a few cycles after an impact,
 *                             or a single motor unit speeding up in needle EMG, reaches 0.5-0.57)
 * @param minCycleSalience     ACC: a run of fewer than {@code selfEvidentBeats} cycles needs a typical amplitude
 *                             (half peak-to-trough) of at least this many noise floors (default 5); the floor
 *                             is the 20th percentile of quarter-second medians of the absolute oscillation
 * @param selfEvidentBeats     ACC: runs of at least this many cycles are judged on their periodicity alone, so
 *                             that a record oscillating from start to end is found (default 6)
 * @param axisTimeConstantS    ACC: time constant of the running covariance that gives the principal axis (default 1 s)
 * @param maxEpisodeEvidenceS  longest stretch of an episode kept for its spectral and autocorrelation estimates
 *                             (default 60 s; longer episodes are estimated from their first 60 s)
 */
public record DetectorConfig(
        double bandLowHz,
        double bandHighHz,
        ClassificationRule rule,
        int minBeats,
        MainsSetting mains,
        double mainsProbeS,
        double emgLowHz,
        double emgHighHz,
        int emgFilterOrder,
        double envelopeCutoffHz,
        double minBurstS,
        double minRelaxation,
        double minSalience,
        double maxRelaxedLevel,
        double floorWindowS,
        double minCycleProminence,
        double intervalTolerance,
        double maxIntervalCv,
        double minPeriodicity,
        double minCycleSalience,
        int selfEvidentBeats,
        double axisTimeConstantS,
        double maxEpisodeEvidenceS) {

    /** Lowest EMG sample rate accepted at all, Hz. */
    public static final double MIN_EMG_SAMPLE_RATE_HZ = 500.0;
    /** EMG sample rate below which the 20–450 Hz band is narrowed, with a warning, Hz. */
    public static final double RECOMMENDED_EMG_SAMPLE_RATE_HZ = 1000.0;
    /** Shortest record accepted, seconds. */
    public static final double MIN_DURATION_S = 1.0;

    /** Checks every parameter and refuses contradictions with a message that names the parameter. */
    public DetectorConfig {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(mains, "mains");
        positive("bandLowHz", bandLowHz);
        positive("bandHighHz", bandHighHz);
        if (bandLowHz >= bandHighHz) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "clonus band edges reversed: low %.3g Hz must be below high %.3g Hz", bandLowHz, bandHighHz));
        }
        if (bandHighHz > 20) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "clonus band high edge %.3g Hz is above 20 Hz; clonus is a 3-12 Hz rhythm", bandHighHz));
        }
        if (minBeats < 2) {
            throw new IllegalArgumentException("minBeats must be at least 2, got " + minBeats);
        }
        positive("mainsProbeS", mainsProbeS);
        positive("emgLowHz", emgLowHz);
        positive("emgHighHz", emgHighHz);
        if (emgLowHz >= emgHighHz) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "EMG band edges reversed: low %.3g Hz must be below high %.3g Hz", emgLowHz, emgHighHz));
        }
        if (emgFilterOrder < 1 || emgFilterOrder > 10) {
            throw new IllegalArgumentException("emgFilterOrder must be 1-10, got " + emgFilterOrder);
        }
        positive("envelopeCutoffHz", envelopeCutoffHz);
        if (envelopeCutoffHz < 2 * bandHighHz) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "envelope cut-off %.3g Hz must be at least twice the band's high edge (%.3g Hz)",
                    envelopeCutoffHz, 2 * bandHighHz));
        }
        nonNegative("minBurstS", minBurstS);
        fraction("minRelaxation", minRelaxation);
        nonNegative("minSalience", minSalience);
        positive("maxRelaxedLevel", maxRelaxedLevel);
        positive("floorWindowS", floorWindowS);
        fraction("minCycleProminence", minCycleProminence);
        if (!(intervalTolerance > 0 && intervalTolerance < 0.5)) {
            throw new IllegalArgumentException("intervalTolerance must be between 0 and 0.5, got " + intervalTolerance);
        }
        positive("maxIntervalCv", maxIntervalCv);
        fraction("minPeriodicity", minPeriodicity);
        nonNegative("minCycleSalience", minCycleSalience);
        if (selfEvidentBeats < minBeats) {
            throw new IllegalArgumentException("selfEvidentBeats (" + selfEvidentBeats + ") must be at least minBeats ("
                    + minBeats + ")");
        }
        positive("axisTimeConstantS", axisTimeConstantS);
        positive("maxEpisodeEvidenceS", maxEpisodeEvidenceS);
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

    /** @return the defaults: clonus band 5–8 Hz, 3 beats at least, 5 or more beats sustained */
    public static DetectorConfig defaults() {
        return new Builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return low edge of the range searched for rhythms: half the band's low edge, Hz */
    public double searchLowHz() {
        return bandLowHz / 2;
    }

    /** @return high edge of the range searched for rhythms: twice the band's high edge, Hz */
    public double searchHighHz() {
        return bandHighHz * 2;
    }

    /**
     * @param frequencyHz a rhythm's frequency
     * @return whether it lies in the clonus band (edges included)
     */
    public boolean inBand(double frequencyHz) {
        return frequencyHz >= bandLowHz && frequencyHz <= bandHighHz;
    }

    /**
     * @param sampleRateHz an EMG sample rate
     * @return the EMG band-pass high edge used at that rate: {@link #emgHighHz()} capped at 0.45 × rate
     */
    public double emgHighHzAt(double sampleRateHz) {
        return Math.min(emgHighHz, 0.45 * sampleRateHz);
    }

    /** Builder of {@link DetectorConfig}; not thread-safe. */
    public static final class Builder {
        private double bandLowHz = 5.0;
        private double bandHighHz = 8.0;
        private ClassificationRule rule = ClassificationRule.defaultRule();
        private int minBeats = 3;
        private MainsSetting mains = MainsSetting.AUTO;
        private double mainsProbeS = 4.0;
        private double emgLowHz = 20.0;
        private double emgHighHz = 450.0;
        private int emgFilterOrder = 4;
        private double envelopeCutoffHz = 20.0;
        private double minBurstS = 0.008;
        private double minRelaxation = 0.5;
        private double minSalience = 2.5;
        private double maxRelaxedLevel = 2.0;
        private double floorWindowS = 30.0;
        private double minCycleProminence = 0.35;
        private double intervalTolerance = 0.25;
        private double maxIntervalCv = 0.15;
        private double minPeriodicity = 0.6;
        private double minCycleSalience = 5.0;
        private int selfEvidentBeats = 6;
        private double axisTimeConstantS = 1.0;
        private double maxEpisodeEvidenceS = 60.0;

        private Builder() {
        }

        private Builder(DetectorConfig c) {
            bandLowHz = c.bandLowHz;
            bandHighHz = c.bandHighHz;
            rule = c.rule;
            minBeats = c.minBeats;
            mains = c.mains;
            mainsProbeS = c.mainsProbeS;
            emgLowHz = c.emgLowHz;
            emgHighHz = c.emgHighHz;
            emgFilterOrder = c.emgFilterOrder;
            envelopeCutoffHz = c.envelopeCutoffHz;
            minBurstS = c.minBurstS;
            minRelaxation = c.minRelaxation;
            minSalience = c.minSalience;
            maxRelaxedLevel = c.maxRelaxedLevel;
            floorWindowS = c.floorWindowS;
            minCycleProminence = c.minCycleProminence;
            intervalTolerance = c.intervalTolerance;
            maxIntervalCv = c.maxIntervalCv;
            minPeriodicity = c.minPeriodicity;
            minCycleSalience = c.minCycleSalience;
            selfEvidentBeats = c.selfEvidentBeats;
            axisTimeConstantS = c.axisTimeConstantS;
            maxEpisodeEvidenceS = c.maxEpisodeEvidenceS;
        }

        /**
         * @param lowHz  low edge of the clonus band, Hz
         * @param highHz high edge, Hz; the envelope cut-off is raised to 2.5 × high edge if it was lower
         * @return this
         */
        public Builder band(double lowHz, double highHz) {
            this.bandLowHz = lowHz;
            this.bandHighHz = highHz;
            if (envelopeCutoffHz < 2.5 * highHz) {
                envelopeCutoffHz = 2.5 * highHz;
            }
            return this;
        }

        /** @param v the classification rule @return this */
        public Builder rule(ClassificationRule v) {
            this.rule = v;
            return this;
        }

        /** @param v fewest beats of an episode @return this */
        public Builder minBeats(int v) {
            this.minBeats = v;
            return this;
        }

        /** @param v mains handling @return this */
        public Builder mains(MainsSetting v) {
            this.mains = v;
            return this;
        }

        /** @param v seconds used to detect mains @return this */
        public Builder mainsProbeS(double v) {
            this.mainsProbeS = v;
            return this;
        }

        /** @param lowHz EMG band-pass low edge @param highHz high edge @return this */
        public Builder emgBand(double lowHz, double highHz) {
            this.emgLowHz = lowHz;
            this.emgHighHz = highHz;
            return this;
        }

        /** @param v EMG band-pass Butterworth order @return this */
        public Builder emgFilterOrder(int v) {
            this.emgFilterOrder = v;
            return this;
        }

        /** @param v envelope low-pass cut-off, Hz @return this */
        public Builder envelopeCutoffHz(double v) {
            this.envelopeCutoffHz = v;
            return this;
        }

        /** @param v narrowest burst, s @return this */
        public Builder minBurstS(double v) {
            this.minBurstS = v;
            return this;
        }

        /** @param v relaxation depth between bursts, 0–1 @return this */
        public Builder minRelaxation(double v) {
            this.minRelaxation = v;
            return this;
        }

        /** @param v burst peak over noise floor @return this */
        public Builder minSalience(double v) {
            this.minSalience = v;
            return this;
        }

        /** @param v level, in noise floors, to which EMG must fall between bursts @return this */
        public Builder maxRelaxedLevel(double v) {
            this.maxRelaxedLevel = v;
            return this;
        }

        /** @param v noise-floor window, s @return this */
        public Builder floorWindowS(double v) {
            this.floorWindowS = v;
            return this;
        }

        /** @param v ACC cycle prominence, 0–1 @return this */
        public Builder minCycleProminence(double v) {
            this.minCycleProminence = v;
            return this;
        }

        /** @param v interval tolerance, 0–0.5 @return this */
        public Builder intervalTolerance(double v) {
            this.intervalTolerance = v;
            return this;
        }

        /** @param v largest interval coefficient of variation @return this */
        public Builder maxIntervalCv(double v) {
            this.maxIntervalCv = v;
            return this;
        }

        /** @param v smallest autocorrelation at the beat period, 0–1 @return this */
        public Builder minPeriodicity(double v) {
            this.minPeriodicity = v;
            return this;
        }

        /** @param v ACC: amplitude of a short run in noise floors @return this */
        public Builder minCycleSalience(double v) {
            this.minCycleSalience = v;
            return this;
        }

        /** @param v ACC: cycles from which a run is judged on periodicity alone @return this */
        public Builder selfEvidentBeats(int v) {
            this.selfEvidentBeats = v;
            return this;
        }

        /** @param v ACC principal-axis time constant, s @return this */
        public Builder axisTimeConstantS(double v) {
            this.axisTimeConstantS = v;
            return this;
        }

        /** @param v longest stretch kept per episode for its estimates, s @return this */
        public Builder maxEpisodeEvidenceS(double v) {
            this.maxEpisodeEvidenceS = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter that is out of range
         */
        public DetectorConfig build() {
            return new DetectorConfig(bandLowHz, bandHighHz, rule, minBeats, mains, mainsProbeS, emgLowHz, emgHighHz,
                    emgFilterOrder, envelopeCutoffHz, minBurstS, minRelaxation, minSalience, maxRelaxedLevel,
                    floorWindowS, minCycleProminence, intervalTolerance, maxIntervalCv, minPeriodicity, minCycleSalience,
                    selfEvidentBeats,
                    axisTimeConstantS, maxEpisodeEvidenceS);
        }
    }
}
