package io.clonus.dsp;

/**
 * Digital Butterworth filter design, equal to {@code scipy.signal.butter(order, Wn, btype, fs=fs,
 * output='sos')}.
 *
 * <p>The design follows scipy's path step by step: the analog prototype ({@code buttap}),
 * pre-warping of the edges ({@code 4 tan(pi Wn / 2)} with {@code Wn} the edge over Nyquist), the
 * frequency transformation ({@code lp2lp_zpk}, {@code lp2hp_zpk}, {@code lp2bp_zpk} or
 * {@code lp2bs_zpk}), the bilinear transform ({@code bilinear_zpk}) and the grouping into
 * second-order sections ({@code zpk2sos}, {@code pairing='nearest'}): the same section order,
 * poles nearest the unit circle last, and the overall gain in the first section's numerator.
 * Coefficients agree with scipy 1.17 to about 1e-13 relative.
 *
 * <p>Band-pass and band-stop designs of order {@code n} have {@code 2n} poles, so they yield
 * {@code n} sections; low- and high-pass designs yield {@code ceil(n / 2)} sections (an odd order
 * gets one section with an extra pole and zero at the origin, as in scipy).
 *
 * <p>All methods are static, pure and thread-safe; no argument is modified.
 */
public final class Butterworth {
    /** Highest accepted order; far beyond anything numerically sensible for IIR filtering. */
    static final int MAX_ORDER = 64;

    private Butterworth() {
    }

    /**
     * Low-pass filter, {@code scipy.signal.butter(order, cutoffHz, 'lowpass', fs=sampleRateHz,
     * output='sos')}.
     *
     * @param order        filter order, 1..64
     * @param cutoffHz     -3 dB frequency in Hz, strictly between 0 and Nyquist
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @return the cascade, {@code ceil(order / 2)} sections
     * @throws IllegalArgumentException for a non-positive order, a cut-off outside (0, Nyquist),
     *         a non-positive sample rate, or any NaN argument; the message names the value
     */
    public static Sos lowPass(int order, double cutoffHz, double sampleRateHz) {
        Checks.order(order);
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist("cut-off", cutoffHz, sampleRateHz);
        Zpk zpk = Zpk.buttap(order).lp2lp(warp(cutoffHz, sampleRateHz));
        return design(zpk);
    }

    /**
     * High-pass filter, {@code scipy.signal.butter(order, cutoffHz, 'highpass', fs=sampleRateHz,
     * output='sos')}.
     *
     * @param order        filter order, 1..64
     * @param cutoffHz     -3 dB frequency in Hz, strictly between 0 and Nyquist
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @return the cascade, {@code ceil(order / 2)} sections
     * @throws IllegalArgumentException as {@link #lowPass(int, double, double)}
     */
    public static Sos highPass(int order, double cutoffHz, double sampleRateHz) {
        Checks.order(order);
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist("cut-off", cutoffHz, sampleRateHz);
        Zpk zpk = Zpk.buttap(order).lp2hp(warp(cutoffHz, sampleRateHz));
        return design(zpk);
    }

    /**
     * Band-pass filter, {@code scipy.signal.butter(order, [lowHz, highHz], 'bandpass',
     * fs=sampleRateHz, output='sos')}.
     *
     * @param order        order of the low-pass prototype, 1..64 (the filter has {@code 2 * order}
     *                     poles)
     * @param lowHz        lower -3 dB edge in Hz, above 0
     * @param highHz       upper -3 dB edge in Hz, above {@code lowHz} and below Nyquist
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @return the cascade, {@code order} sections
     * @throws IllegalArgumentException for a non-positive order, an edge outside (0, Nyquist),
     *         {@code lowHz >= highHz} ("band edges reversed"), a non-positive sample rate or NaN
     */
    public static Sos bandPass(int order, double lowHz, double highHz, double sampleRateHz) {
        Checks.order(order);
        Checks.sampleRate(sampleRateHz);
        Checks.band(lowHz, highHz, sampleRateHz);
        double w1 = warp(lowHz, sampleRateHz);
        double w2 = warp(highHz, sampleRateHz);
        Zpk zpk = Zpk.buttap(order).lp2bp(Math.sqrt(w1 * w2), w2 - w1);
        return design(zpk);
    }

    /**
     * Band-stop filter, {@code scipy.signal.butter(order, [lowHz, highHz], 'bandstop',
     * fs=sampleRateHz, output='sos')}.
     *
     * @param order        order of the low-pass prototype, 1..64 (the filter has {@code 2 * order}
     *                     poles)
     * @param lowHz        lower -3 dB edge in Hz, above 0
     * @param highHz       upper -3 dB edge in Hz, above {@code lowHz} and below Nyquist
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @return the cascade, {@code order} sections
     * @throws IllegalArgumentException as {@link #bandPass(int, double, double, double)}
     */
    public static Sos bandStop(int order, double lowHz, double highHz, double sampleRateHz) {
        Checks.order(order);
        Checks.sampleRate(sampleRateHz);
        Checks.band(lowHz, highHz, sampleRateHz);
        double w1 = warp(lowHz, sampleRateHz);
        double w2 = warp(highHz, sampleRateHz);
        Zpk zpk = Zpk.buttap(order).lp2bs(Math.sqrt(w1 * w2), w2 - w1);
        return design(zpk);
    }

    /** Pre-warped analog edge for scipy's normalised design rate fs = 2: 2 fs tan(pi Wn / fs). */
    private static double warp(double frequencyHz, double sampleRateHz) {
        double wn = frequencyHz / (sampleRateHz / 2);
        return 2 * 2.0 * Math.tan(Math.PI * wn / 2.0);
    }

    private static Sos design(Zpk analog) {
        return Sos.wrap(analog.bilinear(2.0).toSos());
    }
}
