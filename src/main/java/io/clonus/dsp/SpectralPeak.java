package io.clonus.dsp;

/**
 * The largest bin of a power spectrum within a frequency range, as found by
 * {@link Spectrum#peak(double, double)}. Immutable and thread-safe.
 *
 * @param frequencyHz peak frequency in Hz, refined between bins by parabolic interpolation of the
 *                    logarithm of the PSD at the bin and its two neighbours (at most half a bin
 *                    away from the bin's own frequency)
 * @param power       PSD value of the bin itself (not interpolated), in signal units^2/Hz
 * @param bin         index of the bin in the spectrum
 */
public record SpectralPeak(double frequencyHz, double power, int bin) {
}
