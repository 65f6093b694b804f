package io.clonus.detect;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Rhythm evidence over a short stretch of the detection signal: the lagged Pearson correlation (each lag
 * compares the stretch with itself shifted, over the overlap only, so that a few beats are not penalised
 * for being few) and a zero-padded Hann periodogram. Reuses its buffers; not thread-safe.
 */
final class Evidence {
    private final double rateHz;
    private final double lowHz;
    private final double highHz;
    private double[] fftBuffer = new double[0];
    private DoubleFFT_1D fft;

    Evidence(double rateHz, double lowHz, double highHz) {
        this.rateHz = rateHz;
        this.lowHz = lowHz;
        this.highHz = highHz;
    }

    /**
     * @param x    samples
     * @param from first sample of the stretch
     * @param to   one past the last
     * @param lag  lag in samples, may be fractional (linear interpolation between whole lags)
     * @return the Pearson correlation of x[from, to-lag) with x[from+lag, to); 0 when either part is flat or
     *         the overlap is shorter than 3 samples
     */
    static double correlation(double[] x, int from, int to, double lag) {
        int l0 = (int) Math.floor(lag);
        double f = lag - l0;
        double r0 = correlation(x, from, to, l0);
        if (f == 0) {
            return r0;
        }
        return (1 - f) * r0 + f * correlation(x, from, to, l0 + 1);
    }

    static double correlation(double[] x, int from, int to, int lag) {
        int n = to - from - lag;
        if (n < 3 || lag < 0) {
            return 0;
        }
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            sa += x[from + i];
            sb += x[from + lag + i];
        }
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double a = x[from + i] - ma;
            double b = x[from + lag + i] - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        double den = Math.sqrt(saa * sbb);
        return den > 0 ? sab / den : 0;
    }

    /**
     * {@link #correlation(double[], int, int, int)} at {@code lag} and {@code lag + 1} into {@code r[lag]} and
     * {@code r[lag + 1]}: each lag's sums are the same additions in the same order (the same bits), but the
     * two lags' sums run side by side, so that the adder's latency is paid once for both.
     */
    static void correlationPair(double[] x, int from, int to, int lag, double[] r) {
        int n = to - from - lag;
        int n1 = n - 1;
        if (n1 < 3 || lag < 0) {
            r[lag] = correlation(x, from, to, lag);
            r[lag + 1] = correlation(x, from, to, lag + 1);
            return;
        }
        double sa = 0;
        double sb = 0;
        double sb1 = 0;
        for (int i = 0; i < n1; i++) {
            sa += x[from + i];
            sb += x[from + lag + i];
            sb1 += x[from + lag + 1 + i];
        }
        double sa1 = sa; // the first n - 1 terms of sa are all of lag + 1's
        sa += x[from + n1];
        sb += x[from + lag + n1];
        double ma = sa / n;
        double mb = sb / n;
        double ma1 = sa1 / n1;
        double mb1 = sb1 / n1;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        double sab1 = 0;
        double saa1 = 0;
        double sbb1 = 0;
        for (int i = 0; i < n1; i++) {
            double xa = x[from + i];
            double a = xa - ma;
            double b = x[from + lag + i] - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
            double a1 = xa - ma1;
            double b1 = x[from + lag + 1 + i] - mb1;
            sab1 += a1 * b1;
            saa1 += a1 * a1;
            sbb1 += b1 * b1;
        }
        double a = x[from + n1] - ma;
        double b = x[from + lag + n1] - mb;
        sab += a * b;
        saa += a * a;
        sbb += b * b;
        double den = Math.sqrt(saa * sbb);
        r[lag] = den > 0 ? sab / den : 0;
        double den1 = Math.sqrt(saa1 * sbb1);
        r[lag + 1] = den1 > 0 ? sab1 / den1 : 0;
    }

    /**
     * @return the rhythm from the lagged correlation: the highest local maximum between the lags of the
     *         search range's edges, or a shorter lag reaching 90 % of it; in Hz, empty when none
     */
    OptionalDouble autocorrelationHz(double[] x, int from, int to) {
        int minLag = Math.max(1, (int) Math.floor(rateHz / highHz));
        int maxLag = Math.min(to - from - 4, (int) Math.ceil(rateHz / lowHz) + 1);
        if (maxLag <= minLag + 1) {
            return OptionalDouble.empty();
        }
        double[] r = new double[maxLag + 2];
        r[0] = 1;
        for (int lag = Math.max(1, minLag - 1); lag <= maxLag + 1; lag += 2) {
            if (lag + 1 <= maxLag + 1) {
                correlationPair(x, from, to, lag, r);
            } else {
                r[lag] = correlation(x, from, to, lag);
            }
        }
        OptionalDouble lag = AutocorrelationPeak.find(r, minLag, maxLag);
        return lag.isPresent() ? OptionalDouble.of(rateHz / lag.getAsDouble()) : OptionalDouble.empty();
    }

    /**
     * @return the largest local maximum of the Hann-windowed, mean-removed periodogram of the stretch in the
     *         search range, zero-padded to a resolution of at most 0.05 Hz, with parabolic interpolation;
     *         in Hz, empty when the range holds no local maximum
     */
    OptionalDouble spectralHz(double[] x, int from, int to) {
        int n = to - from;
        if (n < 8) {
            return OptionalDouble.empty();
        }
        int nfft = Integer.highestOneBit(Math.max(n, (int) Math.ceil(rateHz / 0.05)) * 2 - 1);
        if (nfft < n) {
            nfft <<= 1;
        }
        if (fftBuffer.length != nfft) {
            fftBuffer = new double[nfft];
            fft = new DoubleFFT_1D(nfft);
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= n;
        Arrays.fill(fftBuffer, 0.0);
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
            fftBuffer[i] = (x[from + i] - mean) * w;
        }
        fft.realForward(fftBuffer);
        double binHz = rateHz / nfft;
        int kLo = Math.max(1, (int) Math.ceil(lowHz / binHz));
        int kHi = Math.min(nfft / 2 - 2, (int) Math.floor(highHz / binHz));
        int best = -1;
        double bestP = 0;
        double prev = power(kLo - 1);
        double cur = power(kLo);
        for (int k = kLo; k <= kHi; k++) {
            double next = power(k + 1);
            if (cur > prev && cur >= next && cur > bestP) {
                best = k;
                bestP = cur;
            }
            prev = cur;
            cur = next;
        }
        if (best < 0) {
            return OptionalDouble.empty();
        }
        double a = Math.log(Math.max(power(best - 1), Double.MIN_NORMAL));
        double b = Math.log(Math.max(power(best), Double.MIN_NORMAL));
        double c = Math.log(Math.max(power(best + 1), Double.MIN_NORMAL));
        double den = a - 2 * b + c;
        double delta = den == 0 ? 0 : 0.5 * (a - c) / den;
        return OptionalDouble.of((best + delta) * binHz);
    }

    private double power(int k) {
        if (k == 0) {
            return fftBuffer[0] * fftBuffer[0];
        }
        double re = fftBuffer[2 * k];
        double im = fftBuffer[2 * k + 1];
        return re * re + im * im;
    }
}
