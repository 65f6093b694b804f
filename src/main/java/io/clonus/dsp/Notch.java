package io.clonus.dsp;

/**
 * Second-order IIR notch filter, equal to {@code scipy.signal.iirnotch(w0, Q, fs)} returned as a
 * single second-order section {@code [b0, b1, b2, 1, a1, a2]}.
 *
 * <p>The notch has zeros exactly on the unit circle at the notch frequency (infinite attenuation
 * there) and a -3 dB bandwidth of {@code frequencyHz / qualityFactor}. Static, pure and
 * thread-safe.
 */
public final class Notch {
    private Notch() {
    }

    /**
     * Designs the notch.
     *
     * @param frequencyHz   frequency to remove in Hz, strictly between 0 and Nyquist
     * @param qualityFactor {@code Q = frequency / bandwidth(-3 dB)}, positive and finite
     *                      (30 removes a 50 Hz line with a 1.7 Hz wide notch)
     * @param sampleRateHz  sample rate in Hz, positive and finite
     * @return a one-section cascade
     * @throws IllegalArgumentException if the frequency is not inside (0, Nyquist), Q is not
     *         positive and finite, the sample rate is not positive and finite, or an argument is NaN
     */
    public static Sos design(double frequencyHz, double qualityFactor, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist("notch frequency", frequencyHz, sampleRateHz);
        if (!(qualityFactor > 0) || Double.isInfinite(qualityFactor)) {
            throw new IllegalArgumentException("quality factor must be positive and finite, got " + qualityFactor);
        }
        // scipy's _design_notch_peak_filter, operation for operation
        double w0 = 2 * frequencyHz / sampleRateHz;
        double bw = w0 / qualityFactor;
        bw = bw * Math.PI;
        w0 = w0 * Math.PI;
        double beta = Math.tan(bw / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double cos = Math.cos(w0);
        return Sos.wrap(new double[] {
            gain * 1.0, gain * (-2.0 * cos), gain * 1.0,
            1.0, -2.0 * gain * cos, 2.0 * gain - 1.0});
    }
}
