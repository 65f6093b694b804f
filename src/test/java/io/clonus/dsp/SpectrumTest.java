package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Spectrum cases beyond the reference file; expected PSDs hard-coded from scipy 1.17.1. */
class SpectrumTest {
    /** x[i] = sin(0.3 i) + 0.01 i^2 - 0.2 (i mod 3), i = 0..49. */
    static double[] ramp() {
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.3 * i) + 0.01 * i * i - 0.2 * (i % 3);
        }
        return x;
    }

    static void assertBins(Spectrum s, int[] bins, double[] expected) {
        for (int i = 0; i < bins.length; i++) {
            double v = s.psdAt(bins[i]);
            assertEquals(expected[i], v, 1e-9 * Math.abs(expected[i]), "bin " + bins[i]);
        }
    }

    @Test
    void zeroPaddedSegmentPeriodogramMatchesScipy() {
        // scipy.signal.periodogram(x[5:45], fs=100.0, window='hann', nfft=128, detrend='constant', scaling='density')
        Spectrum s = Spectrum.periodogram(ramp(), 5, 45, 100.0, 128);
        assertEquals(65, s.size());
        assertEquals(0.78125, s.frequencyAt(1), 1e-15);
        assertBins(s, new int[] {0, 1, 7, 20, 64}, new double[] {
            0.06661526420712699, 0.9506821957476776, 0.1175227540286746, 4.592735692211865e-05, 3.699085030110176e-10});
    }

    @Test
    void oddLengthPeriodogramMatchesScipy() {
        // scipy.signal.periodogram(x[:41], fs=100.0, window='hann', detrend='constant', scaling='density')
        Spectrum s = Spectrum.periodogram(java.util.Arrays.copyOf(ramp(), 41), 100.0);
        assertEquals(21, s.size());
        assertEquals(48.78048780487805, s.frequencyAt(20), 1e-12);
        assertBins(s, new int[] {0, 1, 20}, new double[] {0.11914318906127921, 3.0753659374668705, 4.680742998050583e-10});
    }

    @Test
    void welchOnSignalShorterThanSegmentUsesWholeSignalLikeScipy() {
        // scipy.signal.welch(x, fs=100.0, window='hann', nperseg=64, noverlap=16, ...) warns and uses nperseg=50
        Spectrum s = Spectrum.welch(ramp(), 100.0, 64, 16);
        assertEquals(26, s.size());
        assertBins(s, new int[] {0, 3, 25}, new double[] {0.4462736480086644, 0.12049105288366757, 2.713717926669274e-11});
    }

    @Test
    void welchWithOddSegmentMatchesScipy() {
        // scipy.signal.welch(x, fs=100.0, window='hann', nperseg=15, noverlap=7, detrend='constant', scaling='density')
        Spectrum s = Spectrum.welch(ramp(), 100.0, 15, 7);
        assertBins(s, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[] {
            0.006962121971047276, 0.21561722148499607, 0.01429405310604325, 0.000590516427119794,
            0.0006711277845576292, 0.002758421145025215, 0.0006527891285687184, 3.585805090896871e-07});
    }

    @Test
    void segmentPeriodogramEqualsPeriodogramOfTheCopy() {
        double[] x = ramp();
        assertEquals(Spectrum.periodogram(java.util.Arrays.copyOfRange(x, 7, 40), 100.0),
                Spectrum.periodogram(x, 7, 40, 100.0, 33));
    }

    static double[] tone(double freq, double amplitude, double fs, int n, double noise, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * freq * i / fs) + noise * r.nextGaussian();
        }
        return x;
    }

    @Test
    void peakIsInterpolatedBetweenBins() {
        Spectrum s = Spectrum.welch(tone(6.3, 1.0, 100, 6000, 0.1, 1), 100, 256, 128);
        SpectralPeak p = s.peak(3, 12);
        // bins are 0.39 Hz apart; 6.3 Hz lies between bins 16 (6.25 Hz) and 17
        assertEquals(16, p.bin());
        assertEquals(s.psdAt(16), p.power());
        assertEquals(6.3, p.frequencyHz(), 0.02);
    }

    @Test
    void peakAtRangeEdgeOnARisingSlopeIsNotInterpolated() {
        Spectrum s = new Spectrum(new double[] {0, 1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(new SpectralPeak(3.0, 4.0, 3), s.peak(0.5, 3.5));
        // interior maximum: log-parabola through (1, 4, 2) moves it towards the larger neighbour
        Spectrum t = new Spectrum(new double[] {0, 1, 2, 3}, new double[] {1, 2, 4, 1});
        double la = Math.log(2);
        double lb = Math.log(4);
        double lc = Math.log(1);
        assertEquals(2 + 0.5 * (la - lc) / (la - 2 * lb + lc), t.peak(0, 3).frequencyHz(), 1e-15);
    }

    @Test
    void bandPowerOfASineIsHalfTheSquaredAmplitude() {
        Spectrum s = Spectrum.welch(tone(50, 2.0, 1000, 20000, 0, 1), 1000, 1000, 500);
        assertEquals(2.0, s.bandPower(45, 55), 0.02);
    }

    @Test
    void totalBandPowerOfWhiteNoiseIsItsVariance() {
        Spectrum s = Spectrum.welch(tone(0, 0, 1000, 100_000, 3.0, 2), 1000, 512, 256);
        assertEquals(9.0, s.bandPower(0, 500), 0.2);
    }

    @Test
    void emptyRangesAndReversedRangesAreRefused() {
        Spectrum s = Spectrum.welch(ramp(), 100.0, 16, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.peak(6.4, 6.5));
        assertTrue(e.getMessage().contains("no frequency bin between 6.4 Hz and 6.5 Hz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.bandPower(12, 3));
        assertTrue(e.getMessage().contains("low 12.0 Hz > high 3.0 Hz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.peak(Double.NaN, 3));
    }

    @Test
    void emptySignalGivesEmptySpectrum() {
        Spectrum s = Spectrum.welch(new double[0], 100, 256, 128);
        assertEquals(0, s.size());
        assertEquals(0, Spectrum.periodogram(new double[0], 100).size());
        assertEquals(0, Spectrum.periodogram(new double[10], 4, 4, 100, 16).size());
        assertThrows(IllegalArgumentException.class, () -> s.peak(0, 50));
    }

    @Test
    void invalidParametersAreRefusedWithTheValue() {
        double[] x = ramp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spectrum.welch(x, 100, 0, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.welch(x, 100, 16, 16));
        assertTrue(e.getMessage().contains("overlap of 16 samples must be less than the segment length 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.welch(x, 100, 64, 50));
        assertTrue(e.getMessage().contains("shortened to the signal length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.welch(x, 100, 16, -1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.welch(x, -100, 16, 8));
        assertTrue(e.getMessage().contains("-100.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.periodogram(x, 0, 40, 100, 32));
        assertTrue(e.getMessage().contains("nfft 32 is shorter than the segment of 40 samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.periodogram(x, 10, 60, 100, 64));
        assertTrue(e.getMessage().contains("[10, 60)"), e.getMessage());
    }

    @Test
    void recordIsImmutable() {
        double[] f = {0, 1};
        double[] p = {2, 3};
        Spectrum s = new Spectrum(f, p);
        f[0] = 9;
        p[0] = 9;
        assertArrayEquals(new double[] {0, 1}, s.frequencyHz(), 0.0);
        assertNotSame(s.psd(), s.psd());
        s.psd()[1] = 7;
        assertEquals(3.0, s.psdAt(1));
        assertThrows(IllegalArgumentException.class, () -> new Spectrum(new double[2], new double[3]));
    }

    @Test
    void inputIsNotModified() {
        double[] x = ramp();
        double[] copy = x.clone();
        Spectrum.welch(x, 100, 16, 8);
        Spectrum.periodogram(x, 100);
        Spectrum.periodogram(x, 3, 30, 100, 64);
        assertArrayEquals(copy, x, 0.0);
    }
}
