package io.clonus.beats;

import io.clonus.detect.Thresholds;

/**
 * Accelerometer and gyroscope beat candidates: one per oscillation cycle of the principal-axis signal.
 *
 * <p>A candidate is a local maximum, the highest within 0.8 of the shortest beat interval of the search
 * range on both sides, that falls to a trough by at least {@code minCycleProminence} of the signal's range
 * within one longest interval on one side and by at least {@code minFallShare} of it on the other (the
 * first cycle of an oscillation rises from rest, so only its fall to the next trough has the full depth),
 * and stands {@code minRiseShare} of the range above the local mean (a bump of noise or ringing beside
 * an oscillation stays near the mean), and is not smaller than half the noise floor (which knows the
 * input's precision, so that round-off left by the band-pass of a smooth input is no oscillation). Its amplitude is half its larger fall, its salience that amplitude
 * over the noise floor of |signal|. Every cycle is passed on as strong: whether a few cycles stand out
 * from the background is judged for the run they form. Not thread-safe.
 */
public final class CycleFinder {
    private final Thresholds t;
    private final DetectionHistory h;
    private final NoiseFloor floor;
    private final CandidateSink sink;
    private final int half;
    private final int distance;

    /**
     * @param thresholds   decision thresholds
     * @param history      the principal-axis signal
     * @param floor        the noise floor of its absolute value
     * @param searchLowHz  lowest rhythm searched, Hz
     * @param searchHighHz highest rhythm searched, Hz
     * @param sink         receives candidates
     */
    public CycleFinder(Thresholds thresholds, DetectionHistory history, NoiseFloor floor, double searchLowHz,
            double searchHighHz, CandidateSink sink) {
        this.t = thresholds;
        this.h = history;
        this.floor = floor;
        this.sink = sink;
        double rate = history.rateHz();
        this.half = BurstFinder.lookAround(rate, searchLowHz);
        this.distance = BurstFinder.peakDistance(rate, searchHighHz);
    }

    /**
     * Examines sample k as a cycle's peak.
     *
     * @param k    the sample, at least 1
     * @param last the newest sample available
     */
    public void examine(long k, long last) {
        if (!h.isPeak(k, last, distance)) {
            return;
        }
        double dk = h.value(k);
        long oldest = h.oldest();
        long wlo = Math.max(oldest, k - half);
        long whi = Math.min(last, k + half);
        double minL = h.lowestBefore(k, wlo);
        double minR = h.lowestAfter(k, whi);
        // the local range over half a longest interval on each side: the neighbouring cycles, not a
        // dorsiflexion push or a larger oscillation further away
        long rlo = Math.max(oldest, k - half / 2);
        long rhi = Math.min(last, k + half / 2);
        double max = dk;
        double min = dk;
        double sum = 0;
        for (long i = rlo; i <= rhi; i++) {
            double v = h.value(i);
            max = Math.max(max, v);
            min = Math.min(min, v);
            sum += v;
        }
        double mean = sum / (rhi - rlo + 1);
        double range = max - min;
        double fall = dk - Math.min(minL, minR);
        double prominence = dk - Math.max(minL, minR);
        double f = floor.value();
        if (!(range > 0) || fall < t.minCycleProminence() * range || prominence < t.minFallShare() * range
                || dk - mean < t.minRiseShare() * range || fall < f) {
            return;
        }
        double amplitude = fall / 2;
        sink.candidate(k, h.peakTimeS(k), amplitude, f > 0 ? amplitude / f : Double.POSITIVE_INFINITY, true,
                false, true);
    }
}
