package io.clonus.sim;

import java.util.SplittableRandom;

/**
 * The action potential of one motor unit as seen by a surface electrode: a mix of a biphasic shape (first
 * derivative of a Gaussian) and a triphasic one (second derivative), lasting 3–10 ms, with a log-normal peak
 * amplitude and a random polarity. A unit keeps its shape every time it fires.
 */
final class MotorUnitPotential {
    /** Shortest and longest potential, seconds (surface MUAPs last a few milliseconds). */
    static final double MIN_DURATION_S = 0.003;
    static final double MAX_DURATION_S = 0.010;
    /** Half-width of the rendered potential in units of its Gaussian sigma (the duration is 6 sigma). */
    private static final double HALF_WIDTH_SIGMAS = 4;
    /** Peak of |u·exp(-u²/2)|, so that the biphasic part has unit peak. */
    private static final double BIPHASIC_PEAK = Math.exp(-0.5);

    private final double peak;
    private final double sigmaS;
    private final double triphasic;
    private final double rectifiedArea;

    private MotorUnitPotential(double peak, double sigmaS, double triphasic) {
        this.peak = peak;
        this.sigmaS = sigmaS;
        this.triphasic = triphasic;
        double area = 0;
        double du = 0.001;
        for (double u = -HALF_WIDTH_SIGMAS; u <= HALF_WIDTH_SIGMAS; u += du) {
            area += Math.abs(unitShape(u)) * du;
        }
        this.rectifiedArea = Math.abs(peak) * sigmaS * area;
    }

    /**
     * Draws a potential: duration log-uniform in 3–10 ms (but at least 5.4 samples, so that the spectrum peaks
     * below a quarter of the sample rate), triphasic share uniform, peak log-normal (median {@code medianPeak},
     * log-SD {@code logSd}), random polarity.
     */
    static MotorUnitPotential draw(SplittableRandom rng, double fs, double medianPeak, double logSd) {
        double minD = Math.max(MIN_DURATION_S, 5.4 / fs);
        double d = Math.max(minD, MIN_DURATION_S * Math.pow(MAX_DURATION_S / MIN_DURATION_S, rng.nextDouble()));
        double tri = rng.nextDouble();
        double sign = rng.nextBoolean() ? 1 : -1;
        double peak = sign * medianPeak * Math.exp(logSd * Noise.gauss(rng));
        return new MotorUnitPotential(peak, Math.min(d, MAX_DURATION_S) / 6, tri);
    }

    private double unitShape(double u) {
        double g = Math.exp(-u * u / 2);
        return triphasic * (1 - u * u) * g + (1 - triphasic) * (-u * g / BIPHASIC_PEAK);
    }

    /** @return the area under the rectified potential, amplitude × seconds */
    double rectifiedArea() {
        return rectifiedArea;
    }

    /** @return half the span the potential is rendered over, seconds */
    double halfSpanS() {
        return HALF_WIDTH_SIGMAS * sigmaS;
    }

    /**
     * Adds {@code gain} times the potential fired at {@code timeS} into {@code dst}, whose sample 0 is at
     * time {@code originS}; samples outside {@code dst} are skipped.
     */
    void addTo(double[] dst, double fs, double originS, double timeS, double gain) {
        int lo = (int) Math.ceil((timeS - halfSpanS() - originS) * fs);
        int hi = (int) Math.floor((timeS + halfSpanS() - originS) * fs);
        for (int i = Math.max(0, lo); i <= Math.min(dst.length - 1, hi); i++) {
            double u = (originS + i / fs - timeS) / sigmaS;
            dst[i] += gain * peak * unitShape(u);
        }
    }
}
