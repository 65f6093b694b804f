package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PeriodogramPeak against Spectrum.periodogram(...).peak(...), which is itself checked against
 * scipy.signal.periodogram (window='hann', nfft, detrend='constant'): the same bits, for any stretch.
 */
class PeriodogramPeakTest {
    @ParameterizedTest(name = "nfft {0} at {1} Hz")
    @CsvSource({"8192, 250", "4096, 200", "1024, 50", "1025, 64", "64, 100"})
    void givesSpectrumsPeakBitForBit(int nfft, double fs) {
        SplittableRandom rng = new SplittableRandom(nfft);
        PeriodogramPeak p = PeriodogramPeak.of(nfft, fs);
        double[] x = new double[nfft + 40];
        for (int trial = 0; trial < 40; trial++) {
            double f = 2 + 10 * rng.nextDouble();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(2 * Math.PI * f * i / fs) * (1 + 0.3 * rng.nextGaussian()) + 5 + 0.5 * rng.nextGaussian();
            }
            int from = rng.nextInt(30);
            int to = from + 1 + rng.nextInt(nfft);
            double expected = Spectrum.periodogram(x, from, to, fs, nfft).peak(2.5, 16).frequencyHz();
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(p.peakHz(x, from, to, 2.5, 16)),
                    () -> "stretch " + from + ".." + to);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"empty", "too long", "no bin"})
    void refusesWhatSpectrumRefuses(String what) {
        PeriodogramPeak p = PeriodogramPeak.of(64, 100);
        double[] x = new double[100];
        switch (what) {
            case "empty" -> assertThrows(IllegalArgumentException.class, () -> p.peakHz(x, 5, 5, 1, 10));
            case "too long" -> assertThrows(IllegalArgumentException.class, () -> p.peakHz(x, 0, 65, 1, 10));
            default -> assertThrows(IllegalArgumentException.class, () -> p.peakHz(x, 0, 64, 60, 70));
        }
    }
}
