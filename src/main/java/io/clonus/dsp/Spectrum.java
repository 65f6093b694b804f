package io.clonus.dsp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A one-sided power spectral density: {@code psd[k]} is the density at {@code frequencyHz[k]}, in
 * signal units squared per hertz (e.g. mV^2/Hz for EMG in mV, g^2/Hz for acceleration in g),
 * frequencies in Hz from 0 up to Nyquist in steps of {@code sampleRate / nfft}. Bins other than 0
 * Hz and Nyquist carry the power of the negative frequencies too (scipy's one-sided "density"
 * scaling), so {@code sum(psd) * binWidth} is the signal's variance after detrending.
 *
 * <p>Immutable and thread-safe: the constructor copies both arrays and the accessors return
 * copies. Use {@link #size()}, {@link #frequencyAt(int)} and {@link #psdAt(int)} for element
 * access without copying. {@code equals} compares the contents.
 *
 * @param frequencyHz bin frequencies in Hz, ascending and equally spaced (not checked)
 * @param psd         power spectral density per bin, units^2/Hz
 */
public record Spectrum(double[] frequencyHz, double[] psd) {

    /**
     * Copies and checks the arrays.
     *
     * @param frequencyHz bin frequencies in Hz; copied
     * @param psd         PSD per bin in units^2/Hz; copied
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Spectrum {
        Objects.requireNonNull(frequencyHz, "frequencyHz");
        Objects.requireNonNull(psd, "psd");
        if (frequencyHz.length != psd.length) {
            throw new IllegalArgumentException("frequency and PSD arrays differ in length: "
                    + frequencyHz.length + " vs " + psd.length);
        }
        frequencyHz = frequencyHz.clone();
        psd = psd.clone();
    }

    /**
     * Welch's averaged periodogram, equal to {@code scipy.signal.welch(x, fs, window='hann',
     * nperseg=segmentLength, noverlap=overlap, detrend='constant', scaling='density')} (one-sided,
     * {@code average='mean'}).
     *
     * <p>The signal is cut into segments of {@code segmentLength} samples starting every
     * {@code segmentLength - overlap} samples (trailing samples that do not fill a segment are
     * ignored); each segment has its mean removed, is multiplied by a periodic Hann window and
     * transformed; the squared magnitudes are averaged and scaled by
     * {@code 1 / (sampleRate * sum(window^2))}. Frequency resolution is
     * {@code sampleRate / segmentLength} Hz.
     *
     * <p>As in scipy, a signal shorter than {@code segmentLength} is analysed as one segment of
     * the whole signal, and an empty signal gives an empty spectrum. NaN samples make the PSD of
     * every segment containing them NaN.
     *
     * @param x             signal samples; not modified
     * @param sampleRateHz  sample rate in Hz, positive and finite
     * @param segmentLength samples per segment (nperseg), at least 1
     * @param overlap       samples shared by consecutive segments (noverlap), 0 or more and less
     *                      than the segment length (after shortening to the signal length)
     * @return the spectrum, {@code segmentLength / 2 + 1} bins (fewer for a short signal)
     * @throws IllegalArgumentException for a non-positive segment length, a negative overlap, an
     *         overlap not below the segment length, or an invalid sample rate
     */
    public static Spectrum welch(double[] x, double sampleRateHz, int segmentLength, int overlap) {
        Checks.sampleRate(sampleRateHz);
        if (segmentLength < 1) {
            throw new IllegalArgumentException("segment length must be at least 1 sample, got " + segmentLength);
        }
        if (overlap < 0) {
            throw new IllegalArgumentException("overlap must be 0 or more samples, got " + overlap);
        }
        if (x.length == 0) {
            return new Spectrum(new double[0], new double[0]);
        }
        int nperseg = Math.min(segmentLength, x.length);
        if (overlap >= nperseg) {
            throw new IllegalArgumentException("overlap of " + overlap + " samples must be less than the segment length "
                    + nperseg + " samples" + (nperseg < segmentLength ? " (shortened to the signal length)" : ""));
        }
        return compute(x, 0, x.length, sampleRateHz, nperseg, overlap, nperseg);
    }

    /**
     * Hann-windowed periodogram of the whole signal, equal to {@code scipy.signal.periodogram(x,
     * fs, window='hann', detrend='constant', scaling='density')}: one segment of all
     * {@code x.length} samples, mean removed, frequency resolution {@code sampleRate / x.length}.
     *
     * @param x            signal samples; not modified; empty gives an empty spectrum
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @return {@code x.length / 2 + 1} bins
     * @throws IllegalArgumentException for an invalid sample rate
     */
    public static Spectrum periodogram(double[] x, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        if (x.length == 0) {
            return new Spectrum(new double[0], new double[0]);
        }
        return compute(x, 0, x.length, sampleRateHz, x.length, 0, x.length);
    }

    /**
     * Hann-windowed periodogram of {@code x[from..to)} zero-padded to {@code nfft} points, equal to
     * {@code scipy.signal.periodogram(x[from:to], fs, window='hann', nfft=nfft,
     * detrend='constant', scaling='density')}. The window has the segment's length; padding only
     * interpolates the spectrum on a finer grid of {@code sampleRate / nfft} Hz (it does not add
     * resolution), which helps locating peaks of short segments.
     *
     * @param x            signal; not modified
     * @param from         first sample of the segment, inclusive
     * @param to           end of the segment, exclusive; {@code from == to} gives an empty spectrum
     * @param sampleRateHz sample rate in Hz, positive and finite
     * @param nfft         transform length, at least the segment length (scipy would instead
     *                     truncate the segment to nfft samples; that is refused here)
     * @return {@code nfft / 2 + 1} bins
     * @throws IllegalArgumentException if the range is not within {@code x}, {@code nfft} is
     *         shorter than the segment, or the sample rate is invalid
     */
    public static Spectrum periodogram(double[] x, int from, int to, double sampleRateHz, int nfft) {
        Checks.sampleRate(sampleRateHz);
        Checks.range(x.length, from, to);
        int n = to - from;
        if (nfft < n) {
            throw new IllegalArgumentException("nfft " + nfft + " is shorter than the segment of " + n + " samples");
        }
        if (n == 0) {
            return new Spectrum(new double[0], new double[0]);
        }
        return compute(x, from, to, sampleRateHz, n, 0, nfft);
    }

    /** Welch core over x[from..to): segments of nperseg, hop nperseg - noverlap, transform length nfft. */
    private static Spectrum compute(double[] x, int from, int to, double fs, int nperseg, int noverlap, int nfft) {
        int n = to - from;
        int hop = nperseg - noverlap;
        int segments = (n - noverlap) / hop;
        double[] window = hannPeriodic(nperseg);
        double windowPower = 0;
        for (double w : window) {
            windowPower += w * w;
        }
        int bins = nfft / 2 + 1;
        double[] sum = new double[bins];
        double[] power = new double[bins];
        double[] buf = new double[nfft];
        for (int s = 0; s < segments; s++) {
            int start = from + s * hop;
            double mean = mean(x, start, start + nperseg);
            for (int i = 0; i < nperseg; i++) {
                buf[i] = (x[start + i] - mean) * window[i];
            }
            Arrays.fill(buf, nperseg, nfft, 0.0);
            Fft.powerOneSided(buf, power);
            for (int k = 0; k < bins; k++) {
                sum[k] += power[k];
            }
        }
        double scale = 1.0 / (fs * windowPower);
        // one-sided: double all bins but 0 Hz and (for even nfft) Nyquist
        int lastDoubled = nfft % 2 == 0 ? bins - 2 : bins - 1;
        double[] psd = new double[bins];
        double[] freq = new double[bins];
        double df = 1.0 / (nfft * (1.0 / fs));
        for (int k = 0; k < bins; k++) {
            double p = sum[k] * scale;
            if (k >= 1 && k <= lastDoubled) {
                p *= 2;
            }
            psd[k] = p / segments;
            freq[k] = k * df;
        }
        return new Spectrum(freq, psd);
    }

    /** scipy.signal.get_window('hann', m): 0.5 + 0.5 cos over linspace(-pi, pi, m + 1), last point dropped. */
    static double[] hannPeriodic(int m) {
        double[] w = new double[m];
        if (m <= 1) {
            Arrays.fill(w, 1.0);
            return w;
        }
        double step = (Math.PI - -Math.PI) / m;
        for (int k = 0; k < m; k++) {
            w[k] = 0.5 + 0.5 * Math.cos(k * step + -Math.PI);
        }
        return w;
    }

    /** Mean by pairwise summation, like numpy, to keep long segments accurate. */
    static double mean(double[] x, int from, int to) {
        return pairwiseSum(x, from, to - from) / (to - from);
    }

    private static double pairwiseSum(double[] x, int from, int n) {
        if (n <= 128) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[from + i];
            }
            return s;
        }
        int half = n / 2;
        return pairwiseSum(x, from, half) + pairwiseSum(x, from + half, n - half);
    }

    /**
     * Bin frequencies.
     *
     * @return a copy, in Hz
     */
    @Override
    public double[] frequencyHz() {
        return frequencyHz.clone();
    }

    /**
     * PSD values.
     *
     * @return a copy, in units^2/Hz
     */
    @Override
    public double[] psd() {
        return psd.clone();
    }

    /**
     * Number of bins.
     *
     * @return 0 for the spectrum of an empty signal
     */
    public int size() {
        return psd.length;
    }

    /**
     * Frequency of one bin.
     *
     * @param bin bin index
     * @return frequency in Hz
     * @throws ArrayIndexOutOfBoundsException if the bin does not exist
     */
    public double frequencyAt(int bin) {
        return frequencyHz[bin];
    }

    /**
     * PSD of one bin.
     *
     * @param bin bin index
     * @return density in units^2/Hz
     * @throws ArrayIndexOutOfBoundsException if the bin does not exist
     */
    public double psdAt(int bin) {
        return psd[bin];
    }

    /**
     * The largest PSD bin with {@code lowHz <= frequency <= highHz}, the first one on ties (NaN
     * bins are passed over unless all are NaN). Its frequency is refined by fitting a parabola
     * through the natural logarithm of the PSD at the bin and its two neighbours (neighbours may
     * lie outside the range); the refinement is skipped, leaving the bin's own frequency, when the
     * bin is the first or last of the spectrum, is not a local maximum (the range cut a rising
     * slope), or a neighbour is not positive.
     *
     * @param lowHz  lower end of the range in Hz, inclusive
     * @param highHz upper end in Hz, inclusive, at least {@code lowHz}
     * @return the peak; never null
     * @throws IllegalArgumentException if an end is NaN, the ends are reversed, or no bin lies in
     *         the range
     */
    public SpectralPeak peak(double lowHz, double highHz) {
        int[] r = binRange(lowHz, highHz);
        int best = largestBin(psd, r[0], r[1]);
        double f = frequencyHz[best];
        double offset = logVertex(psd, psd.length, best);
        if (offset != 0) {
            f += offset * (frequencyHz[best + 1] - frequencyHz[best]);
        }
        return new SpectralPeak(f, psd[best], best);
    }

    /** The first largest of psd[first, end), NaN bins passed over unless all are NaN. */
    static int largestBin(double[] psd, int first, int end) {
        int best = first;
        for (int k = first + 1; k < end; k++) {
            if (psd[k] > psd[best] || Double.isNaN(psd[best]) && !Double.isNaN(psd[k])) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The peak's offset, in bins, from the parabola through the logarithms of bin {@code best} and its
     * neighbours; 0 at the spectrum's first or last bin, when the bin is not a local maximum, or when a
     * neighbour is not positive.
     */
    static double logVertex(double[] psd, int bins, int best) {
        if (best <= 0 || best >= bins - 1) {
            return 0;
        }
        double a = psd[best - 1];
        double b = psd[best];
        double c = psd[best + 1];
        if (!(a > 0 && c > 0 && b >= a && b >= c)) {
            return 0;
        }
        return Vertex.offset(Math.log(a), Math.log(b), Math.log(c));
    }

    /**
     * Power in a band: the sum of the PSD over the bins with {@code lowHz <= frequency <= highHz}
     * times the bin width (rectangle rule), in signal units^2 (a variance). Over the whole
     * spectrum this is the variance of the detrended, windowed signal.
     *
     * @param lowHz  lower end in Hz, inclusive
     * @param highHz upper end in Hz, inclusive, at least {@code lowHz}
     * @return band power in units^2; NaN if a bin in the band is NaN
     * @throws IllegalArgumentException if an end is NaN, the ends are reversed, no bin lies in the
     *         band, or the spectrum has a single bin (no bin width)
     */
    public double bandPower(double lowHz, double highHz) {
        int[] r = binRange(lowHz, highHz);
        if (psd.length < 2) {
            throw new IllegalArgumentException("a spectrum with a single bin has no bin width; band power is undefined");
        }
        double sum = 0;
        for (int k = r[0]; k < r[1]; k++) {
            sum += psd[k];
        }
        return sum * (frequencyHz[1] - frequencyHz[0]);
    }

    /** [first, end) of the bins inside [lowHz, highHz]; throws when empty. */
    private int[] binRange(double lowHz, double highHz) {
        if (Double.isNaN(lowHz) || Double.isNaN(highHz)) {
            throw new IllegalArgumentException("frequency range must not be NaN, got [" + lowHz + ", " + highHz + "] Hz");
        }
        if (lowHz > highHz) {
            throw new IllegalArgumentException("frequency range reversed: low " + lowHz + " Hz > high " + highHz + " Hz");
        }
        int first = 0;
        while (first < frequencyHz.length && frequencyHz[first] < lowHz) {
            first++;
        }
        int end = first;
        while (end < frequencyHz.length && frequencyHz[end] <= highHz) {
            end++;
        }
        if (end == first) {
            String spacing = frequencyHz.length > 1 ? " (bin spacing " + (frequencyHz[1] - frequencyHz[0]) + " Hz)" : "";
            throw new IllegalArgumentException("no frequency bin between " + lowHz + " Hz and " + highHz + " Hz"
                    + spacing + " in a spectrum of " + frequencyHz.length + " bins");
        }
        return new int[] {first, end};
    }

    /** Equal when both arrays have equal contents. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum
                && Arrays.equals(frequencyHz, ((Spectrum) o).frequencyHz)
                && Arrays.equals(psd, ((Spectrum) o).psd);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(frequencyHz) + Arrays.hashCode(psd);
    }

    @Override
    public String toString() {
        return "Spectrum[" + psd.length + " bins" + (psd.length > 1
                ? ", 0.." + frequencyHz[psd.length - 1] + " Hz in steps of " + (frequencyHz[1] - frequencyHz[0]) + " Hz"
                : "") + "]";
    }
}
