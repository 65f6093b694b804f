package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * iirnotch (and filtering with it), the normalised autocorrelation and the Hilbert envelope
 * against scipy/numpy: one case per {@code notch}, {@code autocorrelation} and {@code hilbert}
 * entry of the reference file.
 */
class MiscReferenceTest {
    /**
     * Notch coefficients, relative: 1e-12. Notch.design repeats scipy's few operations (a tan, a
     * cos, products), so only the last bits of tan and cos can differ between the two maths
     * libraries (identical when written); a wrong bandwidth or gain is off by 1e-3 or more.
     */
    static final double NOTCH_COEFF_TOL = 1e-12;
    /** Filter output relative to max |expected| (see FilterReferenceTest.SIGNAL_TOL): 1e-9; 8.9e-15 when written. */
    static final double SIGNAL_TOL = FilterReferenceTest.SIGNAL_TOL;
    /**
     * Autocorrelation, absolute: 1e-9. The values lie in [-1, 1] with 1 at lag 0, so this is
     * relative to the scale. numpy's correlate, the direct sums and the FFT path add up to 3000
     * products in different orders: 1.9e-15 apart when written.
     */
    static final double AC_TOL = 1e-9;
    /**
     * Hilbert envelope, relative per sample: 1e-9, with an absolute floor of 1e-3 in the signal's
     * units (the inputs are of order 1): FFT rounding is relative to the largest sample, so an
     * envelope sample near 0 could only be matched to about 1e-15 absolute. The stored envelopes
     * stay above 0.2 and differ by at most 4.2e-15 relative when written.
     */
    static final double ENVELOPE_TOL = 1e-9;
    static final double ENVELOPE_FLOOR = 1e-3;

    static Stream<Arguments> notchDesigns() {
        return ReferenceData.cases("notch", "design");
    }

    static Stream<Arguments> notchFiltering() {
        return ReferenceData.cases("notch", "lfilter/call", "where", "SosFilter with Notch.design: ");
    }

    static Stream<Arguments> autocorrelation() {
        return ReferenceData.cases("autocorrelation", "call", "where", "Autocorrelation.normalized: ");
    }

    static Stream<Arguments> autocorrelationPaths() {
        return ReferenceData.cases("autocorrelation", "call", "where", "Autocorrelation.direct and viaFft: ");
    }

    static Stream<Arguments> hilbert() {
        return ReferenceData.cases("hilbert", "call", "where", "");
    }

    static Sos notch(JsonNode n) {
        return Notch.design(n.get("w0").asDouble(), n.get("Q").asDouble(), n.get("fs").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notchDesigns")
    void notchCoefficientsMatchIirnotch(String call, JsonNode n) {
        Sos sos = notch(n);
        assertEquals(1, sos.sectionCount(), call);
        double[] ba = sos.toArray()[0];
        Tolerance.assertRelative(ReferenceData.doubles(n.get("b")), new double[] {ba[0], ba[1], ba[2]},
                NOTCH_COEFF_TOL, 0, call + ": b");
        Tolerance.assertRelative(ReferenceData.doubles(n.get("a")), new double[] {ba[3], ba[4], ba[5]},
                NOTCH_COEFF_TOL, 0, call + ": a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notchFiltering")
    void notchFilteringMatchesLfilter(String call, JsonNode n) {
        double[] x = ReferenceData.input(n);
        SosFilter.of(notch(n)).processInPlace(x);
        Tolerance.assertScaled(ReferenceData.doubles(n.get("lfilter").get("values")), x, SIGNAL_TOL, call + ": lfilter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autocorrelation")
    void autocorrelationMatchesNumpy(String call, JsonNode a) {
        double[] x = ReferenceData.input(a);
        int lags = a.get("maxLag").asInt();
        double[] actual = Autocorrelation.normalized(x, a.get("start").asInt(), a.get("stop").asInt(), lags);
        Tolerance.assertScaled(ReferenceData.doubles(a.get("values")), actual, AC_TOL, call + ": autocorrelation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autocorrelationPaths")
    void bothAutocorrelationPathsMatchNumpy(String call, JsonNode a) {
        double[] x = ReferenceData.segment(a);
        int lags = a.get("maxLag").asInt();
        double[] expected = ReferenceData.doubles(a.get("values"));
        double mean = Spectrum.mean(x, 0, x.length);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] - mean;
        }
        for (double[] r : new double[][] {Autocorrelation.direct(y, lags), Autocorrelation.viaFft(y, lags)}) {
            double r0 = r[0];
            for (int k = 0; k < r.length; k++) {
                r[k] /= r0;
            }
            Tolerance.assertScaled(expected, r, AC_TOL, call + ": autocorrelation");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hilbert")
    void envelopeMatchesHilbert(String call, JsonNode h) {
        double[] x = ReferenceData.segment(h);
        Tolerance.assertRelative(ReferenceData.doubles(h.get("values")), Hilbert.envelope(x), ENVELOPE_TOL, ENVELOPE_FLOOR,
                call + ": envelope");
    }
}
