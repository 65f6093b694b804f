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
 * <p>Closer to the physiology, {@link Builder#clonusVolleys} builds each beat from the discharges of 10–40
 * motor units that fire once per contraction with 30–80 ms of latency dispersion (Wallace et al. 2005), timed
 * by a {@link ClonusPattern} (published jitter, onset slowing after Wallace et al. 2012, first beat largest
 * after Boyraz et al. 2015, decay). The look-alikes that go with it: a few irregular large motor units
 * ({@link Builder#motorUnits}, Thomas et al. 2014), ECG ({@link Builder#ecg}), myoclonic jerks
 * ({@link Builder#myoclonus}), rhythmic volleys outside the band ({@link Builder#volleys} with kind "rhythm"),
 * runs of two beats (a {@link ClonusPattern} of 2 beats) and cable motion ({@link Builder#cableMotion}).
 * {@link Builder#drift} takes DC offsets of 10⁵ times the signal and more without loss: doubles keep 15–16
 * significant digits.
 *
 * <pre>{@code
 * SimulatedRecording r = EmgSimulator.builder(2000, 20, 42)
 *         .noise(5).mains(50, 10)
 *         .clonus(4.0, 12, 6.0, 50)       // 12 beats at 6 Hz from t = 4 s: sustained
 *         .tonic(12.0, 4.0, 30, 0.3)      // a tonic contraction: not clonus
 *         .build();
 * SimulatedRecording v = EmgSimulator.builder(2000, 10, 43).noise(5)
 *         .clonusVolleys(ClonusPattern.builder(2, 4, 6.5).decay(0.85).firstBeatGain(1.5).build(), 50)
 *         .build();                       // 4 dying beats: unsustained
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

        /**
         * Clonus as motor-unit volleys: {@link #volleys(String, ClonusPattern, double)} with kind "clonus".
         *
         * @param pattern   timing and relative amplitudes of the beats
         * @param amplitude RMS of a burst of relative amplitude 1 over its central part (see {@link #volleys})
         * @return this
         */
        public Builder clonusVolleys(ClonusPattern pattern, double amplitude) {
            return volleys("clonus", pattern, amplitude);
        }

        /**
         * Rhythmic bursts made of motor-unit volleys, the way clonus is made: at each beat every one of the run's
         * N motor units (N drawn in 10–40 for the run) fires once (Wallace et al. 2005: 98 % of 166 units fired
         * once per clonic contraction; here a unit adds a second discharge 5–15 ms later with probability 2 %).
         * Firing instants are dispersed around the beat by Gaussian latencies of SD W/4 truncated to ±W/2,
         * drawn afresh at every beat, with the burst width W drawn for the run uniformly in 30–80 ms. Each unit
         * has its own action potential (bi- to triphasic, 3–10 ms, log-normal peak with log-SD 0.6, random
         * polarity) that it keeps for the whole run, so bursts are spiky sums of potentials rather than smooth
         * noise.
         *
         * <p><b>Truth.</b> A beat's true time is the centre of its volley: the mean firing instant of its
         * discharges weighted by each potential's rectified area (the centroid of the rectified burst, where a
         * smoothed rectified envelope peaks). Each volley is shifted so that this centre falls exactly on the
         * pattern's realised beat time, so the truth intervals have exactly the pattern's jitter. The truth's
         * frequency is that of the realised times ({@link TrueEpisode#of}).
         *
         * <p><b>Amplitude.</b> Beat k is scaled so that its RMS over its central part, the beat time ± 15 ms
         * (± W/2 if the burst is narrower than 30 ms), is {@code amplitude} times the pattern's relative
         * amplitude of that beat: the same convention as {@link #clonus} (RMS at the burst centre), so that
         * SNR in dB is 20·log10(amplitude / noise RMS).
         *
         * <p>{@link SimulatedRecording#expected} judges a run by its beat count and frequency, not by its kind,
         * as a detector must: a "rhythm" inside the clonus band would count as clonus.
         *
         * @param kind      name in the truth: "clonus", or for example "rhythm" for bursts at 3–4 Hz or 9–12 Hz
         * @param pattern   timing and relative amplitudes; every beat must fall inside the record
         * @param amplitude RMS over the central part of a burst of relative amplitude 1, above 0
         * @return this
         * @throws IllegalArgumentException if the amplitude is not positive or a realised beat falls outside
         *         the record
         */
        public Builder volleys(String kind, ClonusPattern pattern, double amplitude) {
            return volleys(kind, pattern, amplitude, 0.030, 0.080);
        }

        /**
         * {@link #volleys(String, ClonusPattern, double)} with the range of the burst width chosen, for rhythms
         * whose period is too short for 30–80 ms bursts (at 9–12 Hz a burst of 20–40 ms, for example).
         *
         * @param kind       name in the truth
         * @param pattern    timing and relative amplitudes
         * @param amplitude  RMS over the central part of a burst of relative amplitude 1
         * @param minWidthS  shortest burst width W, seconds (at least 5 ms)
         * @param maxWidthS  longest burst width W, seconds (at least {@code minWidthS}, at most 0.5 s)
         * @return this
         */
        public Builder volleys(String kind, ClonusPattern pattern, double amplitude, double minWidthS,
                double maxWidthS) {
            positive("amplitude", amplitude);
            if (!(minWidthS >= 0.005 && maxWidthS >= minWidthS && maxWidthS <= 0.5)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "burst width range must satisfy 5 ms <= min <= max <= 500 ms, got %s-%s s", minWidthS,
                        maxWidthS));
            }
            int units = 10 + rng.nextInt(31);
            double width = minWidthS + (maxWidthS - minWidthS) * rng.nextDouble();
            List<MotorUnitPotential> pool = unitPool(units);
            double[] times = pattern.beatTimes(rng);
            double[] rel = pattern.amplitudes(rng);
            requireInside(kind, times);
            List<Double> truthTimes = new ArrayList<>();
            for (int k = 0; k < times.length; k++) {
                addVolley(pool, times[k], width, amplitude * rel[k]);
                truthTimes.add(times[k]);
            }
            truth.add(TrueEpisode.of(kind, truthTimes, pattern.frequencyHz()));
            parts.add(String.format(Locale.ROOT, "%s volleys of %d motor units, width %.0f ms: %s", kind, units,
                    1000 * width, pattern.describe()));
            return this;
        }

        /**
         * A few large motor units firing irregularly over the background, each at its own rate: the "unit"
         * activity of spinal cord injury that Thomas et al. (2014) tell apart from clonus (the units are not
         * time-locked into volleys). Each unit has a rate drawn uniformly in {@code [lowHz, highHz]} (6–12 Hz is
         * typical), inter-spike intervals with a CV drawn in 0.15–0.3 (never below 30 ms) and a random first
         * firing; each potential is a single MUAP of 3–10 ms, not a volley. No truth: this is not clonus.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param count     number of units, 1–20 (2–5 typical)
         * @param lowHz     lowest firing rate, Hz (above 0)
         * @param highHz    highest firing rate, Hz (at least {@code lowHz}, at most 50)
         * @param amplitude median peak of the potentials (log-normal, log-SD 0.3), above 0
         * @return this
         */
        public Builder motorUnits(double startS, double durationS, int count, double lowHz, double highHz,
                double amplitude) {
            span(startS, durationS);
            positive("amplitude", amplitude);
            if (count < 1 || count > 20) {
                throw new IllegalArgumentException("motor unit count must be 1-20, got " + count);
            }
            if (!(lowHz > 0 && highHz >= lowHz && highHz <= 50)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "firing rates must satisfy 0 < lowHz <= highHz <= 50, got %s-%s Hz", lowHz, highHz));
            }
            StringBuilder rates = new StringBuilder();
            for (int u = 0; u < count; u++) {
                MotorUnitPotential mu = MotorUnitPotential.draw(rng, fs, amplitude, 0.3);
                double rate = lowHz + (highHz - lowHz) * rng.nextDouble();
                double cv = 0.15 + 0.15 * rng.nextDouble();
                double t = startS + rng.nextDouble() / rate;
                while (t < startS + durationS) {
                    mu.addTo(x, fs, 0, t, 1);
                    double g = Math.max(-3, Math.min(3, gauss()));
                    t += Math.max(0.03, (1 + cv * g) / rate);
                }
                rates.append(u == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", rate));
            }
            parts.add(String.format(Locale.ROOT, "%d irregular motor units %.3g-%.3g s at %s Hz", count, startS,
                    startS + durationS, rates));
            return this;
        }

        /**
         * ECG contamination, as on trunk and proximal muscles: a QRS complex (80–100 ms, drawn per record,
         * sharp R wave) at each heart beat with small P and T waves, built as a sum of Gaussian waves in the
         * manner of McSharry et al. (2003). Heart rate variability: a 3 % respiratory modulation at 0.2–0.3 Hz
         * and 2 % random variation of each RR interval. The lead's polarity is random. No truth.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param rateHz    heart rate, Hz (0.5–3; 1–1.7 at rest)
         * @param amplitude height of the R wave, above 0
         * @return this
         */
        public Builder ecg(double startS, double durationS, double rateHz, double amplitude) {
            span(startS, durationS);
            positive("amplitude", amplitude);
            if (!(rateHz >= 0.5 && rateHz <= 3)) {
                throw new IllegalArgumentException("heart rate must be 0.5-3 Hz, got " + rateHz);
            }
            double qrs = 0.08 + 0.02 * rng.nextDouble();
            double sign = rng.nextBoolean() ? 1 : -1;
            double respHz = 0.2 + 0.1 * rng.nextDouble();
            double respPh = 2 * Math.PI * rng.nextDouble();
            // waves: offset from the R peak (s), height relative to R, Gaussian sigma (s)
            double[][] waves = {
                {-0.20, 0.12, 0.025},
                {-0.30 * qrs, -0.15, 0.08 * qrs},
                {0, 1.0, 0.12 * qrs},
                {0.30 * qrs, -0.30, 0.10 * qrs},
                {0.30, 0.25, 0.05}};
            int beats = 0;
            double t = startS + rng.nextDouble() / rateHz;
            while (t < startS + durationS) {
                for (double[] w : waves) {
                    double c = t + w[0];
                    int lo = Math.max(0, (int) Math.ceil((c - 5 * w[2]) * fs));
                    int hi = Math.min(n - 1, (int) Math.floor((c + 5 * w[2]) * fs));
                    for (int i = lo; i <= hi; i++) {
                        double u = (i / fs - c) / w[2];
                        x[i] += sign * amplitude * w[1] * Math.exp(-u * u / 2);
                    }
                }
                beats++;
                double rr = (1 + 0.03 * Math.sin(2 * Math.PI * respHz * t + respPh) + 0.02 * gauss()) / rateHz;
                t += rr;
            }
            parts.add(String.format(Locale.ROOT, "ECG %.3g-%.3g s at %.3g beats/s (%d QRS of %.0f ms)", startS,
                    startS + durationS, rateHz, beats, 1000 * qrs));
            return this;
        }

        /**
         * Myoclonic jerks: brief synchronous multi-unit bursts of 20–100 ms (drawn per jerk) at irregular
         * intervals drawn uniformly in 0.25–2 s, so the jerks never form a rhythm in the clonus band. Each jerk
         * is a volley of the call's 10–40 units (as in {@link #volleys}) whose central RMS is {@code amplitude}
         * times a factor uniform in 0.6–1.4. No truth.
         *
         * @param startS    time of the first jerk, seconds
         * @param count     number of jerks, at least 1
         * @param amplitude central RMS of a jerk, above 0
         * @return this
         */
        public Builder myoclonus(double startS, int count, double amplitude) {
            positive("amplitude", amplitude);
            if (count < 1) {
                throw new IllegalArgumentException("myoclonic jerk count must be at least 1, got " + count);
            }
            List<MotorUnitPotential> pool = unitPool(10 + rng.nextInt(31));
            double t = startS;
            for (int k = 0; k < count; k++) {
                double width = 0.02 + 0.08 * rng.nextDouble();
                addVolley(pool, t, width, amplitude * (0.6 + 0.8 * rng.nextDouble()));
                t += 0.25 + 1.75 * rng.nextDouble();
            }
            parts.add(String.format(Locale.ROOT, "%d myoclonic jerks from %.3g s", count, startS));
            return this;
        }

        /**
         * Cable-motion artefact: the electrode leads swinging give large low-frequency swings (band-limited
         * Gaussian noise of 0.5–5 Hz whose RMS is {@code amplitude}) with occasional sharp events (on average
         * one every 1–3 s, Poisson): baseline steps of 0.5–2 × amplitude that the amplifier's high-pass lets
         * decay in 0.05–0.3 s, or triboelectric spikes of 2–10 ms and 1–3 × amplitude. The stretch is faded in
         * and out over 50 ms. No truth.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param amplitude RMS of the swings, above 0
         * @return this
         */
        public Builder cableMotion(double startS, double durationS, double amplitude) {
            span(startS, durationS);
            positive("amplitude", amplitude);
            double[] swing = Noise.shaped(rng, n, Butterworth.bandPass(2, 0.5, 5, fs));
            double[] art = new double[n];
            int i0 = Math.max(0, (int) Math.round(startS * fs));
            int i1 = Math.min(n, (int) Math.round((startS + durationS) * fs));
            for (int i = i0; i < i1; i++) {
                art[i] = amplitude * swing[i];
            }
            double meanGap = 1 + 2 * rng.nextDouble();
            int events = 0;
            for (double t = startS - meanGap * Math.log(1 - rng.nextDouble()); t < startS + durationS;
                    t -= meanGap * Math.log(1 - rng.nextDouble())) {
                double sign = rng.nextBoolean() ? 1 : -1;
                int c = (int) Math.round(t * fs);
                if (rng.nextBoolean()) {
                    double h = sign * amplitude * (0.5 + 1.5 * rng.nextDouble());
                    double tau = 0.05 + 0.25 * rng.nextDouble();
                    for (int i = Math.max(0, c); i < Math.min(i1, c + (int) Math.ceil(8 * tau * fs)); i++) {
                        art[i] += h * Math.exp(-(i - c) / fs / tau);
                    }
                } else {
                    double h = sign * amplitude * (1 + 2 * rng.nextDouble());
                    int w = Math.max(2, (int) Math.round((0.002 + 0.008 * rng.nextDouble()) * fs));
                    for (int i = Math.max(0, c); i < Math.min(i1, c + w); i++) {
                        art[i] += h * Math.sin(2 * Math.PI * (i - c) / w);
                    }
                }
                events++;
            }
            double fade = 0.05 * fs;
            for (int i = i0; i < i1; i++) {
                double r = Math.min(1, Math.min((i - i0) / fade, (i1 - 1 - i) / fade));
                x[i] += 0.5 * (1 - Math.cos(Math.PI * r)) * art[i];
            }
            parts.add(String.format(Locale.ROOT, "cable motion %.3g-%.3g s, RMS %.3g, %d steps/spikes", startS,
                    startS + durationS, amplitude, events));
            return this;
        }

        /** @return the record and its truth */
        public SimulatedRecording build() {
            truth.sort(java.util.Comparator.comparingDouble(TrueEpisode::startS));
            return new SimulatedRecording(Signal.emg(label, fs, x), truth, String.join("; ", parts));
        }

        private List<MotorUnitPotential> unitPool(int units) {
            List<MotorUnitPotential> pool = new ArrayList<>(units);
            for (int u = 0; u < units; u++) {
                pool.add(MotorUnitPotential.draw(rng, fs, 1, 0.6));
            }
            return pool;
        }

        /**
         * Adds one volley: every unit fires at a Gaussian latency (SD width/4, truncated to ±width/2), with a
         * 2 % chance of a second discharge 5–15 ms later; the volley is shifted so that its rectified-area
         * centroid is at centreS, then scaled so that its RMS over centreS ± min(15 ms, width/2) is rms.
         */
        private void addVolley(List<MotorUnitPotential> pool, double centreS, double width, double rms) {
            int m = pool.size();
            double[] when = new double[2 * m];
            MotorUnitPotential[] who = new MotorUnitPotential[2 * m];
            int f = 0;
            double sumW = 0;
            double sumWt = 0;
            double reach = 0;
            for (MotorUnitPotential mu : pool) {
                double lat;
                do {
                    lat = width / 4 * gauss();
                } while (Math.abs(lat) > width / 2);
                when[f] = lat;
                who[f++] = mu;
                if (rng.nextDouble() < 0.02) {
                    when[f] = lat + 0.005 + 0.010 * rng.nextDouble();
                    who[f++] = mu;
                }
                reach = Math.max(reach, mu.halfSpanS());
            }
            for (int j = 0; j < f; j++) {
                sumW += who[j].rectifiedArea();
                sumWt += who[j].rectifiedArea() * when[j];
            }
            double shift = centreS - sumWt / sumW;
            // render on a local grid aligned with the record's samples, so the scaling sees whole bursts
            double half = width / 2 + 0.015 + reach + Math.abs(shift - centreS) + 0.005;
            int lo = (int) Math.floor((centreS - half) * fs);
            int hi = (int) Math.ceil((centreS + half) * fs);
            double[] burst = new double[hi - lo + 1];
            double origin = lo / fs;
            for (int j = 0; j < f; j++) {
                who[j].addTo(burst, fs, origin, shift + when[j], 1);
            }
            double h = Math.min(0.015, width / 2);
            double ss = 0;
            int count = 0;
            for (int k = (int) Math.ceil((centreS - h) * fs); k <= (int) Math.floor((centreS + h) * fs); k++) {
                ss += burst[k - lo] * burst[k - lo];
                count++;
            }
            double scale = ss > 0 ? rms / Math.sqrt(ss / count) : 0;
            for (int i = 0; i < burst.length; i++) {
                int k = lo + i;
                if (k >= 0 && k < n) {
                    x[k] += scale * burst[i];
                }
            }
        }

        private void requireInside(String kind, double[] times) {
            double end = n / fs;
            if (times[0] < 0 || times[times.length - 1] >= end) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s run with beats from %.4g s to %.4g s does not fit in the record (0-%.4g s)", kind,
                        times[0], times[times.length - 1], end));
            }
        }

        private void span(double startS, double durationS) {
            if (!(startS >= 0) || Double.isInfinite(startS) || !(durationS > 0) || Double.isInfinite(durationS)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "start must be 0 s or later and duration positive, got start %s s, duration %s s", startS,
                        durationS));
            }
        }

        private static void positive(String name, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a positive number, got " + v);
            }
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
