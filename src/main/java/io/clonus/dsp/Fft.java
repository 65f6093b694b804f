package io.clonus.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The package's only door to JTransforms. A new {@link DoubleFFT_1D} plan is made per call (no
 * cache, so no shared state between callers); plans are cheap next to the transforms we run.
 *
 * <p><b>Threads.</b> JTransforms decides by itself whether to split a transform over threads,
 * reading two JVM-wide settings: {@code ConcurrencyUtils.getNumberOfThreads()} (default: the
 * number of processors) and {@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads()} (8192 points;
 * 4 threads from 65536). Transforms of at most 8192 points therefore always run on the calling
 * thread: that covers the Welch segments used for detection, the autocorrelation of analysis
 * windows of up to 4096 samples, and every reference case. Longer transforms (the periodogram or
 * Hilbert envelope of a whole long recording) may hand parts of the work to JTransforms' shared
 * pool of daemon threads; the arithmetic, and so the result, is identical (tested). We
 * deliberately do not change those settings: they are global and would silently change other
 * JTransforms users in the same JVM. An application that wants JTransforms strictly
 * single-threaded calls {@code org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1)}
 * once at start-up.
 */
final class Fft {
    private Fft() {
    }

    /**
     * |X[k]|^2 for k = 0 .. n/2 of the real signal {@code buf[0..n)}, n = buf.length. The buffer is
     * overwritten by the packed transform.
     */
    static void powerOneSided(double[] buf, double[] power) {
        int n = buf.length;
        new DoubleFFT_1D(n).realForward(buf);
        int half = n / 2;
        power[0] = buf[0] * buf[0];
        if (n % 2 == 0) {
            // JTransforms packing, even n: a[0] = Re X0, a[1] = Re X(n/2), a[2k], a[2k+1] = Re, Im Xk
            if (n > 1) {
                power[half] = buf[1] * buf[1];
            }
            for (int k = 1; k < half; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                power[k] = re * re + im * im;
            }
        } else {
            // odd n: a[1] = Im X((n-1)/2), a[n-1] = Re X((n-1)/2)
            for (int k = 1; k < half; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                power[k] = re * re + im * im;
            }
            if (n > 1) {
                double re = buf[n - 1];
                double im = buf[1];
                power[half] = re * re + im * im;
            }
        }
    }

    /**
     * Forward transform of the real signal {@code buf[0..n)} into the full complex spectrum,
     * interleaved re, im in {@code out[0..2n)} (X[k] = sum x[j] exp(-2 pi i jk / n), numpy's sign).
     */
    static void forwardFull(double[] x, double[] out) {
        int n = x.length;
        System.arraycopy(x, 0, out, 0, n);
        new DoubleFFT_1D(n).realForwardFull(out);
    }

    /** In-place inverse complex transform of n = data.length / 2 points, scaled by 1/n like numpy. */
    static void inverse(double[] data) {
        new DoubleFFT_1D(data.length / 2).complexInverse(data, true);
    }
}
