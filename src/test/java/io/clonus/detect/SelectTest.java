package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Select and Memo, the helpers that spare the beat finder its sorts, against the sorts they replace. */
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

    @Test
    void memoHoldsOnlyForTheSameValues() {
        Memo m = new Memo(4);
        double[] x = {1, 2, 3, 4};
        assertFalse(m.holds(x, 3));
        assertEquals(7.0, m.keep(x, 3, 7.0));
        assertTrue(m.holds(x, 3));
        assertEquals(7.0, m.value);
        assertFalse(m.holds(x, 2), "another length");
        assertFalse(m.holds(x, -3), "another tag");
        assertFalse(m.holds(x.clone(), 3), "another array");
        x[3] = 99;
        assertTrue(m.holds(x, 3), "a value beyond the prefix does not matter");
        x[1] = 2.5;
        assertFalse(m.holds(x, 3), "a value inside it does");
        m.keep(x, 0, 1.0);
        assertFalse(m.holds(x, 0), "never for an empty prefix");
    }
}
