package io.clonus.episodes;

import io.clonus.beats.DetectionHistory;
import io.clonus.beats.NoiseFloor;
import io.clonus.detect.AcceptanceRule;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.SignalType;
import io.clonus.detect.Thresholds;
import io.clonus.dsp.PeriodogramPeak;
import io.clonus.dsp.PowerOfTwo;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Decides whether a run of beat candidates is clonus, rule by rule ({@link AcceptanceRule}, in that
 * order), and says which rule a rejected run failed with the measured value and the limit.
 *
 * <ul>
 * <li>{@code BEATS}: at least {@code minBeats} beats; a chain holding beats on a pedestal, to open an episode,
 *     at least {@code openBeats} unless it dies out as unsustained clonus does (its first beat its largest, its
 *     last at most {@code pedestalDecay} of the first, and no other candidate of {@code pedestalAmplitude} of
 *     its median amplitude between its beats or within 1 + {@code extendTolerance} periods around it).</li>
 * <li>{@code STRONG_BEATS}: at least {@code minStrongBeats} of them strong: weak beats complete a rhythm, strong
 *     ones make it.</li>
 * <li>{@code BAND_LOW}, {@code BAND_HIGH}: the frequency, 1 / mean interval, lies in the clonus band.</li>
 * <li>{@code JITTER}: the beat-to-beat jitter, estimated from successive interval differences as
 *     sqrt(sum (I[k+1] - I[k])^2 / (2 (m - 1))) / mean I for m intervals (slow drift of the frequency hardly
 *     changes it), is not significantly above {@code maxJitterCv}: at most maxJitterCv × sqrt(q / df), q
 *     the {@code jitterConfidence} quantile of the chi-square distribution with df = m - 1 degrees of freedom.
 *     Two intervals give a wide bound, sixty a narrow one; a single interval is not judged.</li>
 * <li>{@code RELAXATION} (EMG): between consecutive beats the envelope stays below half the smaller beat's
 *     peak for at least {@code minRelaxedShare} of the interval on average: the muscle relaxes between
 *     the brief bursts of clonus, not between the sub-peaks of one long burst. A run holding beats on a
 *     pedestal (a chain, or an episode grown by them) needs {@code pedestalRelaxedShare}: the bursts of clonus on a tonic
 *     contraction stay brief, while the envelope of a contraction swinging at the same rhythm is a noisy
 *     sinusoid, below half its peaks for a third to a half of each cycle.</li>
 * <li>{@code SINGLE_UNITS} (EMG): at most {@code maxUnitShare} of the beats look like single motor-unit
 *     potentials: a unit firing regularly is not clonus.</li>
 * <li>{@code CYCLE_SALIENCE} (ACC): a run of fewer than {@code selfEvidentBeats} cycles has a median
 *     amplitude of at least {@code minCycleSalience} noise floors: a few cycles no larger than the
 *     background could be chance.</li>
 * <li>{@code STRAYS} (EMG): no strong candidate at least 1 / {@code amplitudeRatio} of the run's median
 *     amplitude lies off the run within one period before its first or after its last beat (clonus that dies
 *     out stands alone, while a chain picked out of irregular firing has neighbours off its rhythm); between
 *     its beats none for a run of fewer than {@code openBeats} beats, at most {@code maxStrayShare} of the
 *     beats for longer runs. (The cycles of a motion signal go on around any oscillation, so the rule is for
 *     EMG only.)</li>
 * <li>{@code PERIODICITY} (ACC): the stretch divided by its running RMS over one period correlates with
 *     itself one period later at least {@code minCyclePeriodicity} ({@link Periodicity}): the cycles of one
 *     oscillation repeat, whatever their amplitudes.</li>
 * <li>{@code SPECTRUM}: the periodogram of the run's stretch of detection signal (from half a period before
 *     the first beat to half a period after the last) peaks, in the search range, within
 *     {@code spectralAgreement} of the beat frequency: the FFT agrees with the beat timing.</li>
 * </ul>
 * Not thread-safe.
 */
final class EpisodeAcceptance {
    /** Counts the strong candidates off a run; implemented by the tracker that holds them. */
    interface Strays {
        /**
         * @param run          the run
         * @param fromS        start of the stretch searched, seconds
         * @param toS          end, seconds
         * @param minAmplitude smallest amplitude counted
         * @return strong candidates in [fromS, toS] not on the run
         */
        int count(Run run, double fromS, double toS, double minAmplitude);

        /**
         * Like {@link #count}, but every candidate off the run counts: weak, strong or on a pedestal.
         *
         * @param run          the run
         * @param fromS        start of the stretch searched, seconds
         * @param toS          end, seconds
         * @param minAmplitude smallest amplitude counted
         * @return candidates in [fromS, toS] not on the run
         */
        int countAll(Run run, double fromS, double toS, double minAmplitude);
    }

    /** Spacing of the zero-padded periodogram grid on which spectral peaks are located, Hz. */
    static final double SPECTRAL_GRID_HZ = 0.05;

    private final DetectorConfig cfg;
    private final Thresholds t;
    private final SignalType type;
    private final DetectionHistory h;
    private final NoiseFloor floor;
    private final Strays strays;
    private final PeriodogramPeak spectrum;
    private final double[] stretch;
    private final double[] chiSquare = new double[1024];
    private final Periodicity periodicity = new Periodicity();
    private double measured;
    private double limit;

    EpisodeAcceptance(DetectorConfig config, SignalType type, DetectionHistory history, NoiseFloor floor,
            Strays strays) {
        this.cfg = config;
        this.t = config.thresholds();
        this.type = type;
        this.h = history;
        this.floor = floor;
        this.strays = strays;
        this.stretch = new double[history.capacity()];
        int n = PowerOfTwo.atLeast(Math.max(history.capacity(),
                (int) Math.ceil(history.rateHz() / SPECTRAL_GRID_HZ)));
        this.spectrum = PeriodogramPeak.of(n, history.rateHz());
    }


    /** @return the value measured by the last rule that failed */
    double measured() {
        return measured;
    }

    /** @return the limit of the last rule that failed */
    double limit() {
        return limit;
    }

    /**
     * @param run     the run, in time order, consecutive beats only
     * @param opening whether the run is a chain that would open an episode (one with beats on a pedestal then
     *                needs {@code openBeats} beats), or an episode grown from an accepted chain
     * @return null when the run is clonus, else the first rule it fails ({@link #measured()}, {@link #limit()})
     */
    AcceptanceRule judge(Run run, boolean opening) {
        int n = run.size();
        boolean pedestal = run.pedestalBeats() > 0;
        if (n < cfg.minBeats()) {
            return fail(AcceptanceRule.BEATS, n, cfg.minBeats());
        }
        if (pedestal && opening && n < t.openBeats() && !diesOut(run)) {
            return fail(AcceptanceRule.BEATS, n, t.openBeats());
        }
        int strong = 0;
        for (int i = 0; i < n; i++) {
            strong += run.strong(i) ? 1 : 0;
        }
        if (strong < t.minStrongBeats()) {
            return fail(AcceptanceRule.STRONG_BEATS, strong, t.minStrongBeats());
        }
        double period = run.meanPeriodS();
        double f = 1 / period;
        if (f < cfg.bandLowHz()) {
            return fail(AcceptanceRule.BAND_LOW, f, cfg.bandLowHz());
        }
        if (f > cfg.bandHighHz()) {
            return fail(AcceptanceRule.BAND_HIGH, f, cfg.bandHighHz());
        }
        int m = n - 1;
        if (m >= 2) {
            // intervals across a gap count as their mean period
            double ss = 0;
            double previous = (run.timeS(1) - run.timeS(0)) / (1 + run.missedBefore(1));
            for (int i = 2; i < n; i++) {
                double interval = (run.timeS(i) - run.timeS(i - 1)) / (1 + run.missedBefore(i));
                double d = interval - previous;
                ss += d * d;
                previous = interval;
            }
            double jitter = Math.sqrt(ss / (2.0 * (m - 1))) / period;
            double bound = t.maxJitterCv() * Math.sqrt(chiSquareQuantile(m - 1) / (m - 1));
            if (jitter > bound) {
                return fail(AcceptanceRule.JITTER, jitter, bound);
            }
        }
        if (type == SignalType.EMG) {
            double relaxed = relaxedShare(run);
            double minRelaxed = pedestal ? t.pedestalRelaxedShare() : t.minRelaxedShare();
            if (relaxed < minRelaxed) {
                return fail(AcceptanceRule.RELAXATION, relaxed, minRelaxed);
            }
            int units = 0;
            for (int i = 0; i < n; i++) {
                units += run.unit(i) ? 1 : 0;
            }
            double share = (double) units / n;
            if (share > t.maxUnitShare()) {
                return fail(AcceptanceRule.SINGLE_UNITS, share, t.maxUnitShare());
            }
        } else if (n < t.selfEvidentBeats()) {
            double fl = floor.value();
            double salience = fl > 0 ? run.medianAmplitude() / fl : Double.POSITIVE_INFINITY;
            if (salience < t.minCycleSalience()) {
                return fail(AcceptanceRule.CYCLE_SALIENCE, salience, t.minCycleSalience());
            }
        }
        if (type == SignalType.EMG) {
            AcceptanceRule stray = strays(run, period, n);
            if (stray != null) {
                return stray;
            }
        }
        long from = h.indexAt(run.firstS() - period / 2);
        long to = h.indexAt(run.lastS() + period / 2);
        int len = h.copyValues(from, to, stretch);
        if (type == SignalType.ACC) {
            double r = periodicity.at(stretch, len, period * h.rateHz());
            if (r < t.minCyclePeriodicity()) {
                return fail(AcceptanceRule.PERIODICITY, r, t.minCyclePeriodicity());
            }
        }
        if (len >= 8) {
            double peak = spectrum.peakHz(stretch, 0, len, cfg.searchLowHz(), cfg.searchHighHz());
            if (Math.abs(peak - f) > t.spectralAgreement() * f) {
                return fail(AcceptanceRule.SPECTRUM, peak, f);
            }
        }
        return null;
    }

    /**
     * Whether a short run dies out as unsustained clonus does: its first beat is its largest, its last at most
     * {@code pedestalDecay} of the first, and no other candidate of {@code pedestalAmplitude} of its median
     * amplitude lies between its beats or within (1 + {@code extendTolerance}) periods before or after it (where
     * the episode would look for its next beat).
     */
    private boolean diesOut(Run run) {
        int n = run.size();
        double first = run.amplitude(0);
        for (int i = 1; i < n; i++) {
            if (run.amplitude(i) > first) {
                return false;
            }
        }
        if (run.amplitude(n - 1) > t.pedestalDecay() * first) {
            return false;
        }
        // as far as the windows in which the episode would look for a beat before or after it
        double reach = (1 + t.extendTolerance()) * run.meanPeriodS();
        double minAmp = t.pedestalAmplitude() * run.medianAmplitude();
        return strays.countAll(run, run.firstS() - reach, run.lastS() + reach, minAmp) == 0;
    }

    /** Mean over the intervals of the share of samples below half the smaller of the two beats' peaks. */
    private double relaxedShare(Run run) {
        double sum = 0;
        int m = 0;
        for (int i = 1; i < run.size(); i++) {
            long a = h.indexAt(run.timeS(i - 1));
            long b = h.indexAt(run.timeS(i));
            if (a < h.oldest()) {
                continue; // older than the history kept (a long episode judged again): not measured
            }
            double half = 0.5 * Math.min(h.value(Math.max(a, h.oldest())), h.value(Math.max(b, h.oldest())));
            int below = 0;
            int all = 0;
            for (long k = Math.max(a + 1, h.oldest()); k < b; k++) {
                below += h.value(k) < half ? 1 : 0;
                all++;
            }
            if (all > 0) {
                sum += (double) below / all;
                m++;
            }
        }
        return m == 0 ? 0 : sum / m;
    }

    /**
     * EMG: strong candidates off the run, within one period before its first or after its last beat (none
     * allowed) or between its beats (none for a short run, {@code maxStrayShare} of the beats for a long one).
     */
    private AcceptanceRule strays(Run run, double period, int n) {
        double minAmp = run.medianAmplitude() / t.amplitudeRatio();
        int edges = strays.count(run, run.firstS() - period, run.firstS(), minAmp)
                + strays.count(run, run.lastS(), run.lastS() + period, minAmp);
        if (edges > 0) {
            return fail(AcceptanceRule.STRAYS, edges, 0);
        }
        int inside = strays.count(run, run.firstS(), run.lastS(), minAmp);
        int allowed = n < t.openBeats() ? 0 : (int) Math.floor(t.maxStrayShare() * n);
        if (inside > allowed) {
            return fail(AcceptanceRule.STRAYS, inside, allowed);
        }
        return null;
    }

    private AcceptanceRule fail(AcceptanceRule rule, double value, double against) {
        measured = value;
        limit = against;
        return rule;
    }

    /** The jitterConfidence quantile of chi-square with df degrees of freedom (Commons Math), memoised. */
    private double chiSquareQuantile(int df) {
        if (df >= chiSquare.length) {
            return quantile(df);
        }
        if (chiSquare[df] == 0) {
            chiSquare[df] = quantile(df);
        }
        return chiSquare[df];
    }

    private double quantile(int df) {
        return new ChiSquaredDistribution((RandomGenerator) null, df, 1e-12)
                .inverseCumulativeProbability(t.jitterConfidence());
    }
}
