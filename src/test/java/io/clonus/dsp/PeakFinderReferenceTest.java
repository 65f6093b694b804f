package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** find_peaks indices and peak_prominences against scipy, one case per {@code peaks} entry. */
class PeakFinderReferenceTest {
    /** Skips the whole class, visibly, when the shared reference file is absent. */
    @BeforeAll
    static void requireReferenceFile() {
        ReferenceData.root();
    }

    static Stream<Arguments> peaks() {
        return ReferenceData.list("peaks").stream().map(p -> Arguments.of(p.get("call").asText(), p));
    }

    static PeakFinder.Options options(JsonNode args) {
        PeakFinder.Options o = PeakFinder.Options.none();
        if (args.has("height")) {
            o = o.withMinHeight(args.get("height").asDouble());
        }
        if (args.has("distance")) {
            o = o.withMinDistance(args.get("distance").asInt());
        }
        if (args.has("prominence")) {
            o = o.withMinProminence(args.get("prominence").asDouble());
        }
        if (args.has("width")) {
            o = o.withMinWidth(args.get("width").asDouble());
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peaks")
    void indicesMatchFindPeaks(String call, JsonNode p) {
        double[] x = ReferenceData.input(p.get("input").asText());
        assertArrayEquals(ReferenceData.ints(p.get("indices")), PeakFinder.find(x, options(p.get("args"))));
    }

    @ParameterizedTest(name = "scipy.signal.peak_prominences(x, peaks)[0] after {0}")
    @MethodSource("peaks")
    void prominencesMatchPeakProminences(String call, JsonNode p) {
        double[] x = ReferenceData.input(p.get("input").asText());
        double[] actual = PeakFinder.prominences(x, ReferenceData.ints(p.get("indices")));
        // differences of two stored samples: exact in both implementations
        assertArrayEquals(ReferenceData.doubles(p.get("prominences")), actual, 0.0);
    }

    @ParameterizedTest(name = "{0} on a segment gives the same peaks shifted")
    @MethodSource("peaks")
    void segmentEqualsShiftedWholeCall(String call, JsonNode p) {
        double[] x = ReferenceData.input(p.get("input").asText());
        int offset = 37;
        double[] padded = new double[x.length + 2 * offset];
        // surround with higher values that would change bases and peaks if they leaked in
        java.util.Arrays.fill(padded, 100.0);
        System.arraycopy(x, 0, padded, offset, x.length);
        int[] expected = ReferenceData.ints(p.get("indices"));
        for (int i = 0; i < expected.length; i++) {
            expected[i] += offset;
        }
        assertArrayEquals(expected, PeakFinder.find(padded, offset, offset + x.length, options(p.get("args"))));
    }
}
