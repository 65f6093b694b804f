package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SortedWindow against sorting the window. */
class SortedWindowTest {
    @Test
    void holdsTheSortOfTheWindow() {
        SplittableRandom rng = new SplittableRandom(3);
        int capacity = 120;
        double[] ring = new double[capacity];
        SortedWindow w = new SortedWindow(capacity);
        for (long k = 0; k < 2000; k++) {
            double v = switch ((int) (k % 3)) {
                case 0 -> rng.nextDouble();
                case 1 -> rng.nextInt(4) * 0.5; // ties
                default -> k % 97 == 0 ? Double.NaN : (k % 89 == 0 ? -0.0 : 0.0);
            };
            int slot = (int) (k % capacity);
            w.replace(k >= capacity, ring[slot], v);
            ring[slot] = v;
            int n = (int) Math.min(k + 1, capacity);
            double[] sorted = Arrays.copyOf(ring, n);
            Arrays.sort(sorted);
            assertEquals(n, w.size());
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToLongBits(sorted[i]), Double.doubleToLongBits(w.get(i)), "k " + k + " i " + i);
            }
        }
    }

    @Test
    void refusesAValueItDoesNotHold() {
        SortedWindow w = new SortedWindow(2);
        w.replace(false, 0, 1.0);
        assertThrows(IllegalStateException.class, () -> w.replace(true, 2.0, 3.0));
        w.replace(false, 0, 2.0);
        assertThrows(IllegalStateException.class, () -> w.replace(false, 0, 3.0));
    }
}
