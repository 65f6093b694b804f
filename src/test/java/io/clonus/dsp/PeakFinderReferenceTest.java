package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * find_peaks indices and peak_prominences against scipy, one case per {@code peaks} entry of the
 * reference file. Exact comparisons: indices are integers, and a prominence is the difference of
 * two input samples, which both sides hold bit for bit.
 */
class PeakFinderReferenceTest {
    static Stream<Arguments> peaks() {
        return ReferenceData.cases("peaks", "call", "where", "");
    }

    static Stream<Arguments> prominences() {
        return ReferenceData.cases("peaks", "prominences/call", "prominences/where", "");
    }

    static Stream<Arguments> segments() {
        return ReferenceData.cases("peaks", "call", "where", "PeakFinder.find on a padded segment, shifted: ");
    }

    static PeakFinder.Options options(JsonNode args) {
        PeakFinder.Options o = PeakFinder.Options.none();
        var names = args.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode v = args.get(name);
            switch (name) {
                case "height":
                    o = o.withMinHeight(v.asDouble());
                    break;
                case "distance":
                    o = o.withMinDistance(v.asInt());
                    break;
                case "prominence":
                    o = o.withMinProminence(v.asDouble());
                    break;
                case "width":
                    o = o.withMinWidth(v.asDouble());
                    break;
                default:
                    throw new AssertionError("find_peaks argument not supported by PeakFinder: " + name);
            }
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peaks")
    void indicesMatchFindPeaks(String call, JsonNode p) {
        double[] x = ReferenceData.input(p);
        assertArrayEquals(ReferenceData.ints(p.get("indices")), PeakFinder.find(x, options(p.get("args"))), call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prominences")
    void prominencesMatchPeakProminences(String call, JsonNode p) {
        double[] x = ReferenceData.input(p);
        double[] actual = PeakFinder.prominences(x, ReferenceData.ints(p.get("indices")));
        assertArrayEquals(ReferenceData.doubles(p.get("prominences").get("values")), actual, 0.0, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segments")
    void segmentEqualsShiftedWholeCall(String call, JsonNode p) {
        double[] x = ReferenceData.input(p);
        int offset = 37;
        double[] padded = new double[x.length + 2 * offset];
        // surround with higher values that would change bases and peaks if they leaked in
        Arrays.fill(padded, 100.0);
        System.arraycopy(x, 0, padded, offset, x.length);
        int[] expected = ReferenceData.ints(p.get("indices"));
        for (int i = 0; i < expected.length; i++) {
            expected[i] += offset;
        }
        assertArrayEquals(expected, PeakFinder.find(padded, offset, offset + x.length, options(p.get("args"))), call);
    }
}
