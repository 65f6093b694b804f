package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MainsTest {
    /** Gaussian noise (std 1) plus a sine of the given amplitude, 10 s. */
    static double[] noiseWithHum(double fs, double humHz, double amplitude, long seed) {
        Random r = new Random(seed);
        int n = (int) (10 * fs);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + amplitude * Math.sin(2 * Math.PI * humHz * i / fs + 0.3);
        }
        return x;
    }

    @Test
    void fiftyHertzHumIsDetected() {
        assertEquals(50.0, Mains.detect(noiseWithHum(2000, 50, 0.3, 1), 2000));
    }

    @Test
    void sixtyHertzHumIsDetected() {
        assertEquals(60.0, Mains.detect(noiseWithHum(2000, 60, 0.3, 2), 2000));
    }

    @Test
    void plainNoiseHasNoMains() {
        for (long seed = 3; seed < 8; seed++) {
            assertEquals(0.0, Mains.detect(noiseWithHum(2000, 50, 0, seed), 2000), "seed " + seed);
        }
    }

    @Test
    void weakHumBelowTheRuleIsIgnored() {
        // a 0.02 amplitude line carries ~2e-4 power in ~1 Hz against a noise density of 1e-3 / Hz: < 10 dB
        assertEquals(0.0, Mains.detect(noiseWithHum(2000, 50, 0.02, 9), 2000));
    }

    @Test
    void humInALowPassFilteredOneKilohertzRecordingIsDetected() {
        // 1 kHz recording that was only low-pass filtered (no notch): a sloping background, hum still there
        for (double hum : new double[] {50, 60}) {
            double[] x = noiseWithHum(1000, hum, 0.5, 10);
            SosFilter.of(Butterworth.lowPass(4, 100, 1000)).processInPlace(x);
            assertEquals(hum, Mains.detect(x, 1000));
            // and with the low-pass below the line, hum and background are attenuated alike
            double[] y = noiseWithHum(1000, hum, 0.5, 11);
            SosFilter.of(Butterworth.lowPass(4, 30, 1000)).processInPlace(y);
            assertEquals(hum, Mains.detect(y, 1000));
        }
    }

    @Test
    void secondHarmonicAloneIsEnough() {
        // full-wave rectified mains shows at 100 Hz only
        assertEquals(50.0, Mains.detect(noiseWithHum(2000, 100, 0.3, 12), 2000));
        assertEquals(60.0, Mains.detect(noiseWithHum(2000, 120, 0.3, 13), 2000));
    }

    @Test
    void suppressedHumIsNoLongerDetected() {
        double[] x = noiseWithHum(2000, 50, 0.3, 14);
        Sos notch = Mains.suppressor(Mains.detect(x, 2000), 2000, 450);
        double[] y = ZeroPhase.filtfilt(notch, x);
        assertEquals(0.0, Mains.detect(y, 2000));
    }

    @Test
    void tooLowSampleRateHasNoCandidate() {
        assertEquals(0.0, Mains.detect(noiseWithHum(100, 50, 1.0, 15), 100));
    }

    @Test
    void suppressorAttenuatesEveryLineByMoreThan30Db() {
        double fs = 2000;
        Sos sos = Mains.suppressor(50, fs, 450);
        // 50, 100, ..., 400 Hz (450 is not below the limit)
        assertEquals(8, sos.sectionCount());
        double limit = Math.pow(10, -30 / 20.0);
        for (int h = 1; h <= 8; h++) {
            assertTrue(sos.magnitude(50 * h, fs) < limit, "line " + 50 * h + " Hz");
        }
        // between the lines the signal passes
        assertTrue(sos.magnitude(75, fs) > 0.99);
        assertTrue(sos.magnitude(6, fs) > 0.999);
        // each section is scipy's iirnotch(50 h, 30, fs)
        assertArrayEquals(Notch.design(150, 30, fs).toArray()[0], sos.toArray()[2], 0.0);
    }

    @Test
    void suppressorStopsBelowNinetyFivePercentOfNyquist() {
        // 0.95 * 500 = 475 Hz: 60, 120, ..., 420 Hz
        Sos sos = Mains.suppressor(60, 1000, 10_000);
        assertEquals(7, sos.sectionCount());
        assertTrue(sos.magnitude(420, 1000) < 1e-3);
    }

    @Test
    void invalidArgumentsAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mains.suppressor(55, 2000, 450));
        assertEquals("mains frequency must be 50.0 or 60.0 Hz, got 55.0 Hz", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mains.suppressor(50, 2000, 0));
        assertTrue(e.getMessage().contains("got 0.0 Hz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mains.suppressor(60, 100, 450));
        assertTrue(e.getMessage().contains("sample rate 100.0 Hz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mains.detect(new double[1000], 2000));
        assertTrue(e.getMessage().contains("signal of 1000 samples is too short for mains detection: needs at least 2048"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mains.detect(new double[5000], Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void inputIsNotModified() {
        double[] x = noiseWithHum(1000, 50, 0.3, 16);
        double[] copy = x.clone();
        Mains.detect(x, 1000);
        assertArrayEquals(copy, x, 0.0);
    }
}
