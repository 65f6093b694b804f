package io.clonus.detect;

import java.util.OptionalDouble;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Estimates the dominant rhythm of a whole record from its detection signal in bounded memory: Welch's
 * method (Hann segments of about 4 s, half overlapping, each with its mean removed) for the spectral peak,
 * and the autocorrelation obtained from the same averaged spectrum (Wiener–Khinchin), corrected for the
 * window's own autocorrelation, for the autocorrelation peak. Memory is O(segment), and the result does
 * not depend on how the samples arrive. Not thread-safe.
 */
public final class RhythmAccumulator {
    private final double rateHz;
    private final double lowHz;
    private final double highHz;
    private final int segment;
    private final int step;
    private final int ringMask;
    private final double[] ring;
    private final double[] window;
    private final double[] work;
    private final double[] power;
    private final DoubleFFT_1D fft;
    private long count;
    private int segments;

    /**
     * @param rateHz  sample rate of the detection signal, Hz
     * @param lowHz   low edge of the search range, Hz
     * @param highHz  high edge of the search range, Hz (below rateHz / 2)
     */
    public RhythmAccumulator(double rateHz, double lowHz, double highHz) {
        this.rateHz = rateHz;
        this.lowHz = lowHz;
        this.highHz = highHz;
        int n = io.clonus.dsp.PowerOfTwo.atLeast((int) Math.ceil(4.0 * rateHz));
        this.segment = n;
        this.ringMask = n - 1; // n is a power of two: index & ringMask == index % n for index >= 0
        this.step = n / 2;
        this.ring = new double[n];
        this.window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n); // periodic Hann, as scipy's welch
        }
        this.work = new double[2 * n];
        this.power = new double[n + 1];
        this.fft = new DoubleFFT_1D(2L * n);
    }

    /** @param x next sample of the detection signal */
    public void add(double x) {
        ring[(int) (count & ringMask)] = x;
        count++;
        if (count >= segment && ((count - segment) & (step - 1)) == 0) {
            addSegment(segment);
        }
    }

    /** Adds the last {@code len} samples (ending at the newest) as one segment. */
    private void addSegment(int len) {
        long first = count - len;
        double mean = 0;
        for (int i = 0; i < len; i++) {
            mean += ring[(int) ((first + i) & ringMask)];
        }
        mean /= len;
        java.util.Arrays.fill(work, 0.0);
        for (int i = 0; i < len; i++) {
            work[i] = (ring[(int) ((first + i) & ringMask)] - mean) * windowAt(i, len);
        }
        // zero-padded to twice the segment so that the inverse transform is a linear, not circular, correlation
        fft.realForward(work);
        power[0] += work[0] * work[0];
        power[segment] += work[1] * work[1];
        for (int k = 1; k < segment; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            power[k] += re * re + im * im;
        }
        segments++;
    }

    private double windowAt(int i, int len) {
        return len == segment ? window[i] : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / len);
    }

    private int usedLength() {
        return segments > 0 || count >= segment ? segment : (int) count;
    }

    /**
     * Estimates the rhythm from what has been added. A record shorter than one segment is taken as one
     * shorter segment. May be called more than once; adding more samples afterwards is allowed.
     *
     * @param config for the clonus band
     * @return the estimate; both frequencies are empty when fewer than 8 samples were added
     */
    public RhythmEstimate estimate(DetectorConfig config) {
        if (segments == 0 && count >= 8) {
            addSegment((int) Math.min(count, segment));
            RhythmEstimate e = estimateFromPower(config);
            // undo, so that later samples are treated as if estimate() had not been called
            java.util.Arrays.fill(power, 0.0);
            segments = 0;
            return e;
        }
        return estimateFromPower(config);
    }

    private RhythmEstimate estimateFromPower(DetectorConfig config) {
        if (segments == 0) {
            return new RhythmEstimate(OptionalDouble.empty(), OptionalDouble.empty(), 0, false, false);
        }
        // spectral peak on the 2n-point grid (bin width rate / 2n)
        double binHz = rateHz / (2.0 * segment);
        int kLo = Math.max(1, (int) Math.ceil(lowHz / binHz));
        int kHi = Math.min(segment - 1, (int) Math.floor(highHz / binHz));
        int best = -1;
        for (int k = kLo; k <= kHi; k++) {
            if (power[k] > power[k - 1] && power[k] >= power[k + 1] && (best < 0 || power[k] > power[best])) {
                best = k;
            }
        }
        OptionalDouble spectral = OptionalDouble.empty();
        double peakToMedian = 0;
        if (best > 0) {
            double a = power[best - 1];
            double b = power[best];
            double c = power[best + 1];
            double delta = io.clonus.dsp.Vertex.offset(a, b, c);
            spectral = OptionalDouble.of((best + delta) * binHz);
            double[] range = java.util.Arrays.copyOfRange(power, kLo, kHi + 1);
            java.util.Arrays.sort(range);
            double median = range[range.length / 2];
            peakToMedian = median > 0 ? b / median : Double.POSITIVE_INFINITY;
        }
        OptionalDouble acf = autocorrelationPeak();
        boolean agree = spectral.isPresent() && acf.isPresent()
                && RhythmEstimate.agree(spectral.getAsDouble(), acf.getAsDouble());
        boolean inBand = agree && config.inBand(spectral.getAsDouble());
        return new RhythmEstimate(spectral, acf, peakToMedian, agree, inBand);
    }

    private OptionalDouble autocorrelationPeak() {
        int n2 = 2 * segment;
        double[] a = new double[n2];
        a[0] = power[0];
        a[1] = power[segment];
        for (int k = 1; k < segment; k++) {
            a[2 * k] = power[k];
        }
        fft.realInverse(a, false);
        int len = usedLength();
        int maxLag = Math.min(len - 1, (int) Math.ceil(rateHz / lowHz) + 1);
        int minLag = Math.max(1, (int) Math.floor(rateHz / highHz));
        if (maxLag <= minLag + 1) {
            return OptionalDouble.empty();
        }
        double[] r = new double[maxLag + 2];
        double w0 = windowSelfCorrelation(0, len);
        for (int lag = 0; lag <= Math.min(maxLag + 1, len - 1); lag++) {
            // divide out the window's own autocorrelation, which would otherwise favour short lags
            double wl = windowSelfCorrelation(lag, len);
            r[lag] = wl > 0 ? (a[lag] / wl) / (a[0] / w0) : 0;
        }
        double lag = io.clonus.dsp.Autocorrelation.periodLag(r, minLag, Math.min(maxLag, len - 2), io.clonus.dsp.Autocorrelation.SHORTER_LAG_SHARE);
        return lag > 0 ? OptionalDouble.of(rateHz / lag) : OptionalDouble.empty();
    }

    private double windowSelfCorrelation(int lag, int len) {
        double s = 0;
        for (int i = 0; i + lag < len; i++) {
            s += windowAt(i, len) * windowAt(i + lag, len);
        }
        return s;
    }
}
