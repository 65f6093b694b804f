package io.clonus.episodes;

import io.clonus.beats.DetectionHistory;
import io.clonus.detect.Beat;
import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Episode;
import io.clonus.detect.ScatsGrade;
import io.clonus.dsp.Autocorrelation;
import io.clonus.dsp.PeriodogramPeak;
import io.clonus.dsp.Spectrum;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns a finished run of beats into an {@link Episode}: frequency from the mean period, regularity,
 * beat-aligned similarity, the spectral and autocorrelation rhythm of the episode's own stretch of
 * detection signal, and the class from the rule. Keeps that stretch while the episode is open (up to
 * {@code maxEpisodeEvidenceS}). Not thread-safe.
 */
final class EpisodeBuilder {
    /** Points per beat cycle in the beat-aligned similarity. */
    static final int CYCLE_POINTS = 32;
    /** A shorter autocorrelation lag reaching this share of the highest peak is taken as the period. */
    static final double SHORTER_LAG_SHARE = 0.9;

    private final DetectorConfig cfg;
    private final DetectionHistory h;
    private final int nfft;
    private final PeriodogramPeak peak;
    private final double[] evidence;
    private long evidenceStart;
    private int evidenceLength;
    private boolean collecting;

    EpisodeBuilder(DetectorConfig config, DetectionHistory history) {
        this.cfg = config;
        this.h = history;
        this.evidence = new double[(int) Math.ceil((config.maxEpisodeEvidenceS() + 2.0 / config.searchLowHz())
                * history.rateHz()) + history.capacity()];
        int n = Integer.highestOneBit((int) Math.ceil(history.rateHz() / 0.05));
        while (n < history.rateHz() / 0.05) {
            n <<= 1;
        }
        this.nfft = n;
        this.peak = PeriodogramPeak.of(n, history.rateHz());
    }

    /** Starts keeping the detection signal from index {@code from} (as far as the history still holds it). */
    void begin(long from) {
        evidenceStart = Math.max(from, h.oldest());
        evidenceLength = h.copyValues(evidenceStart, h.newest(), evidence);
        collecting = true;
    }

    /** @param value the newest detection sample, while an episode is open */
    void add(double value) {
        if (collecting && evidenceLength < evidence.length) {
            evidence[evidenceLength++] = value;
        }
    }

    /**
     * @param run the finished run (its last beat not after a gap)
     * @return the episode
     */
    Episode build(Run run) {
        collecting = false;
        int n = run.size();
        List<Beat> beats = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            beats.add(new Beat(run.timeS(i), run.amplitude(i)));
        }
        double period = run.meanPeriodS();
        double start = run.firstS() - period / 2;
        double end = run.lastS() + period / 2;
        int from = (int) Math.max(0, h.indexAt(start) - evidenceStart);
        int to = (int) Math.min(evidenceLength, h.indexAt(end) - evidenceStart + 1);
        OptionalDouble spectral = OptionalDouble.empty();
        OptionalDouble acf = OptionalDouble.empty();
        if (to - from >= 8) {
            spectral = OptionalDouble.of(to - from <= nfft
                    ? peak.peakHz(evidence, from, to, cfg.searchLowHz(), cfg.searchHighHz())
                    : Spectrum.periodogram(evidence, from, to, h.rateHz(), to - from)
                            .peak(cfg.searchLowHz(), cfg.searchHighHz()).frequencyHz());
            int minLag = Math.max(1, (int) Math.floor(h.rateHz() / cfg.searchHighHz()));
            int maxLag = Math.min(to - from - 2, (int) Math.ceil(h.rateHz() / cfg.searchLowHz()) + 1);
            if (maxLag > minLag + 1 && !constant(from, to)) {
                double[] ac = Autocorrelation.normalized(evidence, from, to, maxLag + 1);
                double lag = Autocorrelation.periodLag(ac, minLag, maxLag, SHORTER_LAG_SHARE);
                if (lag > 0) {
                    acf = OptionalDouble.of(h.rateHz() / lag);
                }
            }
        }
        double duration = end - start;
        Classification c = cfg.rule().classify(n, duration);
        return new Episode(start, end, beats, 1 / period, intervalCv(run), similarity(run, period), spectral, acf, c,
                ScatsGrade.of(duration));
    }

    private boolean constant(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (evidence[i] != evidence[from]) {
                return false;
            }
        }
        return true;
    }

    /** Coefficient of variation of the intervals between consecutive beats; 0 with fewer than two. */
    static double intervalCv(Run run) {
        double s = 0;
        double ss = 0;
        int m = 0;
        for (int i = 1; i < run.size(); i++) {
            if (run.missedBefore(i) == 0) {
                double dt = run.timeS(i) - run.timeS(i - 1);
                s += dt;
                ss += dt * dt;
                m++;
            }
        }
        if (m < 2) {
            return 0;
        }
        double mean = s / m;
        return Math.sqrt(Math.max(0, (ss - m * mean * mean) / (m - 1))) / mean;
    }

    /**
     * Beat-aligned similarity: each beat's cycle of detection signal (from half a period before to half a
     * period after it, {@link #CYCLE_POINTS} points) is normalised to zero mean and unit variance, so that
     * unequal amplitudes do not count, and correlated with the mean of all normalised cycles; the result
     * is the mean correlation, -1 to 1 (1: every beat has the same shape). NaN when no cycle lies in the
     * kept stretch.
     */
    private double similarity(Run run, double period) {
        int n = run.size();
        double[][] cycles = new double[n][];
        double[] mean = new double[CYCLE_POINTS];
        int used = 0;
        for (int b = 0; b < n; b++) {
            double[] c = cycle(run.timeS(b), period);
            if (c != null) {
                cycles[used++] = c;
                for (int i = 0; i < CYCLE_POINTS; i++) {
                    mean[i] += c[i];
                }
            }
        }
        if (used == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < used; b++) {
            sum += pearson(cycles[b], mean);
        }
        return sum / used;
    }

    /** The normalised cycle around time t, or null when it is not all kept or is flat. */
    private double[] cycle(double t, double period) {
        double[] c = new double[CYCLE_POINTS];
        double rate = h.rateHz();
        for (int i = 0; i < CYCLE_POINTS; i++) {
            double ts = t - period / 2 + period * i / (CYCLE_POINTS - 1);
            double pos = (ts - h.timeS(0)) * rate - evidenceStart;
            int i0 = (int) Math.floor(pos);
            if (i0 < 0 || i0 + 1 >= evidenceLength) {
                return null;
            }
            double f = pos - i0;
            c[i] = (1 - f) * evidence[i0] + f * evidence[i0 + 1];
        }
        double m = 0;
        for (double v : c) {
            m += v;
        }
        m /= CYCLE_POINTS;
        double ss = 0;
        for (int i = 0; i < CYCLE_POINTS; i++) {
            c[i] -= m;
            ss += c[i] * c[i];
        }
        if (!(ss > 0)) {
            return null;
        }
        double sd = Math.sqrt(ss / CYCLE_POINTS);
        for (int i = 0; i < CYCLE_POINTS; i++) {
            c[i] /= sd;
        }
        return c;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        double den = Math.sqrt(saa * sbb);
        return den > 0 ? sab / den : 0;
    }
}
