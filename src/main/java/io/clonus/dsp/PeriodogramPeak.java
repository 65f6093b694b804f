package io.clonus.dsp;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The spectral peak of many short stretches, one after another, without allocating: equal to
 * {@code Spectrum.periodogram(x, from, to, sampleRateHz, nfft).peak(lowHz, highHz).frequencyHz()}
 * (scipy's Hann periodogram zero-padded to {@code nfft} points, its largest bin in the range, refined by a
 * parabola through the logarithms of the bin and its neighbours), but keeping one transform plan and its
 * buffers for a fixed {@code nfft}. Used in hot paths that judge many candidate stretches. Not
 * thread-safe: one instance per thread.
 */
public final class PeriodogramPeak {
    private final int nfft;
    private final double sampleRateHz;
    private final DoubleFFT_1D fft;
    private final double[] buf;
    private final double[] psd;

    private PeriodogramPeak(int nfft, double sampleRateHz) {
        this.nfft = nfft;
        this.sampleRateHz = sampleRateHz;
        this.fft = new DoubleFFT_1D(nfft);
        this.buf = new double[nfft];
        this.psd = new double[nfft / 2 + 1];
    }

    /**
     * @param nfft         transform length, at least 2; stretches may be at most this long
     * @param sampleRateHz sample rate, Hz
     * @return a workspace for that length
     * @throws IllegalArgumentException for nfft below 2 or an invalid sample rate
     */
    public static PeriodogramPeak of(int nfft, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        if (nfft < 2) {
            throw new IllegalArgumentException("nfft must be at least 2, got " + nfft);
        }
        return new PeriodogramPeak(nfft, sampleRateHz);
    }

    /** @return the transform length */
    public int nfft() {
        return nfft;
    }

    /**
     * @param x      samples; not modified
     * @param from   first sample of the stretch
     * @param to     end of the stretch, exclusive; at most {@link #nfft()} samples, at least 1
     * @param lowHz  low end of the range searched, Hz
     * @param highHz high end, Hz
     * @return the peak frequency, Hz, as {@link Spectrum#peak(double, double)} gives it
     * @throws IllegalArgumentException if the stretch is empty or longer than nfft, or the range holds no bin
     */
    public double peakHz(double[] x, int from, int to, double lowHz, double highHz) {
        Checks.range(x.length, from, to);
        int n = to - from;
        if (n < 1 || n > nfft) {
            throw new IllegalArgumentException("stretch of " + n + " samples must hold 1 to " + nfft + " samples");
        }
        double mean = Spectrum.mean(x, from, to);
        double windowPower = 0;
        double step = 2 * Math.PI / n;
        for (int i = 0; i < n; i++) {
            // scipy's periodic Hann window of the stretch's length (as Spectrum.hannPeriodic)
            double w = n <= 1 ? 1.0 : 0.5 + 0.5 * Math.cos(i * step + -Math.PI);
            windowPower += w * w;
            buf[i] = (x[from + i] - mean) * w;
        }
        Arrays.fill(buf, n, nfft, 0.0);
        fft.realForward(buf);
        int bins = nfft / 2 + 1;
        int half = nfft / 2;
        double scale = 1.0 / (sampleRateHz * windowPower);
        int lastDoubled = nfft % 2 == 0 ? bins - 2 : bins - 1;
        for (int k = 0; k < bins; k++) {
            double p;
            if (k == 0) {
                p = buf[0] * buf[0];
            } else if (nfft % 2 == 0 && k == half) {
                p = buf[1] * buf[1];
            } else if (nfft % 2 == 1 && k == half) {
                p = buf[nfft - 1] * buf[nfft - 1] + buf[1] * buf[1];
            } else {
                p = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
            p *= scale;
            if (k >= 1 && k <= lastDoubled) {
                p *= 2;
            }
            psd[k] = p;
        }
        double df = 1.0 / (nfft * (1.0 / sampleRateHz));
        int first = 0;
        while (first < bins && first * df < lowHz) {
            first++;
        }
        int end = first;
        while (end < bins && end * df <= highHz) {
            end++;
        }
        if (end == first) {
            throw new IllegalArgumentException("no frequency bin between " + lowHz + " Hz and " + highHz + " Hz");
        }
        int best = Spectrum.largestBin(psd, first, end);
        double f = best * df;
        double offset = Spectrum.logVertex(psd, bins, best);
        if (offset != 0) {
            f += offset * ((best + 1) * df - best * df);
        }
        return f;
    }
}
