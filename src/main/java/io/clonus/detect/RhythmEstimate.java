package io.clonus.detect;

import java.util.OptionalDouble;

/**
 * The dominant rhythm of a whole record, estimated from the detection signal (EMG envelope, or the
 * accelerometer's principal-axis oscillation) by Welch's method and by autocorrelation. It is reported
 * even when no episode is found and even when it lies outside the clonus band. Immutable.
 *
 * @param spectralPeakHz    largest spectral peak in the search range (Welch, Hann window), Hz; empty when the
 *                          spectrum only falls or rises through the range
 * @param autocorrelationHz 1 / lag of the highest autocorrelation peak in the search range, Hz; empty when
 *                          there is none
 * @param peakToMedian      spectral peak height over the median spectral density in the search range; how
 *                          clearly the rhythm stands out (1 means not at all); 0 when there is no peak
 * @param agree             whether both estimates exist and differ by at most 12 %
 * @param inBand            whether the rhythm (the spectral estimate when the two agree) lies in the clonus band
 */
public record RhythmEstimate(
        OptionalDouble spectralPeakHz,
        OptionalDouble autocorrelationHz,
        double peakToMedian,
        boolean agree,
        boolean inBand) {

    /** Relative difference up to which the two estimates are said to agree. */
    public static final double AGREEMENT = 0.12;

    /** @return the rhythm when both estimates agree (the spectral one), otherwise empty */
    public OptionalDouble frequencyHz() {
        return agree ? spectralPeakHz : OptionalDouble.empty();
    }

    /**
     * @param a one estimate, Hz
     * @param b another, Hz
     * @return whether they differ by at most {@link #AGREEMENT} of the larger
     */
    public static boolean agree(double a, double b) {
        return Math.abs(a - b) <= AGREEMENT * Math.max(a, b);
    }
}
