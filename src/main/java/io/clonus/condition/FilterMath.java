package io.clonus.condition;

import io.clonus.dsp.Sos;

/** Small numerical helpers about filters that the DSP package does not need. */
final class FilterMath {
    private FilterMath() {
    }

    /**
     * Group delay of a cascade of second-order sections, by central differences of the unwrapped phase.
     *
     * @param sos          the filter
     * @param frequencyHz  where, Hz
     * @param sampleRateHz its sample rate, Hz
     * @return delay in seconds
     */
    static double groupDelayS(Sos sos, double frequencyHz, double sampleRateHz) {
        double df = Math.max(1e-4, frequencyHz * 1e-4);
        double p1 = phase(sos, frequencyHz - df, sampleRateHz);
        double p2 = phase(sos, frequencyHz + df, sampleRateHz);
        double dp = p2 - p1;
        // the two points are close, so any 2π jump between them is a wrap, not a delay
        while (dp > Math.PI) {
            dp -= 2 * Math.PI;
        }
        while (dp < -Math.PI) {
            dp += 2 * Math.PI;
        }
        return -dp / (2 * Math.PI * 2 * df);
    }

    private static double phase(Sos sos, double f, double fs) {
        double w = 2 * Math.PI * f / fs;
        double c1 = Math.cos(w);
        double s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = -Math.sin(2 * w);
        double total = 0;
        for (int s = 0; s < sos.sectionCount(); s++) {
            double nr = sos.coefficient(s, 0) + sos.coefficient(s, 1) * c1 + sos.coefficient(s, 2) * c2;
            double ni = sos.coefficient(s, 1) * s1 + sos.coefficient(s, 2) * s2;
            double dr = sos.coefficient(s, 3) + sos.coefficient(s, 4) * c1 + sos.coefficient(s, 5) * c2;
            double di = sos.coefficient(s, 4) * s1 + sos.coefficient(s, 5) * s2;
            total += Math.atan2(ni, nr) - Math.atan2(di, dr);
        }
        return total;
    }
}
