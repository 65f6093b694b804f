package io.clonus.sim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The timing and relative size of the beats of one clonus run (or of any rhythmic run), shared by the EMG
 * and the accelerometer/gyroscope simulators so that both can be driven by the same physiology.
 *
 * <p>The physiology, and where the ranges come from:
 * <ul>
 * <li><b>Frequency.</b> Ankle clonus beats at 5–8 Hz, typically about 6 Hz.</li>
 * <li><b>Jitter.</b> Clonus is regular: the coefficient of variation of its intervals is 1–7 % in published
 * recordings (default 3 %). Each interval is the nominal interval times {@code 1 + jitter·g} with g a standard
 * Gaussian truncated to ±3, so that no interval can become negative.</li>
 * <li><b>Onset and end slowing.</b> The first interval of a run is slower than the run's main frequency by up
 * to 2 Hz, easing to the main frequency over about three beats (Wallace et al. 2012); runs that die out slow
 * down likewise at their end. Interval {@code k} (0-based, between beats {@code k} and {@code k+1}) has the
 * nominal frequency {@code frequencyHz − max(onsetSlowingHz·w(k), endSlowingHz·w(m−1−k))} with
 * {@code m = beats − 1} intervals and {@code w(j) = max(0, 1 − j/3)}: the slowing is full on the first (last)
 * interval, two thirds on the second, one third on the third and gone from the fourth. Where the onset and the
 * end overlap (short runs) the larger slowing applies.</li>
 * <li><b>First beat the largest.</b> The first beat after the stretch is the largest (Boyraz et al. 2015):
 * {@code firstBeatGain} (for example 1.0–2.0) multiplies it.</li>
 * <li><b>Decay.</b> Unsustained clonus dies out: beat {@code k} is {@code decay^k} times the first (0.85
 * for example); 1 keeps the amplitude constant; above 1 it grows.</li>
 * <li><b>Amplitude variation.</b> Every beat after the first is multiplied by a random factor uniform in
 * {@code [1 − amplitudeVariation, 1 + amplitudeVariation]} (for example 0.1–0.4). The first beat takes no
 * random factor, so it is the largest whenever {@code firstBeatGain > decay·(1 + amplitudeVariation)} and
 * {@code decay ≤ 1}.</li>
 * </ul>
 *
 * <p>A pattern is a description only; {@link #beatTimes} and {@link #amplitudes} realise it with a random
 * source, and the realised times are the truth that the simulators record. Immutable and thread-safe. Make one
 * with {@link #of} (defaults: jitter 0.03, no slowing, first-beat gain 1, no decay, amplitude variation 0.15)
 * or {@link #builder}, and change one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ClonusPattern p = ClonusPattern.builder(2.0, 4, 6.0)    // 4 beats at 6 Hz from t = 2 s
 *         .jitter(0.04).onsetSlowingHz(1.5).firstBeatGain(1.6).decay(0.85).build();
 * }</pre>
 *
 * @param startS             time of the first beat, seconds (0 or more)
 * @param beats              number of beats, at least 1 (2 makes a run too short to be clonus)
 * @param frequencyHz        the run's main frequency, Hz (above 0, at most 50)
 * @param jitter             coefficient of variation of the intervals, 0–0.3 (published 0.01–0.07)
 * @param onsetSlowingHz     how much slower than {@code frequencyHz} the first interval is, Hz (0 to half the
 *                           frequency; published up to 2 Hz)
 * @param endSlowingHz       how much slower the last interval is, Hz (same range)
 * @param firstBeatGain      amplitude factor of the first beat, above 0 and at most 5 (1 for none)
 * @param decay              amplitude factor from one beat to the next, above 0 and at most 1.5
 * @param amplitudeVariation relative random variation of the beats after the first, 0 to 0.9
 */
public record ClonusPattern(double startS, int beats, double frequencyHz, double jitter, double onsetSlowingHz,
        double endSlowingHz, double firstBeatGain, double decay, double amplitudeVariation) {

    /** Default coefficient of variation of the intervals. */
    public static final double DEFAULT_JITTER = 0.03;
    /** Default relative amplitude variation of the beats. */
    public static final double DEFAULT_AMPLITUDE_VARIATION = 0.15;
    /** Number of intervals over which onset and end slowing ease off. */
    private static final double EASING_INTERVALS = 3;

    /** Checks every argument; the message names the one that is wrong. */
    public ClonusPattern {
        if (!(startS >= 0) || Double.isInfinite(startS)) {
            throw new IllegalArgumentException("startS must be a finite time of 0 s or later, got " + startS);
        }
        if (beats < 1) {
            throw new IllegalArgumentException("beats must be at least 1, got " + beats);
        }
        if (!(frequencyHz > 0 && frequencyHz <= 50)) {
            throw new IllegalArgumentException("frequencyHz must be above 0 and at most 50 Hz, got " + frequencyHz);
        }
        if (!(jitter >= 0 && jitter <= 0.3)) {
            throw new IllegalArgumentException("jitter (CV of the intervals) must be 0-0.3, got " + jitter);
        }
        slowing("onsetSlowingHz", onsetSlowingHz, frequencyHz);
        slowing("endSlowingHz", endSlowingHz, frequencyHz);
        if (!(firstBeatGain > 0 && firstBeatGain <= 5)) {
            throw new IllegalArgumentException("firstBeatGain must be above 0 and at most 5, got " + firstBeatGain);
        }
        if (!(decay > 0 && decay <= 1.5)) {
            throw new IllegalArgumentException("decay (amplitude factor per beat) must be above 0 and at most 1.5, got "
                    + decay);
        }
        if (!(amplitudeVariation >= 0 && amplitudeVariation <= 0.9)) {
            throw new IllegalArgumentException("amplitudeVariation must be 0-0.9, got " + amplitudeVariation);
        }
    }

    private static void slowing(String name, double v, double frequencyHz) {
        if (!(v >= 0 && v <= frequencyHz / 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be 0 to half the frequency (%.3g Hz), got %s", name, frequencyHz / 2, v));
        }
    }

    /**
     * A run with the defaults: jitter 0.03, no slowing, first-beat gain 1, decay 1, amplitude variation 0.15.
     *
     * @param startS      time of the first beat, seconds
     * @param beats       number of beats
     * @param frequencyHz main frequency, Hz
     * @return the pattern
     */
    public static ClonusPattern of(double startS, int beats, double frequencyHz) {
        return builder(startS, beats, frequencyHz).build();
    }

    /**
     * @param startS      time of the first beat, seconds
     * @param beats       number of beats
     * @param frequencyHz main frequency, Hz
     * @return a builder holding the defaults of {@link #of}
     */
    public static Builder builder(double startS, int beats, double frequencyHz) {
        return new Builder(startS, beats, frequencyHz);
    }

    /** @return a builder holding this pattern's values */
    public Builder toBuilder() {
        return new Builder(startS, beats, frequencyHz).jitter(jitter).onsetSlowingHz(onsetSlowingHz)
                .endSlowingHz(endSlowingHz).firstBeatGain(firstBeatGain).decay(decay)
                .amplitudeVariation(amplitudeVariation);
    }

    /**
     * The intervals without jitter: the main period lengthened by the onset and end slowing.
     *
     * @return {@code beats − 1} intervals, seconds
     */
    public double[] nominalIntervalsS() {
        int m = beats - 1;
        double[] d = new double[m];
        for (int k = 0; k < m; k++) {
            d[k] = 1 / nominalFrequencyHz(k);
        }
        return d;
    }

    /**
     * @return 1 / mean nominal interval, Hz: the frequency the run has without jitter, lower than
     *         {@link #frequencyHz()} when it slows at its onset or end; {@link #frequencyHz()} for a single beat
     */
    public double nominalMeanFrequencyHz() {
        if (beats < 2) {
            return frequencyHz;
        }
        double sum = 0;
        for (double d : nominalIntervalsS()) {
            sum += d;
        }
        return (beats - 1) / sum;
    }

    /** @return time of the last beat without jitter, seconds */
    public double nominalEndS() {
        double t = startS;
        for (double d : nominalIntervalsS()) {
            t += d;
        }
        return t;
    }

    private double nominalFrequencyHz(int k) {
        int m = beats - 1;
        double slow = Math.max(onsetSlowingHz * ease(k), endSlowingHz * ease(m - 1 - k));
        return frequencyHz - slow;
    }

    private static double ease(int j) {
        return Math.max(0, 1 - j / EASING_INTERVALS);
    }

    /**
     * Realises the beat times: the first at {@link #startS()}, then the nominal intervals each multiplied by
     * {@code 1 + jitter·g} (g standard Gaussian truncated to ±3). Draws {@code beats − 1} Gaussians.
     *
     * @param rng random source
     * @return the beat times, seconds, increasing
     */
    public double[] beatTimes(SplittableRandom rng) {
        double[] d = nominalIntervalsS();
        double[] t = new double[beats];
        t[0] = startS;
        for (int k = 1; k < beats; k++) {
            double g = Math.max(-3, Math.min(3, Noise.gauss(rng)));
            t[k] = t[k - 1] + d[k - 1] * (1 + jitter * g);
        }
        return t;
    }

    /**
     * Realises the relative beat amplitudes: beat 0 is {@code firstBeatGain}; beat {@code k ≥ 1} is
     * {@code decay^k · u} with u uniform in {@code [1 − amplitudeVariation, 1 + amplitudeVariation]}. Draws
     * {@code beats − 1} uniforms.
     *
     * @param rng random source
     * @return the relative amplitudes, all above 0
     */
    public double[] amplitudes(SplittableRandom rng) {
        double[] a = new double[beats];
        a[0] = firstBeatGain;
        double d = 1;
        for (int k = 1; k < beats; k++) {
            d *= decay;
            a[k] = d * (1 + amplitudeVariation * (2 * rng.nextDouble() - 1));
        }
        return a;
    }

    /** @return a short description, for example {@code 8 beats at 6 Hz from 2 s, jitter 3 %} */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d beats at %.3g Hz from %.3g s, jitter %.2g %%",
                beats, frequencyHz, startS, 100 * jitter));
        if (onsetSlowingHz > 0 || endSlowingHz > 0) {
            s.append(String.format(Locale.ROOT, ", slowing %.2g Hz at onset and %.2g Hz at end", onsetSlowingHz,
                    endSlowingHz));
        }
        if (firstBeatGain != 1) {
            s.append(String.format(Locale.ROOT, ", first beat x%.2g", firstBeatGain));
        }
        if (decay != 1) {
            s.append(String.format(Locale.ROOT, ", decay %.2g per beat", decay));
        }
        return s.toString();
    }

    /** Collects the values of a pattern; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final double startS;
        private final int beats;
        private final double frequencyHz;
        private double jitter = DEFAULT_JITTER;
        private double onsetSlowingHz;
        private double endSlowingHz;
        private double firstBeatGain = 1;
        private double decay = 1;
        private double amplitudeVariation = DEFAULT_AMPLITUDE_VARIATION;

        private Builder(double startS, int beats, double frequencyHz) {
            this.startS = startS;
            this.beats = beats;
            this.frequencyHz = frequencyHz;
        }

        /**
         * @param cv coefficient of variation of the intervals (0–0.3; published 0.01–0.07)
         * @return this
         */
        public Builder jitter(double cv) {
            this.jitter = cv;
            return this;
        }

        /**
         * @param hz slowing of the first interval, Hz (up to 2 Hz published)
         * @return this
         */
        public Builder onsetSlowingHz(double hz) {
            this.onsetSlowingHz = hz;
            return this;
        }

        /**
         * @param hz slowing of the last interval, Hz
         * @return this
         */
        public Builder endSlowingHz(double hz) {
            this.endSlowingHz = hz;
            return this;
        }

        /**
         * @param gain amplitude factor of the first beat (for example 1.0–2.0)
         * @return this
         */
        public Builder firstBeatGain(double gain) {
            this.firstBeatGain = gain;
            return this;
        }

        /**
         * @param factor amplitude factor from one beat to the next (1 constant, 0.85 dying out)
         * @return this
         */
        public Builder decay(double factor) {
            this.decay = factor;
            return this;
        }

        /**
         * @param variation relative random variation of each beat after the first (0–0.9)
         * @return this
         */
        public Builder amplitudeVariation(double variation) {
            this.amplitudeVariation = variation;
            return this;
        }

        /**
         * @return the pattern
         * @throws IllegalArgumentException naming the first value out of range
         */
        public ClonusPattern build() {
            return new ClonusPattern(startS, beats, frequencyHz, jitter, onsetSlowingHz, endSlowingHz, firstBeatGain,
                    decay, amplitudeVariation);
        }
    }
}
