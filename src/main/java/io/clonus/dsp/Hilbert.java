package io.clonus.dsp;

/**
 * Amplitude envelope via the analytic signal, equal to {@code np.abs(scipy.signal.hilbert(x))}.
 *
 * <p>Like scipy, the whole signal is transformed with an FFT of exactly {@code x.length} points
 * (any length; no padding), positive frequencies are doubled, negative ones zeroed, and the
 * inverse transform's magnitude is returned. The FFT treats the signal as periodic, so the
 * envelope bends near both ends when the signal's end does not meet its start; filter or taper
 * before if that matters. Static and thread-safe.
 */
public final class Hilbert {
    private Hilbert() {
    }

    /**
     * The envelope |x + j H{x}|.
     *
     * @param x signal samples; not modified. An empty array gives an empty result; one sample
     *          gives its absolute value; a NaN or infinite sample makes every output NaN (the FFT
     *          spreads it)
     * @return a new array of the same length, in the units of {@code x}
     */
    public static double[] envelope(double[] x) {
        int n = x.length;
        double[] env = new double[n];
        if (n == 0) {
            return env;
        }
        double[] z = new double[2 * n];
        Fft.forwardFull(x, z);
        // h = 1 at DC (and at Nyquist for even n), 2 for positive, 0 for negative frequencies
        int positiveEnd = n % 2 == 0 ? n / 2 : (n + 1) / 2;
        for (int k = 1; k < positiveEnd; k++) {
            z[2 * k] *= 2;
            z[2 * k + 1] *= 2;
        }
        int negativeStart = n % 2 == 0 ? n / 2 + 1 : (n + 1) / 2;
        for (int k = negativeStart; k < n; k++) {
            z[2 * k] = 0;
            z[2 * k + 1] = 0;
        }
        Fft.inverse(z);
        for (int i = 0; i < n; i++) {
            double re = z[2 * i];
            double im = z[2 * i + 1];
            env[i] = Math.sqrt(re * re + im * im);
        }
        return env;
    }
}
