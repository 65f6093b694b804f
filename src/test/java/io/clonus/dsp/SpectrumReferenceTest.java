package io.clonus.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Welch and periodogram PSDs against scipy, one case per {@code spectra} entry. */
class SpectrumReferenceTest {
    /** Skips the whole class, visibly, when the shared reference file is absent. */
    @BeforeAll
    static void requireReferenceFile() {
        ReferenceData.root();
    }

    /** Requirement: 1e-9 relative per bin (no floor needed: every reference bin is well above 0). */
    static final double TOL = 1e-9;

    static Stream<Arguments> spectra() {
        return ReferenceData.list("spectra").stream().map(s -> Arguments.of(s.get("call").asText(), s));
    }

    static Spectrum compute(JsonNode s) {
        double[] x = ReferenceData.input(s.get("input").asText());
        if (s.has("nperseg")) {
            return Spectrum.welch(x, 100.0, s.get("nperseg").asInt(), s.get("noverlap").asInt());
        }
        return Spectrum.periodogram(x, 100.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spectra")
    void psdMatchesScipy(String call, JsonNode s) {
        Spectrum spectrum = compute(s);
        Tolerance.assertRelative(ReferenceData.doubles(s.get("freqHz")), spectrum.frequencyHz(), 1e-12, 1e-12, "frequency");
        Tolerance.assertRelative(ReferenceData.doubles(s.get("psd")), spectrum.psd(), TOL, 0, "psd");
    }
}
