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
import io.clonus.dsp.PowerOfTwo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns a finished run of beats into an {@link Episode}: frequency from the mean period, regularity,
 * amplitude-normalised periodicity ({@link Periodicity}), the spectral and autocorrelation rhythm of the episode's own stretch of
 * detection signal, and the class from the rule. Keeps that stretch while the episode is open (up to
 * {@code maxEpisodeEvidenceS}). Not thread-safe.
 */
final class EpisodeBuilder {

    private final DetectorConfig cfg;
    private final DetectionHistory h;
    private final int nfft;
    private final PeriodogramPeak peak;
    private final double[] evidence;
    private long evidenceStart;
    private int evidenceLength;
    private boolean collecting;
    private final Periodicity periodicity = new Periodicity();

    EpisodeBuilder(DetectorConfig config, DetectionHistory history) {
        this.cfg = config;
        this.h = history;
        this.evidence = new double[(int) Math.ceil((config.maxEpisodeEvidenceS() + 2.0 / config.searchLowHz())
                * history.rateHz()) + history.capacity()];
        // zero-padded to a grid of at most 0.05 Hz, as the acceptance's spectral check
        int n = PowerOfTwo.atLeast((int) Math.ceil(history.rateHz() / EpisodeAcceptance.SPECTRAL_GRID_HZ));
        this.nfft = n;
        this.peak = PeriodogramPeak.of(n, history.rateHz());
    }

    /** Starts keeping the detection signal from index {@code from} (as far as the history still holds it). */
    void begin(long from) {
        evidenceStart = Math.max(from, h.oldest());
        evidenceLength = h.copyValues(evidenceStart, h.newest(), evidence);
        collecting = true;
    }

    /** Stops keeping the signal of an episode that will not be built. */
    void cancel() {
        collecting = false;
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
                double lag = Autocorrelation.periodLag(ac, minLag, maxLag, Autocorrelation.SHORTER_LAG_SHARE);
                if (lag > 0) {
                    acf = OptionalDouble.of(h.rateHz() / lag);
                }
            }
        }
        double duration = end - start;
        Classification c = cfg.rule().classify(n, duration);
        double periodic = to - from >= 8 ? periodicity.at(stretch(from, to), to - from, period * h.rateHz()) : Double.NaN;
        return new Episode(start, end, beats, 1 / period, intervalCv(run), periodic, spectral, acf, c,
                ScatsGrade.of(duration));
    }

    private double[] stretch(int from, int to) {
        if (from == 0) {
            return evidence;
        }
        double[] x = new double[to - from];
        System.arraycopy(evidence, from, x, 0, to - from);
        return x;
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

}
