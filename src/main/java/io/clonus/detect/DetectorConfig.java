package io.clonus.detect;

import java.util.Locale;
import java.util.Objects;

/**
 * Every parameter of the detector, with the defaults documented here and in the README. Immutable and
 * thread-safe; make one with {@link #defaults()} and change it with {@link #toBuilder()}. The decision
 * thresholds of the beat and episode stages are in {@link #thresholds()}, each with its unit and source.
 *
 * <p>Frequencies are in Hz, durations in seconds. The <em>clonus band</em> ({@link #bandLowHz()} to
 * {@link #bandHighHz()}) decides which rhythms count as clonus; the wider <em>search range</em>
 * ({@link #searchLowHz()} to {@link #searchHighHz()}, half the low edge to twice the high edge) is where
 * rhythms are looked for at all, so that a rhythm outside the band is still reported, flagged as such.
 *
 * @param bandLowHz           low edge of the clonus band (default 5 Hz)
 * @param bandHighHz          high edge of the clonus band (default 8 Hz)
 * @param rule                turns an episode into a class (default: 5 or more beats sustained)
 * @param minBeats            beats an episode needs at the least (default 3)
 * @param mains               power-line suppression for EMG (default {@link MainsSetting#AUTO})
 * @param mainsProbeS         seconds at the start of a record used to detect mains interference (default 4)
 * @param emgLowHz            EMG band-pass low edge (default 20 Hz)
 * @param emgHighHz           EMG band-pass high edge (default 450 Hz, capped at 0.45 × sample rate)
 * @param emgFilterOrder      Butterworth order of the EMG band-pass (default 4)
 * @param envelopeCutoffHz    low-pass cut-off of the EMG envelope used to find beats (default: 2.5 × the
 *                            band's high edge, 20 Hz with the default band; at least twice the high edge)
 * @param floorWindowS        seconds of trailing signal from which the noise floor is taken (default 30)
 * @param axisTimeConstantS   ACC: time constant of the running covariance that gives the principal axis
 *                            (default 1 s)
 * @param maxEpisodeEvidenceS longest stretch of an episode kept for its spectral and autocorrelation estimates
 *                            (default 60 s; longer episodes are estimated from their first 60 s)
 * @param thresholds          the decision thresholds of the beat and episode stages
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
        double floorWindowS,
        double axisTimeConstantS,
        double maxEpisodeEvidenceS,
        Thresholds thresholds) {

    /** Lowest EMG sample rate accepted at all, Hz. */
    public static final double MIN_EMG_SAMPLE_RATE_HZ = 500.0;
    /** EMG sample rate below which the 20–450 Hz band is narrowed, with a warning, Hz. */
    public static final double RECOMMENDED_EMG_SAMPLE_RATE_HZ = 1000.0;
    /** Shortest record accepted, seconds. */
    public static final double MIN_DURATION_S = 1.0;
    /** The default envelope cut-off as a multiple of the band's high edge. */
    public static final double ENVELOPE_CUTOFF_PER_BAND_EDGE = 2.5;

    /** Checks every parameter and refuses contradictions with a message that names the parameter. */
    public DetectorConfig {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(mains, "mains");
        Objects.requireNonNull(thresholds, "thresholds");
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
        positive("floorWindowS", floorWindowS);
        positive("axisTimeConstantS", axisTimeConstantS);
        positive("maxEpisodeEvidenceS", maxEpisodeEvidenceS);
        if (thresholds.selfEvidentBeats() < minBeats) {
            throw new IllegalArgumentException("selfEvidentBeats (" + thresholds.selfEvidentBeats()
                    + ") must be at least minBeats (" + minBeats + ")");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
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

    /** @return a builder holding this configuration (its envelope cut-off then counts as set explicitly) */
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

    /** Builder of {@link DetectorConfig}; setters only set their own value. Not thread-safe. */
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
        private double envelopeCutoffHz = Double.NaN; // NaN: 2.5 × the band's high edge at build()
        private double floorWindowS = 30.0;
        private double axisTimeConstantS = 1.0;
        private double maxEpisodeEvidenceS = 60.0;
        private Thresholds thresholds = Thresholds.defaults();

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
            floorWindowS = c.floorWindowS;
            axisTimeConstantS = c.axisTimeConstantS;
            maxEpisodeEvidenceS = c.maxEpisodeEvidenceS;
            thresholds = c.thresholds;
        }

        /**
         * @param lowHz  low edge of the clonus band, Hz
         * @param highHz high edge, Hz
         * @return this
         */
        public Builder band(double lowHz, double highHz) {
            this.bandLowHz = lowHz;
            this.bandHighHz = highHz;
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

        /**
         * @param v envelope low-pass cut-off, Hz; {@code Double.NaN} restores the default (2.5 × the band's
         *          high edge, worked out when the configuration is built)
         * @return this
         */
        public Builder envelopeCutoffHz(double v) {
            this.envelopeCutoffHz = v;
            return this;
        }

        /** @param v noise-floor window, s @return this */
        public Builder floorWindowS(double v) {
            this.floorWindowS = v;
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

        /** @param v the decision thresholds @return this */
        public Builder thresholds(Thresholds v) {
            this.thresholds = Objects.requireNonNull(v, "thresholds");
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter that is out of range
         */
        public DetectorConfig build() {
            double cutoff = Double.isNaN(envelopeCutoffHz) ? ENVELOPE_CUTOFF_PER_BAND_EDGE * bandHighHz
                    : envelopeCutoffHz;
            return new DetectorConfig(bandLowHz, bandHighHz, rule, minBeats, mains, mainsProbeS, emgLowHz, emgHighHz,
                    emgFilterOrder, cutoff, floorWindowS, axisTimeConstantS, maxEpisodeEvidenceS, thresholds);
        }
    }
}
