package io.clonus.detect;

import java.util.OptionalDouble;

/** Picks the period from an autocorrelation sequence, guarding against multiples of the true period. */
final class AutocorrelationPeak {
    /** A shorter lag whose peak reaches this fraction of the highest is taken as the period instead. */
    static final double SHORTER_LAG_SHARE = 0.9;

    private AutocorrelationPeak() {
    }

    /**
     * @param r      autocorrelation by lag (r[0] = 1)
     * @param minLag shortest lag searched
     * @param maxLag longest lag searched (r must hold maxLag + 1)
     * @return the period in (fractional) samples: the highest local maximum in the range, or the shortest
     *         local maximum reaching {@link #SHORTER_LAG_SHARE} of it, with parabolic interpolation; empty
     *         when the range holds no positive local maximum
     */
    static OptionalDouble find(double[] r, int minLag, int maxLag) {
        int lo = Math.max(1, minLag);
        int hi = Math.min(maxLag, r.length - 2);
        int best = -1;
        for (int k = lo; k <= hi; k++) {
            if (r[k] > r[k - 1] && r[k] >= r[k + 1] && r[k] > 0 && (best < 0 || r[k] > r[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return OptionalDouble.empty();
        }
        for (int k = lo; k < best; k++) {
            if (r[k] > r[k - 1] && r[k] >= r[k + 1] && r[k] >= SHORTER_LAG_SHARE * r[best]) {
                best = k;
                break;
            }
        }
        double a = r[best - 1];
        double b = r[best];
        double c = r[best + 1];
        double den = a - 2 * b + c;
        double delta = den == 0 ? 0 : 0.5 * (a - c) / den;
        return OptionalDouble.of(best + delta);
    }
}
