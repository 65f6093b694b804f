package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The software-pipelined four-section kernel gives the bits of the sample-by-sample recurrence
 * ({@link SosFilter#process(double)}) for every length, offset, in place or not, and leaves the same state.
 */
class SosFilterPipelineTest {
    private static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    @Test
    void blockPathEqualsSampleBySample() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int order : new int[] {3, 4, 5, 8}) {
            Sos sos = Butterworth.bandPass(order, 20, 450, 2000);
            for (int len = 0; len <= 40; len++) {
                for (int off : new int[] {0, 3}) {
                    double[] x = new double[len + off + 2];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = 100 + rng.nextGaussian();
                    }
                    SosFilter ref = SosFilter.of(sos);
                    ref.initSteadyState(x[off]);
                    double[] expected = new double[len];
                    for (int i = 0; i < len; i++) {
                        expected[i] = ref.process(x[off + i]);
                    }
                    SosFilter f = SosFilter.of(sos);
                    f.initSteadyState(x[off]);
                    double[] out = new double[len + 5];
                    f.process(x, off, out, 2, len);
                    double[] got = java.util.Arrays.copyOfRange(out, 2, 2 + len);
                    assertArrayEquals(bits(expected), bits(got), "order " + order + " length " + len);
                    assertArrayEquals(bits(ref.state()), bits(f.state()), "state, order " + order + " length " + len);

                    SosFilter g = SosFilter.of(sos);
                    g.initSteadyState(x[off]);
                    double[] inPlace = x.clone();
                    g.process(inPlace, off, inPlace, off, len);
                    assertArrayEquals(bits(expected), bits(java.util.Arrays.copyOfRange(inPlace, off, off + len)),
                            "in place, order " + order + " length " + len);
                    assertEquals(x[off + len], inPlace[off + len], "beyond the range untouched");
                }
            }
        }
    }
}
