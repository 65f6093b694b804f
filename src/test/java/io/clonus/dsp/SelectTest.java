package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Select, the selection that spares the noise floor its sorts, against the sorts it replaces. */
class SelectTest {
    @Test
    void selectsWhatASortPutsAtK() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + rng.nextInt(130);
            double[] a = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                a[i] = switch (kind) {
                    case 0 -> rng.nextDouble();
                    case 1 -> rng.nextInt(5); // many ties
                    case 2 -> rng.nextBoolean() ? 0.0 : rng.nextDouble(); // runs of zeros
                    default -> rng.nextInt(10) == 0 ? Double.NaN : rng.nextGaussian(); // NaN among them
                };
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = rng.nextInt(n);
            double got = Select.kth(a.clone(), n, k);
            if (kind == 3) {
                assertEquals(Double.doubleToLongBits(sorted[k]), Double.doubleToLongBits(got), "trial " + trial);
            } else {
                assertEquals(sorted[k], got, 0.0, "trial " + trial);
            }
            assertEquals(Double.doubleToLongBits(sorted[k]), Double.doubleToLongBits(Select.kthTotalOrder(a.clone(), n, k)));
        }
    }

    @Test
    void selectUsesOnlyThePrefix() {
        double[] a = {5, 1, 4, -100, -100};
        assertEquals(4.0, Select.kth(a, 3, 1));
    }

    @Test
    void zerosOfEitherSignGiveAZero() {
        double[] a = {0.0, -0.0, 0.0, -0.0, 1};
        assertEquals(0.0, Math.max(0, Select.kth(a, 5, 2)));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(Math.max(0, Select.kth(a.clone(), 5, 1))));
    }

}
