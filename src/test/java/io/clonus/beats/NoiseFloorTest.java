package io.clonus.beats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The noise floor: a low quantile of block medians, robust to outliers and bursts, and aware of precision. */
class NoiseFloorTest {
    private static final double RATE = 100; // 25 samples per quarter-second block

    @Test
    void isTheQuantileOfTheBlockMedians() {
        NoiseFloor f = new NoiseFloor(RATE, 10, 0.2, 0);
        SplittableRandom rng = new SplittableRandom(1);
        double[] medians = new double[40];
        for (int b = 0; b < 40; b++) {
            double[] block = new double[25];
            for (int i = 0; i < 25; i++) {
                block[i] = 1 + b + rng.nextDouble();
                f.add(block[i]);
            }
            double[] sorted = block.clone();
            Arrays.sort(sorted);
            medians[b] = sorted[12];
        }
        Arrays.sort(medians);
        assertEquals(medians[(int) (0.2 * 39)], f.value(), 0);
    }

    @Test
    void oneOutlierOrAFewBurstsDoNotRaiseIt() {
        NoiseFloor quiet = new NoiseFloor(RATE, 30, 0.2, 0);
        NoiseFloor hit = new NoiseFloor(RATE, 30, 0.2, 0);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 3000; i++) {
            double v = Math.abs(rng.nextGaussian());
            boolean burst = i % 100 < 15; // bursts fill 15 % of the time
            quiet.add(v);
            hit.add(i == 1500 ? 1e6 : burst ? 50 * v : v);
        }
        assertEquals(quiet.value(), hit.value(), 0.1 * quiet.value());
    }

    @Test
    void neverFallsBelowTheInputsPrecision() {
        NoiseFloor f = new NoiseFloor(RATE, 10, 0.2, 1e-10);
        for (int i = 0; i < 500; i++) {
            f.add(1e-13);
        }
        assertEquals(1e-13, f.value(), 1e-20);
        f.inputMagnitude(1e4);
        assertEquals(1e-6, f.value(), 1e-18);
        f.inputMagnitude(10); // only increases count
        assertEquals(1e-6, f.value(), 1e-18);
        assertTrue(new NoiseFloor(RATE, 10, 0.2, 1e-10).value() == 0, "nothing seen yet");
    }
}
