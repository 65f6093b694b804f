package io.clonus.beats;

import io.clonus.detect.Thresholds;

/**
 * EMG beat candidates: bursts of the envelope that stand above the noise floor and are separated by
 * relaxation.
 *
 * <p>A candidate is a local maximum of the envelope that is the highest within 0.8 of the shortest beat
 * interval of the search range on both sides; its envelope falls on both sides to at most
 * {@code 1 - minRelaxation} of the peak within one longest interval; and around it the rectified EMG comes
 * down to {@code maxRelaxedLevel} noise floors, or its lowest 20 ms mean to {@code relaxedShare} of the burst
 * level and its lowest 4 ms block to {@code relaxedBlockShare} of the envelope peak: the candidate is
 * <em>relaxed</em>. A burst that comes down only to {@code pedestalShare} and {@code pedestalBlockShare}
 * (clonus riding on a tonic contraction) is a candidate <em>on a pedestal</em>, which the episode stage
 * trusts less; a tonic contraction whose envelope merely swings reaches neither. Its <em>level</em> is the
 * largest {@code burstWindowS} mean of the rectified EMG between the envelope's valleys on either side, and
 * its salience that level over the noise floor: a short burst is diluted by the 20 Hz envelope but not by a
 * 20 ms mean. Candidates from {@code weakSalience} are passed on; from {@code strongSalience} they are strong.
 * Each is also marked when it looks like a single motor-unit potential ({@link BurstMorphology}). Not
 * thread-safe.
 */
public final class BurstFinder {
    private final Thresholds t;
    private final DetectionHistory h;
    private final NoiseFloor floor;
    private final CandidateSink sink;
    private final BurstMorphology morphology;
    private final int half;
    private final int distance;
    private final int window;

    /**
     * @param thresholds   decision thresholds
     * @param history      the detection signal
     * @param floor        its noise floor
     * @param searchLowHz  lowest rhythm searched, Hz (one period of it is the look-around window)
     * @param searchHighHz highest rhythm searched, Hz
     * @param sink         receives candidates
     */
    public BurstFinder(Thresholds thresholds, DetectionHistory history, NoiseFloor floor, double searchLowHz,
            double searchHighHz, CandidateSink sink) {
        this.t = thresholds;
        this.h = history;
        this.floor = floor;
        this.sink = sink;
        double rate = history.rateHz();
        this.half = lookAround(rate, searchLowHz);
        this.distance = peakDistance(rate, searchHighHz);
        this.window = Math.max(1, (int) Math.round(thresholds.burstWindowS() * rate));
        this.morphology = new BurstMorphology(thresholds, history, 2 * half + 2);
    }

    /**
     * @param rateHz       detection rate, Hz
     * @param searchHighHz highest rhythm searched, Hz
     * @return samples a candidate peak must be the highest within on both sides: 0.8 of the shortest beat
     *         interval (a beat of the fastest rhythm, jittered, still stands alone), at least 1
     */
    public static int peakDistance(double rateHz, double searchHighHz) {
        return Math.max(1, (int) Math.floor(0.8 * rateHz / searchHighHz));
    }

    /**
     * @param rateHz      detection rate, Hz
     * @param searchLowHz lowest rhythm searched, Hz
     * @return samples of look-ahead a candidate needs: one longest beat interval
     */
    public static int lookAround(double rateHz, double searchLowHz) {
        return Math.max(2, (int) Math.ceil(rateHz / searchLowHz));
    }

    /**
     * Examines sample k as a candidate peak.
     *
     * @param k    the sample, at least 1
     * @param last the newest sample available (k + look-around, or the record's last)
     */
    public void examine(long k, long last) {
        double dk = h.value(k);
        if (!(dk > 0) || !h.isPeak(k, last, distance)) {
            return;
        }
        long oldest = h.oldest();
        long wlo = Math.max(oldest, k - half);
        long whi = Math.min(last, k + half);
        double minL = h.lowestBefore(k, wlo);
        double minR = h.lowestAfter(k, whi);
        double prominence = dk - Math.max(minL, minR);
        if (prominence < t.minRelaxation() * dk) {
            return;
        }
        double f = floor.value();
        long iL = valleyLeft(h, k, wlo);
        long iR = valleyRight(h, k, whi);
        double level = burstLevel(iL, iR);
        double salience = f > 0 ? level / f : Double.POSITIVE_INFINITY;
        if (salience < t.weakSalience()) {
            return;
        }
        // how far the rectified EMG comes down on the less relaxed side, measured once for both standings
        double mean = Math.max(lowestMean(iL, k), lowestMean(k, iR));
        double block = Math.max(lowestBlock(iL, k), lowestBlock(k, iR));
        double restLimit = t.maxRelaxedLevel() * f;
        boolean relaxed = mean <= Math.max(restLimit, t.relaxedShare() * level)
                && block <= Math.max(restLimit, t.relaxedBlockShare() * dk);
        if (!relaxed && !(mean <= Math.max(restLimit, t.pedestalShare() * level)
                && block <= Math.max(restLimit, t.pedestalBlockShare() * dk))) {
            return;
        }
        boolean unit = morphology.singleUnit(iL, iR);
        sink.candidate(k, h.peakTimeS(k), dk, salience, salience >= t.strongSalience(), unit, relaxed);
    }

    /** The largest mean of {@code window} consecutive levels within [iL, iR] (the whole span if shorter). */
    private double burstLevel(long iL, long iR) {
        int n = (int) (iR - iL + 1);
        if (n <= window) {
            double s = 0;
            for (long i = iL; i <= iR; i++) {
                s += h.level(i);
            }
            return s / n;
        }
        double s = 0;
        for (long i = iL; i < iL + window; i++) {
            s += h.level(i);
        }
        double best = s;
        for (long i = iL + window; i <= iR; i++) {
            s += h.level(i) - h.level(i - window);
            best = Math.max(best, s);
        }
        return best / window;
    }

    /**
     * The lowest single 4 ms block of the level in [a, b]: a contraction that swings deeply never falls as low
     * as the muscle between clonus bursts.
     */
    private double lowestBlock(long a, long b) {
        double best = Double.POSITIVE_INFINITY;
        for (long i = a; i <= b; i++) {
            best = Math.min(best, h.level(i));
        }
        return best;
    }

    /** The lowest centred {@code window}-block mean of the level at a block in [a, b] (history permitting). */
    private double lowestMean(long a, long b) {
        long oldest = h.oldest();
        long newest = h.newest();
        int half = window / 2;
        double best = Double.POSITIVE_INFINITY;
        for (long i = a; i <= b; i++) {
            long lo = Math.max(oldest, i - half);
            long hi = Math.min(newest, lo + window - 1);
            double s = 0;
            for (long j = lo; j <= hi; j++) {
                s += h.level(j);
            }
            best = Math.min(best, s / (hi - lo + 1));
        }
        return best;
    }

    /**
     * The envelope's valley before the peak at k: walking down past any shallow dip that stays above half
     * the peak (a burst's envelope may waver), to the first local minimum below it; never onto a higher
     * neighbour and not beyond lo.
     */
    static long valleyLeft(DetectionHistory h, long k, long lo) {
        double peak = h.value(k);
        double half = 0.5 * peak;
        long i = k;
        while (i > lo && h.value(i - 1) <= peak && (h.value(i - 1) <= h.value(i) || h.value(i - 1) > half)) {
            i--;
        }
        return i;
    }

    /** Like {@link #valleyLeft} after the peak; not beyond hi. */
    static long valleyRight(DetectionHistory h, long k, long hi) {
        double peak = h.value(k);
        double half = 0.5 * peak;
        long i = k;
        while (i < hi && h.value(i + 1) <= peak && (h.value(i + 1) <= h.value(i) || h.value(i + 1) > half)) {
            i++;
        }
        return i;
    }
}
