package io.clonus.cli;

import io.clonus.condition.EmgConditioner;
import io.clonus.condition.AccConditioner;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Conditioning;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import io.clonus.detect.SignalType;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Notch;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;
import io.clonus.dsp.Spectrum;
import io.clonus.dsp.ZeroPhase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The intermediate signals of an analysis, recomputed for plotting with the detector's own conditioners
 * and the parameters recorded in its result: the conditioned signal, the detection signal in which beats
 * were found, and the latter's spectrum. Stateless.
 */
final class Traces {
    /** Accelerometer band-pass order used by {@link AccConditioner} (not carried by {@link Conditioning}). */
    private static final int CHUNK = 8192;

    private Traces() {
    }

    /**
     * A regularly sampled series.
     *
     * @param name  legend name
     * @param t0    time of sample 0, seconds from the signal's first sample
     * @param dt    sample period, seconds
     * @param y     the values
     */
    record Trace(String name, double t0, double dt, double[] y) {
        /**
         * @param t time, seconds from the signal's first sample
         * @return the value at {@code t}, linearly interpolated, clamped at the ends
         */
        double at(double t) {
            double i = (t - t0) / dt;
            if (y.length == 0) {
                return 0;
            }
            if (i <= 0) {
                return y[0];
            }
            if (i >= y.length - 1) {
                return y[y.length - 1];
            }
            int k = (int) i;
            double f = i - k;
            return y[k] * (1 - f) + y[k + 1] * f;
        }

        /** @return the time of the last sample */
        double endS() {
            return t0 + dt * Math.max(0, y.length - 1);
        }
    }

    /**
     * The detection signal: the EMG envelope ({@link EmgConditioner}) or the accelerometer's principal-axis
     * oscillation ({@link AccConditioner}), with the conditioners' delay correction in {@code t0}.
     *
     * @param s the signal
     * @param r its result (for the configuration)
     * @return the detection signal
     */
    static Trace detection(Signal s, ClonusResult r) {
        DetectorConfig cfg = r.config();
        Growing sink = new Growing(Math.max(16, (int) (s.durationS() * r.conditioning().detectionRateHz()) + 16));
        int n = s.length();
        if (s.type() == SignalType.EMG) {
            EmgConditioner c = new EmgConditioner(cfg, s.sampleRateHz(), (v, level, power) -> sink.add(v));
            double[] buf = new double[Math.min(CHUNK, n)];
            for (int i = 0; i < n; i += CHUNK) {
                int m = Math.min(CHUNK, n - i);
                s.copyTo(0, i, buf, 0, m);
                c.accept(buf, 0, m);
            }
            c.finish();
            return new Trace("envelope", c.time0S(), 1 / c.envelopeRateHz(), sink.toArray());
        }
        AccConditioner c = new AccConditioner(cfg, s.sampleRateHz(), s.axisCount(), (v, level, power) -> sink.add(v));
        double[][] buf = new double[s.axisCount()][Math.min(CHUNK, n)];
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            for (int a = 0; a < s.axisCount(); a++) {
                s.copyTo(a, i, buf[a], 0, m);
            }
            c.accept(buf, 0, m);
        }
        return new Trace("principal axis", c.time0S(), 1 / s.sampleRateHz(), sink.toArray());
    }

    /**
     * The conditioned signal. EMG: band-passed with the result's band (zero-phase, so that bursts stay where
     * they happened) and, when mains was suppressed, notched at the mains frequency and its harmonics in
     * the band. ACC: each axis band-passed as the conditioner does (causal, delay-corrected in {@code t0}).
     *
     * @param s the signal
     * @param r its result
     * @return one trace (EMG) or one per axis (ACC)
     */
    static List<Trace> conditioned(Signal s, ClonusResult r) {
        Conditioning k = r.conditioning();
        double fs = s.sampleRateHz();
        List<Trace> out = new ArrayList<>();
        if (s.type() == SignalType.EMG) {
            Sos sos = Butterworth.bandPass(k.filterOrder(), k.filterLowHz(), k.filterHighHz(), fs);
            // for the picture only: zero-phase notches at the lines the detector cancelled
            for (double line : k.mainsLinesHz()) {
                sos = sos.cascade(Notch.design(line, 30.0, fs));
            }
            double[] x = s.toArray(0);
            double[] y;
            try {
                y = ZeroPhase.filtfilt(sos, x);
            } catch (IllegalArgumentException tooShort) {
                y = causal(sos, x);
            }
            out.add(new Trace("band-passed EMG", 0, 1 / fs, y));
            return out;
        }
        Sos sos = Butterworth.bandPass(k.filterOrder(), k.filterLowHz(), k.filterHighHz(), fs);
        String[] names = s.axisCount() == 1 ? new String[] {"axis"} : new String[] {"axis 1", "axis 2", "axis 3"};
        for (int a = 0; a < s.axisCount(); a++) {
            out.add(new Trace(names[a], -k.delayS(), 1 / fs, causal(sos, s.toArray(a))));
        }
        return out;
    }

    private static double[] causal(Sos sos, double[] x) {
        SosFilter f = SosFilter.of(sos);
        if (x.length > 0) {
            f.initSteadyState(x[0]);
        }
        double[] y = new double[x.length];
        f.process(x, 0, y, 0, x.length);
        return y;
    }

    /**
     * Welch spectrum of a trace: Hann segments of about 4 s (a power of two, as the detector's rhythm
     * estimate uses), half overlapping, each with its mean removed.
     *
     * @param t the detection signal
     * @return its power spectral density
     */
    static Spectrum spectrum(Trace t) {
        double rate = 1 / t.dt();
        int seg = io.clonus.dsp.PowerOfTwo.atLeast((int) Math.ceil(4 * rate));
        int n = Math.min(seg, t.y().length);
        if (n < 2) {
            return new Spectrum(new double[0], new double[0]);
        }
        return Spectrum.welch(t.y(), rate, n, n / 2);
    }

    /** A growable array of doubles. */
    private static final class Growing {
        private double[] a;
        private int n;

        Growing(int capacity) {
            a = new double[capacity];
        }

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
