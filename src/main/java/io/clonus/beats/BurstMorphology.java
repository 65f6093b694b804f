package io.clonus.beats;

import io.clonus.detect.Thresholds;
import io.clonus.dsp.Select;

/**
 * Tells a single motor-unit potential from a volley of many units by the shape of its energy in time:
 * a potential lasts 3-10 ms, a clonus burst of many units firing once each with latency dispersion 30-80
 * ms (Wallace et al. 2005). Works on the 4 ms blocks of the detection history. Not thread-safe.
 */
final class BurstMorphology {
    private final Thresholds t;
    private final DetectionHistory h;
    private final double[] scratch;

    BurstMorphology(Thresholds thresholds, DetectionHistory history, int maxSpan) {
        this.t = thresholds;
        this.h = history;
        this.scratch = new double[maxSpan + 2];
    }

    /**
     * Whether the burst between blocks iL and iR is a single motor-unit potential: its effective
     * duration, (sum |x|)^2 / sum x^2 / rate over the blocks whose mean |x| exceeds a base level (the larger
     * of its median over the span and a fifth of its maximum), is below {@code minBurstS}, and two adjacent
     * blocks hold at least {@code singleUnitShare} of the energy of the blocks above the median. Requiring
     * both keeps spiky volleys, which spread their energy over more blocks.
     */
    boolean singleUnit(long iL, long iR) {
        int n = (int) Math.min(iR - iL + 1, scratch.length);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double v = h.level(iL + i);
            scratch[i] = v;
            max = Math.max(max, v);
        }
        double median = Select.kth(scratch, n, n / 2);
        double base = Math.max(median, 0.2 * max);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        double pair = 0;
        long end = iL + n - 1;
        for (long i = iL; i <= end; i++) {
            double w = h.level(i);
            double q = h.power(i);
            if (w > base) {
                s1 += w;
                s2 += q;
            }
            if (w > median) {
                energy += q;
            }
            if (i < end) {
                pair = Math.max(pair, q + h.power(i + 1));
            }
        }
        double duration = s2 > 0 ? s1 * s1 / s2 / h.rateHz() : 0;
        return duration < t.minBurstS() && energy > 0 && pair >= t.singleUnitShare() * energy;
    }
}
