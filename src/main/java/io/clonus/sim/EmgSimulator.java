package io.clonus.sim;

import io.clonus.detect.Signal;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates surface (or needle) EMG with known content: clonus bursts at known times, and the things that
 * fool simple detectors: tonic contraction, voluntary bursts at irregular intervals, single artefacts, gait
 * bursts, a single motor unit firing regularly, bursts at a rhythm outside the band; plus background noise,
 * mains hum and baseline drift.
 *
 * <p>Muscle activity is band-limited Gaussian noise (30–250 Hz, 4th-order Butterworth, normalised to unit
 * RMS) shaped by an amplitude envelope; a clonus beat is a Hann-shaped burst whose centre is the true beat
 * time and whose {@code amplitude} is the RMS at its centre. SNR in dB is 20·log10(amplitude / noise RMS).
 * Output is deterministic for a seed. Units are arbitrary (think µV). Builders are not thread-safe.
 *
 * <pre>{@code
 * SimulatedRecording r = EmgSimulator.builder(2000, 20, 42)
 *         .noise(5).mains(50, 10)
 *         .clonus(4.0, 12, 6.0, 50)       // 12 beats at 6 Hz from t = 4 s: sustained
 *         .tonic(12.0, 4.0, 30, 0.3)      // a tonic contraction: not clonus
 *         .build();
 * }</pre>
 */
public final class EmgSimulator {
    private EmgSimulator() {
    }

    /**
     * @param sampleRateHz sample rate, Hz (at least 500)
     * @param durationS    record length, seconds
     * @param seed         random seed
     * @return a builder for a record with no content yet (not even noise)
     */
    public static Builder builder(double sampleRateHz, double durationS, long seed) {
        return new Builder(sampleRateHz, durationS, seed);
    }

    /** Collects the content of a simulated EMG record. */
    public static final class Builder {
        private final double fs;
        private final int n;
        private final SplittableRandom rng;
        private final double[] x;
        private final List<TrueEpisode> truth = new ArrayList<>();
        private final List<String> parts = new ArrayList<>();
        private final Sos shaper;
        private String label = "EMG";

        private Builder(double fs, double durationS, long seed) {
            if (!(fs >= 500)) {
                throw new IllegalArgumentException("EMG simulation needs at least 500 Hz, got " + fs);
            }
            if (!(durationS > 0)) {
                throw new IllegalArgumentException("duration must be positive, got " + durationS);
            }
            this.fs = fs;
            this.n = (int) Math.round(durationS * fs);
            this.rng = new SplittableRandom(seed);
            this.x = new double[n];
            this.shaper = Butterworth.bandPass(4, 30, Math.min(250, 0.4 * fs), fs);
        }

        /** @param name the channel label @return this */
        public Builder label(String name) {
            this.label = name;
            return this;
        }

        /** White Gaussian background noise. @param rms its RMS @return this */
        public Builder noise(double rms) {
            for (int i = 0; i < n; i++) {
                x[i] += rms * gauss();
            }
            parts.add(String.format(Locale.ROOT, "noise RMS %.3g", rms));
            return this;
        }

        /**
         * Power-line hum with a 2nd and 3rd harmonic at 30 % and 15 % of it.
         *
         * @param hz        50 or 60
         * @param amplitude amplitude of the fundamental
         * @return this
         */
        public Builder mains(double hz, double amplitude) {
            double ph = rng.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                x[i] += amplitude * (Math.sin(2 * Math.PI * hz * t + ph) + 0.3 * Math.sin(4 * Math.PI * hz * t + ph)
                        + 0.15 * Math.sin(6 * Math.PI * hz * t + ph));
            }
            parts.add(String.format(Locale.ROOT, "%.0f Hz mains amplitude %.3g", hz, amplitude));
            return this;
        }

        /**
         * A DC offset and slow baseline drift (0.1–0.5 Hz).
         *
         * @param offset    constant added to every sample
         * @param amplitude drift amplitude
         * @return this
         */
        public Builder drift(double offset, double amplitude) {
            double f1 = 0.1 + 0.2 * rng.nextDouble();
            double f2 = 0.3 + 0.2 * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                x[i] += offset + amplitude * (0.7 * Math.sin(2 * Math.PI * f1 * t) + 0.3 * Math.sin(2 * Math.PI * f2 * t));
            }
            parts.add(String.format(Locale.ROOT, "offset %.3g, drift %.3g", offset, amplitude));
            return this;
        }

        /**
         * Clonus: bursts of 50 ms (±20 %) at the given frequency, interval jitter 3 %, amplitude varying 15 %.
         *
         * @param startS      time of the first beat, seconds
         * @param beats       number of beats
         * @param frequencyHz beat frequency, Hz
         * @param amplitude   RMS at the burst centre
         * @return this
         */
        public Builder clonus(double startS, int beats, double frequencyHz, double amplitude) {
            return bursts("clonus", startS, beats, frequencyHz, amplitude, 0.05, 0.03, 1.0);
        }

        /**
         * Rhythmic bursts with every property chosen; {@link #clonus} with defaults.
         *
         * @param kind        name in the truth (for example "clonus", "tremor")
         * @param startS      time of the first beat, seconds
         * @param beats       number of beats
         * @param frequencyHz beat frequency, Hz
         * @param amplitude   RMS at the first burst's centre
         * @param burstS      burst duration, seconds (varies ±20 %)
         * @param jitter      coefficient of variation of the intervals
         * @param decay       amplitude factor from one beat to the next (1 keeps it constant)
         * @return this
         */
        public Builder bursts(String kind, double startS, int beats, double frequencyHz, double amplitude,
                double burstS, double jitter, double decay) {
            double[] carrier = carrier();
            List<Double> times = new ArrayList<>();
            double t = startS;
            double a = amplitude;
            for (int k = 0; k < beats; k++) {
                if (k > 0) {
                    t += (1 + jitter * gauss()) / frequencyHz;
                }
                double dur = burstS * (1 + 0.2 * (2 * rng.nextDouble() - 1));
                double ak = a * (1 + 0.15 * (2 * rng.nextDouble() - 1));
                addWindowed(carrier, t, dur, ak);
                times.add(t);
                a *= decay;
            }
            truth.add(TrueEpisode.of(kind, times, frequencyHz));
            parts.add(String.format(Locale.ROOT, "%s: %d bursts at %.3g Hz from %.3g s", kind, beats, frequencyHz,
                    startS));
            return this;
        }

        /**
         * A tonic contraction whose envelope fluctuates randomly (0–4 Hz) and, optionally, at a fixed
         * frequency; ramps of 0.2 s at both ends.
         *
         * @param startS      start, seconds
         * @param durationS   duration, seconds
         * @param level       RMS of the contraction
         * @param fluctuation relative size of the random fluctuation (standard deviation, for example 0.3)
         * @return this
         */
        public Builder tonic(double startS, double durationS, double level, double fluctuation) {
            return tonic(startS, durationS, level, fluctuation, 0, 0);
        }

        /**
         * A tonic contraction with a periodic modulation too: the envelope swings but never relaxes.
         *
         * @param startS       start, seconds
         * @param durationS    duration, seconds
         * @param level        RMS of the contraction
         * @param fluctuation  relative random fluctuation
         * @param modulationHz frequency of a periodic modulation, Hz (0 for none)
         * @param depth        relative depth of that modulation (for example 0.3)
         * @return this
         */
        public Builder tonic(double startS, double durationS, double level, double fluctuation, double modulationHz,
                double depth) {
            double[] carrier = carrier();
            double[] slow = smoothNoise(4.0);
            int i0 = Math.max(0, (int) Math.round(startS * fs));
            int i1 = Math.min(n, (int) Math.round((startS + durationS) * fs));
            double ramp = 0.2 * fs;
            for (int i = i0; i < i1; i++) {
                double r = Math.min(1, Math.min((i - i0) / ramp, (i1 - i) / ramp));
                double env = 1 + fluctuation * slow[i] + depth * Math.sin(2 * Math.PI * modulationHz * i / fs);
                x[i] += level * r * Math.max(0.05, env) * carrier[i];
            }
            parts.add(String.format(Locale.ROOT, "tonic contraction %.3g-%.3g s, level %.3g, fluctuation %.2g%s",
                    startS, startS + durationS, level, fluctuation,
                    modulationHz > 0 ? String.format(Locale.ROOT, ", %.2g modulation at %.3g Hz", depth, modulationHz)
                            : ""));
            return this;
        }

        /**
         * Voluntary bursts of 0.2–0.6 s at irregular intervals (gaps 0.3–1.5 s).
         *
         * @param startS    first burst start, seconds
         * @param count     number of bursts
         * @param amplitude RMS at a burst's centre
         * @return this
         */
        public Builder voluntaryBursts(double startS, int count, double amplitude) {
            double[] carrier = carrier();
            double t = startS;
            for (int k = 0; k < count; k++) {
                double dur = 0.2 + 0.4 * rng.nextDouble();
                addWindowed(carrier, t + dur / 2, dur, amplitude * (0.7 + 0.6 * rng.nextDouble()));
                t += dur + 0.3 + 1.2 * rng.nextDouble();
            }
            parts.add(String.format(Locale.ROOT, "%d voluntary bursts from %.3g s", count, startS));
            return this;
        }

        /**
         * A movement artefact: a 20 ms half-sine pulse followed by a baseline step that decays in 0.2 s.
         *
         * @param timeS     when, seconds
         * @param amplitude pulse height
         * @return this
         */
        public Builder artefact(double timeS, double amplitude) {
            int i0 = (int) Math.round(timeS * fs);
            int w = (int) Math.round(0.02 * fs);
            for (int i = Math.max(0, i0); i < n; i++) {
                double dt = (i - i0) / fs;
                double v = 0.3 * amplitude * Math.exp(-dt / 0.2);
                if (i - i0 < w) {
                    v += amplitude * Math.sin(Math.PI * (i - i0) / w);
                }
                if (dt > 2) {
                    break;
                }
                x[i] += v;
            }
            parts.add(String.format(Locale.ROOT, "artefact at %.3g s", timeS));
            return this;
        }

        /**
         * Gait EMG: one burst of 250–350 ms per stride with a fluctuating envelope and a smaller second burst.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param strideHz  strides per second (about 0.9)
         * @param amplitude RMS at the main burst's centre
         * @return this
         */
        public Builder gait(double startS, double durationS, double strideHz, double amplitude) {
            double[] carrier = carrier();
            double[] wobble = smoothNoise(12.0);
            double t = startS;
            double[] env = new double[n];
            while (t < startS + durationS) {
                double dur = 0.25 + 0.1 * rng.nextDouble();
                addWindow(env, t + dur / 2, dur, amplitude);
                addWindow(env, t + 0.55 / strideHz, 0.15, 0.4 * amplitude);
                t += (1 + 0.03 * gauss()) / strideHz;
            }
            for (int i = 0; i < n; i++) {
                if (env[i] != 0) {
                    x[i] += env[i] * Math.max(0.1, 1 + 0.35 * wobble[i]) * carrier[i];
                }
            }
            parts.add(String.format(Locale.ROOT, "gait bursts %.3g-%.3g s at %.3g strides/s", startS,
                    startS + durationS, strideHz));
            return this;
        }

        /**
         * One motor unit firing regularly, as in needle EMG: a triphasic potential of about 8 ms at each
         * firing, inter-spike interval varying 8 %.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param rateHz    firing rate, Hz
         * @param amplitude peak of the potential
         * @return this
         */
        public Builder motorUnit(double startS, double durationS, double rateHz, double amplitude) {
            double sigma = 0.0015;
            int half = (int) Math.ceil(5 * sigma * fs);
            double t = startS;
            int count = 0;
            while (t < startS + durationS) {
                int c = (int) Math.round(t * fs);
                for (int i = Math.max(0, c - half); i < Math.min(n, c + half); i++) {
                    double u = (i - c) / fs / sigma;
                    // second derivative of a Gaussian: a negative-positive-negative (triphasic) shape
                    x[i] += amplitude * (1 - u * u) * Math.exp(-u * u / 2);
                }
                t += (1 + 0.08 * gauss()) / rateHz;
                count++;
            }
            parts.add(String.format(Locale.ROOT, "single motor unit firing at %.3g Hz (%d potentials)", rateHz, count));
            return this;
        }

        /** @return the record and its truth */
        public SimulatedRecording build() {
            truth.sort(java.util.Comparator.comparingDouble(TrueEpisode::startS));
            return new SimulatedRecording(Signal.emg(label, fs, x), truth, String.join("; ", parts));
        }

        private void addWindowed(double[] carrier, double centreS, double durS, double amp) {
            int c = (int) Math.round(centreS * fs);
            int h = (int) Math.round(durS * fs / 2);
            for (int i = Math.max(0, c - h); i < Math.min(n, c + h); i++) {
                double w = 0.5 + 0.5 * Math.cos(Math.PI * (i - c) / h);
                x[i] += amp * w * carrier[i];
            }
        }

        private void addWindow(double[] env, double centreS, double durS, double amp) {
            int c = (int) Math.round(centreS * fs);
            int h = (int) Math.round(durS * fs / 2);
            for (int i = Math.max(0, c - h); i < Math.min(n, c + h); i++) {
                env[i] += amp * (0.5 + 0.5 * Math.cos(Math.PI * (i - c) / h));
            }
        }

        /** Band-limited Gaussian noise of unit RMS, a fresh realisation each call. */
        private double[] carrier() {
            return Noise.shaped(rng, n, shaper);
        }

        /** Gaussian noise low-passed at cutoffHz, unit standard deviation. */
        private double[] smoothNoise(double cutoffHz) {
            return Noise.shaped(rng, n, Butterworth.lowPass(2, cutoffHz, fs));
        }

        private double gauss() {
            return Noise.gauss(rng);
        }
    }
}
