package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter design and filtering against scipy: one parameterised case per {@code filters} entry of
 * the reference file, named by the scipy call that produced it.
 */
class FilterReferenceTest {
    /** Skips the whole class, visibly, when the shared reference file is absent. */
    @BeforeAll
    static void requireReferenceFile() {
        ReferenceData.root();
    }

    /** Relative tolerance for designed coefficients (requirement: 1e-10). */
    static final double COEFF_TOL = 1e-10;
    /**
     * Absolute floor for near-zero coefficients, relative to the largest |coefficient| of the
     * section: |a - e| <= 1e-10 * max(|e|, 1e-3 * max|row|). Needed for coefficients that are zero
     * in exact arithmetic (e.g. b1 of a [1, 0, -1] band-pass numerator) and come out as +-1e-17.
     */
    static final double COEFF_FLOOR = 1e-3;
    /** Filter outputs: error relative to max |expected output| (requirement: 1e-9). */
    static final double SIGNAL_TOL = 1e-9;

    static Stream<Arguments> filters() {
        return ReferenceData.list("filters").stream().map(f -> Arguments.of(f.get("call").asText(), f));
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

    static double[] input(JsonNode f) {
        return ReferenceData.input(f.get("input").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void butterSosMatchesScipy(String call, JsonNode f) {
        double[][] expected = ReferenceData.matrix(f.get("sos"));
        double[][] actual = design(f).toArray();
        assertEquals(expected.length, actual.length, "number of sections");
        for (int s = 0; s < expected.length; s++) {
            double rowMax = 0;
            for (double v : expected[s]) {
                rowMax = Math.max(rowMax, Math.abs(v));
            }
            Tolerance.assertRelative(expected[s], actual[s], COEFF_TOL, COEFF_FLOOR * rowMax, "section " + s);
        }
    }

    @ParameterizedTest(name = "scipy.signal.sosfilt_zi(sos) for {0}")
    @MethodSource("filters")
    void steadyStateZiMatchesSosfiltZi(String call, JsonNode f) {
        Sos sos = Sos.of(ReferenceData.matrix(f.get("sos")));
        double[][] expected = ReferenceData.matrix(f.get("sosfilt_zi"));
        double[][] actual = sos.steadyStateZi();
        for (int s = 0; s < expected.length; s++) {
            Tolerance.assertRelative(expected[s], actual[s], 1e-9, 1e-12, "zi section " + s);
        }
    }

    @ParameterizedTest(name = "scipy.signal.sosfilt(sos, x) for {0}")
    @MethodSource("filters")
    void sosFilterMatchesSosfilt(String call, JsonNode f) {
        // scipy's own coefficients, so only the filtering is under test here
        Sos sos = Sos.of(ReferenceData.matrix(f.get("sos")));
        double[] x = input(f);
        double[] y = new double[x.length];
        SosFilter.of(sos).process(x, 0, y, 0, x.length);
        Tolerance.assertScaled(ReferenceData.doubles(f.get("sosfilt")), y, SIGNAL_TOL, "sosfilt");
    }

    @ParameterizedTest(name = "scipy.signal.sosfilt(sos, x) with designed sos for {0}")
    @MethodSource("filters")
    void designedFilterMatchesSosfilt(String call, JsonNode f) {
        double[] x = input(f);
        SosFilter filter = SosFilter.of(design(f));
        filter.processInPlace(x);
        Tolerance.assertScaled(ReferenceData.doubles(f.get("sosfilt")), x, SIGNAL_TOL, "sosfilt");
    }

    @ParameterizedTest(name = "scipy.signal.sosfiltfilt(sos, x) for {0}")
    @MethodSource("filters")
    void filtfiltMatchesSosfiltfilt(String call, JsonNode f) {
        Sos sos = Sos.of(ReferenceData.matrix(f.get("sos")));
        double[] y = ZeroPhase.filtfilt(sos, input(f));
        Tolerance.assertScaled(ReferenceData.doubles(f.get("sosfiltfilt")), y, SIGNAL_TOL, "sosfiltfilt");
    }

    @ParameterizedTest(name = "scipy.signal.sosfiltfilt(sos, x) with designed sos, in place, for {0}")
    @MethodSource("filters")
    void designedFiltfiltInPlaceMatchesSosfiltfilt(String call, JsonNode f) {
        double[] x = input(f);
        ZeroPhase.filtfilt(design(f), x, x);
        Tolerance.assertScaled(ReferenceData.doubles(f.get("sosfiltfilt")), x, SIGNAL_TOL, "sosfiltfilt");
    }

    @ParameterizedTest(name = "sosfiltfilt padlen for {0}")
    @MethodSource("filters")
    void padLengthMatchesScipy(String call, JsonNode f) {
        assertEquals(f.get("sosfiltfilt_padlen").asInt(), Sos.of(ReferenceData.matrix(f.get("sos"))).filtfiltPadLength());
        assertEquals(f.get("sosfiltfilt_padlen").asInt(), design(f).filtfiltPadLength());
    }

    @ParameterizedTest(name = "np.abs(scipy.signal.sosfreqz(sos, worN, fs)[1]) for {0}")
    @MethodSource("filters")
    void magnitudeMatchesSosfreqz(String call, JsonNode f) {
        Sos sos = design(f);
        double fs = f.get("fs").asDouble();
        double[] freqs = ReferenceData.doubles(f.get("response").get("freqHz"));
        double[] expected = ReferenceData.doubles(f.get("response").get("magnitude"));
        double[] actual = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            actual[i] = sos.magnitude(freqs[i], fs);
        }
        Tolerance.assertRelative(expected, actual, 1e-9, 1e-15, "magnitude");
    }
}
