package io.clonus.dsp;

/**
 * Zero-phase (forward-backward) IIR filtering, equal to {@code scipy.signal.sosfiltfilt(sos, x)}
 * with its defaults {@code padtype='odd'}, {@code padlen = sos.filtfiltPadLength()}.
 *
 * <p>Steps, as in scipy: extend the signal at both ends by {@code padlen} samples with an odd
 * (point-symmetric) reflection, {@code 2 x[0] - x[padlen..1]} and
 * {@code 2 x[n-1] - x[n-2..n-1-padlen]}; filter forward from state {@code sosfilt_zi * ext[0]};
 * filter the result backward from state {@code sosfilt_zi * y[last]}; drop the padding. The
 * magnitude response is |H|^2 and the phase is zero.
 *
 * <p>Static and thread-safe (each call uses its own filter state and one padded work buffer of
 * {@code n + 2 padlen} samples).
 */
public final class ZeroPhase {
    private ZeroPhase() {
    }

    /**
     * Filters {@code x} forward and backward into a new array.
     *
     * @param sos the filter cascade
     * @param x   the signal, longer than {@code sos.filtfiltPadLength()} samples; not modified
     * @return the zero-phase filtered signal, same length as {@code x}
     * @throws IllegalArgumentException if {@code x.length <= sos.filtfiltPadLength()} (this includes
     *         the empty signal), as scipy refuses such signals
     */
    public static double[] filtfilt(Sos sos, double[] x) {
        double[] out = new double[x.length];
        filtfilt(sos, x, out);
        return out;
    }

    /**
     * Filters {@code x} forward and backward into {@code out}.
     *
     * @param sos the filter cascade
     * @param x   the signal, longer than {@code sos.filtfiltPadLength()} samples; not modified unless
     *            it is {@code out}
     * @param out destination of the same length as {@code x}; may be {@code x} itself for in-place
     *            filtering
     * @throws IllegalArgumentException if the signal is too short (see {@link #filtfilt(Sos, double[])})
     *         or {@code out} has a different length
     */
    public static void filtfilt(Sos sos, double[] x, double[] out) {
        int n = x.length;
        int pad = sos.filtfiltPadLength();
        if (n <= pad) {
            throw new IllegalArgumentException("signal of " + n + " samples is too short for zero-phase filtering: "
                    + "needs more than " + pad + " samples (3 x filter length)");
        }
        if (out.length != n) {
            throw new IllegalArgumentException("output length " + out.length + " differs from the signal length " + n);
        }
        int m = n + 2 * pad;
        double[] ext = new double[m];
        // odd extension, scipy's odd_ext: 2 * x[0] - x[pad..1] and 2 * x[n-1] - x[n-2..n-1-pad]
        double first = x[0];
        double last = x[n - 1];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * first - x[pad - i];
            ext[pad + n + i] = 2 * last - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);

        SosFilter filter = SosFilter.of(sos);
        filter.initSteadyState(ext[0]);
        filter.processInPlace(ext);
        // backward pass: reversing in place is cheap next to the filtering and keeps one kernel
        reverse(ext);
        filter.initSteadyState(ext[0]);
        filter.processInPlace(ext);
        // un-reverse only the part we keep
        for (int i = 0; i < n; i++) {
            out[i] = ext[m - 1 - pad - i];
        }
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
