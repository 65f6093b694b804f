package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Butterworth design and filtering against scipy: one case per {@code filters} entry of the
 * reference file ({@link ReferenceData}) and per quantity, each named by the scipy call that
 * produced its expected values.
 */
class FilterReferenceTest {
    /**
     * Designed coefficients, relative to each coefficient: 1e-10 (the project's requirement). The
     * design goes through poles, a bilinear transform and pairing into sections, a few roundings
     * each; a wrong pole, pairing, section order or gain is off by far more. When written, the
     * largest difference was 4e-16.
     */
    static final double COEFF_TOL = 1e-10;
    /**
     * Absolute floor for near-zero coefficients, relative to the largest |coefficient| of the
     * section: |a - e| <= 1e-10 * max(|e|, 1e-3 * max|row|). Needed for coefficients that are zero
     * in exact arithmetic (e.g. b1 of a [1, 0, -1] band-pass numerator) and come out as +-1e-17.
     */
    static final double COEFF_FLOOR = 1e-3;
    /**
     * Steady-state initial conditions, relative: 1e-9 with an absolute floor of 1e-12 (for states
     * that are 0 in exact arithmetic). Each section's zi solves a 2x2 system (I - A) zi = B - A b0
     * that becomes ill-conditioned as the poles approach 1: the 10 Hz low-pass at 2 kHz differs
     * most, by 1.1e-13 when written.
     */
    static final double ZI_TOL = 1e-9;
    static final double ZI_FLOOR = 1e-12;
    /**
     * Filter outputs: largest error relative to max |expected output|, 1e-9 (the project's
     * requirement). With scipy's coefficients SosFilter repeats scipy's arithmetic operation for
     * operation and the outputs were identical when written; with this library's own design they
     * inherit its last-bit coefficient differences (up to 2.4e-14 for the order-8 band-pass), and
     * sosfiltfilt's padding and reversed pass add a few more ulps (up to 1.9e-13). A wrong state
     * update, initial condition or pad length is off by 1e-3 or more.
     */
    static final double SIGNAL_TOL = 1e-9;
    /**
     * Magnitude response, relative per frequency: 1e-9 with a floor of 1e-15. The stored
     * frequencies avoid the exact zeros at 0 Hz and Nyquist; near them a section's response loses
     * relative precision (rounding over the squared distance to the zero), which is why the
     * largest difference, 1.2e-11 when written, is a stop-band value (the 20 Hz high-pass at 1 Hz).
     */
    static final double MAGNITUDE_TOL = 1e-9;
    static final double MAGNITUDE_FLOOR = 1e-15;

    static Stream<Arguments> designs() {
        return ReferenceData.cases("filters", "design");
    }

    static Stream<Arguments> zi() {
        return ReferenceData.cases("filters", "sosfilt_zi/call", "where", "");
    }

    static Stream<Arguments> sosfilt() {
        return ReferenceData.cases("filters", "sosfilt/call", "where", "");
    }

    static Stream<Arguments> sosfiltDesigned() {
        return ReferenceData.cases("filters", "sosfilt/call", "where", "SosFilter with this library's design: ");
    }

    static Stream<Arguments> sosfiltfilt() {
        return ReferenceData.cases("filters", "sosfiltfilt/call", "where", "");
    }

    static Stream<Arguments> sosfiltfiltDesignedInPlace() {
        return ReferenceData.cases("filters", "sosfiltfilt/call", "where",
                "ZeroPhase.filtfilt in place with this library's design: ");
    }

    static Stream<Arguments> padlen() {
        return ReferenceData.cases("filters", "sosfiltfilt_padlen/call", "where", "");
    }

    static Stream<Arguments> response() {
        return ReferenceData.cases("filters", "response/call", "where", "");
    }

    /** The design a filters entry describes, built with this library. */
    static Sos design(JsonNode f) {
        int order = f.get("order").asInt();
        double fs = f.get("fs").asDouble();
        double[] cut = ReferenceData.doubles(f.get("cutoffHz"));
        switch (f.get("btype").asText()) {
            case "lowpass":
                return Butterworth.lowPass(order, cut[0], fs);
            case "highpass":
                return Butterworth.highPass(order, cut[0], fs);
            case "bandpass":
                return Butterworth.bandPass(order, cut[0], cut[1], fs);
            case "bandstop":
                return Butterworth.bandStop(order, cut[0], cut[1], fs);
            default:
                throw new AssertionError("unknown btype " + f.get("btype"));
        }
    }

    /** scipy's own coefficients, so that only the filtering is under test. */
    static Sos scipySos(JsonNode f) {
        return Sos.of(ReferenceData.matrix(f.get("sos")));
    }

    static double[] expected(JsonNode f, String quantity) {
        return ReferenceData.doubles(f.get(quantity).get("values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void butterSosMatchesScipy(String call, JsonNode f) {
        double[][] expected = ReferenceData.matrix(f.get("sos"));
        double[][] actual = design(f).toArray();
        assertEquals(expected.length, actual.length, call + ": number of sections");
        for (int s = 0; s < expected.length; s++) {
            double rowMax = 0;
            for (double v : expected[s]) {
                rowMax = Math.max(rowMax, Math.abs(v));
            }
            Tolerance.assertRelative(expected[s], actual[s], COEFF_TOL, COEFF_FLOOR * rowMax, call + ": section " + s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zi")
    void steadyStateZiMatchesSosfiltZi(String call, JsonNode f) {
        double[][] expected = ReferenceData.matrix(f.get("sosfilt_zi").get("values"));
        double[][] actual = scipySos(f).steadyStateZi();
        assertEquals(expected.length, actual.length, call + ": number of sections");
        for (int s = 0; s < expected.length; s++) {
            Tolerance.assertRelative(expected[s], actual[s], ZI_TOL, ZI_FLOOR, call + ": section " + s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sosfilt")
    void sosFilterMatchesSosfilt(String call, JsonNode f) {
        double[] x = ReferenceData.input(f);
        double[] y = new double[x.length];
        SosFilter.of(scipySos(f)).process(x, 0, y, 0, x.length);
        Tolerance.assertScaled(expected(f, "sosfilt"), y, SIGNAL_TOL, call + ": sosfilt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sosfiltDesigned")
    void designedFilterMatchesSosfilt(String call, JsonNode f) {
        double[] x = ReferenceData.input(f);
        SosFilter.of(design(f)).processInPlace(x);
        Tolerance.assertScaled(expected(f, "sosfilt"), x, SIGNAL_TOL, call + ": sosfilt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sosfiltfilt")
    void filtfiltMatchesSosfiltfilt(String call, JsonNode f) {
        double[] y = ZeroPhase.filtfilt(scipySos(f), ReferenceData.input(f));
        Tolerance.assertScaled(expected(f, "sosfiltfilt"), y, SIGNAL_TOL, call + ": sosfiltfilt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sosfiltfiltDesignedInPlace")
    void designedFiltfiltInPlaceMatchesSosfiltfilt(String call, JsonNode f) {
        double[] x = ReferenceData.input(f);
        ZeroPhase.filtfilt(design(f), x, x);
        Tolerance.assertScaled(expected(f, "sosfiltfilt"), x, SIGNAL_TOL, call + ": sosfiltfilt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("padlen")
    void padLengthMatchesScipy(String call, JsonNode f) {
        int expected = f.get("sosfiltfilt_padlen").get("value").asInt();
        assertEquals(expected, scipySos(f).filtfiltPadLength(), call + ", with scipy's sos");
        assertEquals(expected, design(f).filtfiltPadLength(), call + ", with this library's design");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("response")
    void magnitudeMatchesFreqzSos(String call, JsonNode f) {
        Sos sos = design(f);
        double fs = f.get("fs").asDouble();
        double[] freqs = ReferenceData.doubles(f.get("response").get("freqHz"));
        double[] actual = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            actual[i] = sos.magnitude(freqs[i], fs);
        }
        Tolerance.assertRelative(expected(f, "response"), actual, MAGNITUDE_TOL, MAGNITUDE_FLOOR, call + ": magnitude");
    }
}
