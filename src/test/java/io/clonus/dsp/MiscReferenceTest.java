package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** iirnotch, autocorrelation and Hilbert envelope against scipy/numpy. */
class MiscReferenceTest {
    /** Skips the whole class, visibly, when the shared reference file is absent. */
    @BeforeAll
    static void requireReferenceFile() {
        ReferenceData.root();
    }

    static Stream<Arguments> notch() {
        JsonNode n = ReferenceData.node("notch");
        return Stream.of(Arguments.of(n.get("call").asText(), n));
    }

    static Stream<Arguments> autocorrelation() {
        return ReferenceData.list("autocorrelation").stream().map(a -> Arguments.of(a.get("call").asText(), a));
    }

    static Stream<Arguments> hilbert() {
        JsonNode h = ReferenceData.node("hilbert");
        return Stream.of(Arguments.of(h.get("call").asText(), h));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notch")
    void notchCoefficientsMatchIirnotch(String call, JsonNode n) {
        Sos sos = Notch.design(50.0, 30.0, 2000.0);
        assertEquals(1, sos.sectionCount());
        double[] ba = sos.toArray()[0];
        Tolerance.assertRelative(ReferenceData.doubles(n.get("b")), new double[] {ba[0], ba[1], ba[2]}, 1e-12, 0, "b");
        Tolerance.assertRelative(ReferenceData.doubles(n.get("a")), new double[] {ba[3], ba[4], ba[5]}, 1e-12, 0, "a");
    }

    @ParameterizedTest(name = "scipy.signal.lfilter(b, a, x) with {0}")
    @MethodSource("notch")
    void notchFilteringMatchesLfilter(String call, JsonNode n) {
        double[] x = ReferenceData.input("2000");
        SosFilter.of(Notch.design(50.0, 30.0, 2000.0)).processInPlace(x);
        Tolerance.assertScaled(ReferenceData.doubles(n.get("lfilter")), x, 1e-9, "lfilter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autocorrelation")
    void autocorrelationMatchesNumpy(String call, JsonNode a) {
        double[] x = ReferenceData.input(a.get("input").asText());
        int lags = a.get("lags").asInt();
        double[] expected = ReferenceData.doubles(a.get("values"));
        // values lie in [-1, 1]: an absolute tolerance is the relative one at the scale of lag 0
        Tolerance.assertScaled(expected, Autocorrelation.normalized(x, lags), 1e-9, "autocorrelation");
    }

    @ParameterizedTest(name = "{0}, direct sums and FFT path")
    @MethodSource("autocorrelation")
    void bothAutocorrelationPathsMatchNumpy(String call, JsonNode a) {
        double[] x = ReferenceData.input(a.get("input").asText());
        int lags = a.get("lags").asInt();
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
            Tolerance.assertScaled(expected, r, 1e-9, "autocorrelation");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hilbert")
    void envelopeMatchesHilbert(String call, JsonNode h) {
        double[] x = java.util.Arrays.copyOf(ReferenceData.input(h.get("input").asText()), 1024);
        Tolerance.assertRelative(ReferenceData.doubles(h.get("values")), Hilbert.envelope(x), 1e-9, 1e-3, "envelope");
    }
}
