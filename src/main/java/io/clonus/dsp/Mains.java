package io.clonus.dsp;

import java.util.Arrays;

/**
 * Mains (power-line) interference: detecting whether a recording carries 50 Hz or 60 Hz hum, and
 * a notch cascade to remove it. Static and thread-safe; no argument is modified.
 */
public final class Mains {
    /** A line must stand this many dB above its neighbourhood to count as hum. */
    static final double THRESHOLD_DB = 10.0;
    /** Half-width in Hz of the band searched for the line itself. */
    static final double LINE_HALF_WIDTH_HZ = 1.0;
    /** Neighbourhood used as background: from 3 to 8 Hz either side of the line. */
    static final double BACKGROUND_NEAR_HZ = 3.0;
    static final double BACKGROUND_FAR_HZ = 8.0;
    /** Quality factor of the suppressor's notches (-3 dB width = line / 30, 1.7 Hz at 50 Hz). */
    static final double NOTCH_Q = 30.0;

    private Mains() {
    }

    /**
     * Detects mains hum.
     *
     * <p>Rule: a Welch PSD is taken with segments of the smallest power of two not below the
     * sample rate (one second or a little more, so bins are at most 1 Hz apart; Hann window, half
     * overlap). For each candidate line L (50 Hz, 60 Hz, and the second harmonic 100 Hz / 120 Hz)
     * whose whole neighbourhood lies below Nyquist, the line power is the highest bin within
     * L +- 1 Hz and the background is the median bin over L-8..L-3 Hz and L+3..L+8 Hz. The line's
     * prominence is {@code 10 log10(line / background)} dB. A mains frequency's score is the
     * larger prominence of its fundamental and second harmonic; the frequency with the higher
     * score is returned if that score is at least 10 dB. The neighbourhoods of 50 and 60 Hz do not
     * contain each other's line.
     *
     * @param x            the recording in any units; not modified. NaN samples make the PSD NaN
     *                     and the result 0.0
     * @param sampleRateHz sample rate in Hz, positive and finite. Below about 117 Hz no
     *                     candidate fits under Nyquist and the result is 0.0
     * @return 50.0 or 60.0 when hum at that frequency is present, 0.0 when neither is
     * @throws IllegalArgumentException if the sample rate is invalid or the signal is shorter
     *         than one Welch segment (one second or a little more)
     */
    public static double detect(double[] x, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        // bins at most 1 Hz apart, so the +-1 Hz line band always holds two bins
        int segment = PowerOfTwo.atLeast((int) Math.min(1 << 30, Math.ceil(sampleRateHz)));
        if (x.length < segment) {
            throw new IllegalArgumentException("signal of " + x.length + " samples is too short for mains detection: needs at least "
                    + segment + " samples (about 1 s at " + sampleRateHz + " Hz)");
        }
        Spectrum psd = Spectrum.welch(x, sampleRateHz, segment, segment / 2);
        double nyquist = sampleRateHz / 2;
        double best = 0.0;
        double bestScore = THRESHOLD_DB;
        for (double mains : new double[] {50.0, 60.0}) {
            double score = Math.max(prominenceDb(psd, mains, nyquist), prominenceDb(psd, 2 * mains, nyquist));
            if (score >= bestScore) {
                bestScore = score;
                best = mains;
            }
        }
        return best;
    }

    /** Prominence of the line over its neighbourhood in dB; -infinity when it does not fit or is undefined. */
    private static double prominenceDb(Spectrum psd, double line, double nyquist) {
        if (line + BACKGROUND_FAR_HZ >= nyquist) {
            return Double.NEGATIVE_INFINITY;
        }
        double peak = Double.NEGATIVE_INFINITY;
        double[] background = new double[psd.size()];
        int m = 0;
        for (int k = 0; k < psd.size(); k++) {
            double d = Math.abs(psd.frequencyAt(k) - line);
            double p = psd.psdAt(k);
            if (d <= LINE_HALF_WIDTH_HZ) {
                peak = Math.max(peak, p);
            } else if (d >= BACKGROUND_NEAR_HZ && d <= BACKGROUND_FAR_HZ) {
                background[m++] = p;
            }
        }
        if (m == 0 || !(peak > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] b = Arrays.copyOf(background, m);
        Arrays.sort(b);
        double median = m % 2 == 1 ? b[m / 2] : 0.5 * (b[m / 2 - 1] + b[m / 2]);
        if (!(median > 0)) {
            // a perfectly clean background (synthetic signal): any positive line stands out
            return Double.POSITIVE_INFINITY;
        }
        double db = 10 * Math.log10(peak / median);
        return Double.isNaN(db) ? Double.NEGATIVE_INFINITY : db;
    }

    /**
     * A cascade of notch filters ({@link Notch#design}, Q = 30) at the mains frequency and each of
     * its harmonics strictly below {@code min(upToHz, 0.95 * Nyquist)}, one section per line,
     * fundamental first.
     *
     * @param mainsHz      50.0 or 60.0 (e.g. the result of {@link #detect}, when not 0.0)
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @param upToHz       highest frequency in Hz worth cleaning (e.g. the upper edge of the EMG
     *                     band-pass), positive
     * @return the cascade; its magnitude is 0 at every notched line
     * @throws IllegalArgumentException if {@code mainsHz} is not 50 or 60, the sample rate is
     *         invalid, {@code upToHz} is not positive, or not even the fundamental lies below the
     *         limit (the sample rate is too low for mains to appear unaliased)
     */
    public static Sos suppressor(double mainsHz, double sampleRateHz, double upToHz) {
        if (mainsHz != 50.0 && mainsHz != 60.0) {
            throw new IllegalArgumentException("mains frequency must be 50.0 or 60.0 Hz, got " + mainsHz + " Hz");
        }
        Checks.sampleRate(sampleRateHz);
        if (!(upToHz > 0)) {
            throw new IllegalArgumentException("upper frequency limit must be positive, got " + upToHz + " Hz");
        }
        double limit = Math.min(upToHz, 0.95 * sampleRateHz / 2);
        if (mainsHz >= limit) {
            throw new IllegalArgumentException("no mains line below the limit of " + limit + " Hz: the " + mainsHz
                    + " Hz line must lie below min(upToHz " + upToHz + " Hz, 0.95 x Nyquist " + (0.95 * sampleRateHz / 2)
                    + " Hz) at sample rate " + sampleRateHz + " Hz");
        }
        Sos cascade = null;
        for (int h = 1; h * mainsHz < limit; h++) {
            Sos notch = Notch.design(h * mainsHz, NOTCH_Q, sampleRateHz);
            cascade = cascade == null ? notch : cascade.cascade(notch);
        }
        return cascade;
    }
}
