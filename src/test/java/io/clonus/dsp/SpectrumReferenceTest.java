package io.clonus.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Welch and periodogram PSDs against scipy, one case per {@code spectra} entry of the reference file. */
class SpectrumReferenceTest {
    /**
     * PSD, relative per bin: 1e-9 (the project's requirement), no floor: the generator refuses a
     * case with a bin below 1e-12 of the largest, and the smallest stored is 4.6e-7 of it. The two
     * FFTs (pocketfft, JTransforms) round differently, by about 1e-16 of the largest bin, so small
     * bins carry the largest relative differences: 3.2e-14 when written (the 3000-point periodogram).
     */
    static final double TOL = 1e-9;
    /** Bin frequencies k * fs / nfft: a product and a quotient; 1e-12 relative (identical when written). */
    static final double FREQ_TOL = 1e-12;

    static Stream<Arguments> spectra() {
        return ReferenceData.cases("spectra", "call", "where", "");
    }

    static Spectrum compute(JsonNode s) {
        double[] x = ReferenceData.input(s);
        double fs = s.get("fs").asDouble();
        switch (s.get("kind").asText()) {
            case "welch":
                return Spectrum.welch(x, fs, s.get("nperseg").asInt(), s.get("noverlap").asInt());
            case "periodogram":
                if (s.has("nfft")) {
                    return Spectrum.periodogram(x, s.get("start").asInt(), s.get("stop").asInt(), fs, s.get("nfft").asInt());
                }
                return Spectrum.periodogram(x, fs);
            default:
                throw new AssertionError("unknown kind " + s.get("kind"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spectra")
    void psdMatchesScipy(String call, JsonNode s) {
        Spectrum spectrum = compute(s);
        Tolerance.assertRelative(ReferenceData.doubles(s.get("freqHz")), spectrum.frequencyHz(), FREQ_TOL, FREQ_TOL,
                call + ": frequency");
        Tolerance.assertRelative(ReferenceData.doubles(s.get("psd")), spectrum.psd(), TOL, 0, call + ": psd");
    }
}
