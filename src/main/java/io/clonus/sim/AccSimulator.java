package io.clonus.sim;

import io.clonus.detect.Signal;
import io.clonus.dsp.Butterworth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates a triaxial accelerometer (in g) with known content: clonus oscillations along a fixed
 * direction with known cycle times, and the look-alikes: tremor at another frequency, slow shaking rich in
 * harmonics, an oscillation that stops abruptly, walking, posture sway; plus gravity on a slowly tilting
 * sensor, slow movement and sensor noise.
 *
 * <p>A beat is one cycle; its true time is the maximum of the fundamental along the oscillation's
 * direction. Output is deterministic for a seed. Builders are not thread-safe.
 *
 * <pre>{@code
 * SimulatedRecording r = AccSimulator.builder(100, 30, 7)
 *         .gravity().noise(0.01).slowMovement(0.05)
 *         .clonus(5.0, 20, 6.5, 0.3)   // 20 cycles at 6.5 Hz, 0.3 g
 *         .build();
 * }</pre>
 */
public final class AccSimulator {
    private AccSimulator() {
    }

    /**
     * @param sampleRateHz sample rate, Hz (at least 40)
     * @param durationS    record length, seconds
     * @param seed         random seed
     * @return a builder for an empty record
     */
    public static Builder builder(double sampleRateHz, double durationS, long seed) {
        return new Builder(sampleRateHz, durationS, seed);
    }

    /** Collects the content of a simulated accelerometer record. */
    public static final class Builder {
        private final double fs;
        private final int n;
        private final SplittableRandom rng;
        private final double[][] x;
        private final List<TrueEpisode> truth = new ArrayList<>();
        private final List<String> parts = new ArrayList<>();
        private String label = "ACC";

        private Builder(double fs, double durationS, long seed) {
            if (!(fs >= 40)) {
                throw new IllegalArgumentException("accelerometer simulation needs at least 40 Hz, got " + fs);
            }
            if (!(durationS > 0)) {
                throw new IllegalArgumentException("duration must be positive, got " + durationS);
            }
            this.fs = fs;
            this.n = (int) Math.round(durationS * fs);
            this.rng = new SplittableRandom(seed);
            this.x = new double[3][n];
        }

        /** @param name the sensor label @return this */
        public Builder label(String name) {
            this.label = name;
            return this;
        }

        /** Gravity (1 g) on a sensor that tilts slowly by up to 0.3 rad. @return this */
        public Builder gravity() {
            double f = 0.02 + 0.05 * rng.nextDouble();
            double ph = 2 * Math.PI * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                double th = 0.3 * Math.sin(2 * Math.PI * f * i / fs + ph);
                x[0][i] += Math.sin(th);
                x[2][i] += Math.cos(th);
            }
            parts.add("gravity on a slowly tilting sensor");
            return this;
        }

        /** White sensor noise on each axis. @param rms its RMS, g @return this */
        public Builder noise(double rms) {
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < n; i++) {
                    x[a][i] += rms * Noise.gauss(rng);
                }
            }
            parts.add(String.format(Locale.ROOT, "noise RMS %.3g g", rms));
            return this;
        }

        /** Random slow movement below 1 Hz on each axis. @param rms its RMS, g @return this */
        public Builder slowMovement(double rms) {
            for (int a = 0; a < 3; a++) {
                double[] s = smooth(1.0);
                for (int i = 0; i < n; i++) {
                    x[a][i] += rms * s[i];
                }
            }
            parts.add(String.format(Locale.ROOT, "slow movement RMS %.3g g", rms));
            return this;
        }

        /**
         * Clonus: cycles along a random direction, 15 % second harmonic, period jitter 3 %, amplitude
         * varying 10 %, ending at the end of a cycle.
         *
         * @param startS      start of the first cycle, seconds
         * @param cycles      number of cycles (beats)
         * @param frequencyHz frequency, Hz
         * @param amplitude   amplitude of the fundamental, g
         * @return this
         */
        public Builder clonus(double startS, int cycles, double frequencyHz, double amplitude) {
            return oscillation("clonus", startS, cycles, frequencyHz, amplitude, new double[] {0.15}, 0.03, 1.0, false);
        }

        /**
         * An oscillation with every property chosen.
         *
         * @param kind        name in the truth
         * @param startS      start of the first cycle, seconds
         * @param cycles      number of cycles
         * @param frequencyHz fundamental frequency, Hz
         * @param amplitude   amplitude of the fundamental, g
         * @param harmonics   amplitudes of the 2nd, 3rd, … harmonics relative to the fundamental
         * @param jitter      coefficient of variation of the period
         * @param decay       amplitude factor from one cycle to the next
         * @param abruptStop  stop at the peak of the last cycle (a jump to rest) instead of at its end
         * @return this
         */
        public Builder oscillation(String kind, double startS, int cycles, double frequencyHz, double amplitude,
                double[] harmonics, double jitter, double decay, boolean abruptStop) {
            double[] u = randomDirection();
            double[] ph = new double[harmonics.length];
            for (int h = 0; h < ph.length; h++) {
                ph[h] = 2 * Math.PI * rng.nextDouble();
            }
            List<Double> times = new ArrayList<>();
            double t = startS;
            double a = amplitude;
            for (int k = 0; k < cycles; k++) {
                double period = (1 + jitter * Noise.gauss(rng)) / frequencyHz;
                double ak = a * (1 + 0.1 * (2 * rng.nextDouble() - 1));
                double end = abruptStop && k == cycles - 1 ? t + period / 4 : t + period;
                int i0 = (int) Math.ceil(t * fs);
                for (int i = Math.max(0, i0); i < Math.min(n, (int) Math.ceil(end * fs)); i++) {
                    double phi = 2 * Math.PI * (i / fs - t) / period;
                    double v = Math.sin(phi);
                    for (int h = 0; h < harmonics.length; h++) {
                        // harmonics vanish at the cycle's ends so that cycles join smoothly
                        v += harmonics[h] * Math.sin((h + 2) * phi + ph[h]) * Math.sin(phi / 2) * Math.sin(phi / 2);
                    }
                    for (int ax = 0; ax < 3; ax++) {
                        x[ax][i] += ak * v * u[ax];
                    }
                }
                times.add(t + period / 4);
                t += period;
                a *= decay;
            }
            truth.add(TrueEpisode.of(kind, times, frequencyHz));
            parts.add(String.format(Locale.ROOT, "%s: %d cycles at %.3g Hz from %.3g s%s", kind, cycles, frequencyHz,
                    startS, abruptStop ? ", stopping abruptly" : ""));
            return this;
        }

        /**
         * Tremor (or any steady oscillation) at a given frequency, 5 % harmonic, jitter 2 %.
         *
         * @param startS      start, seconds
         * @param durationS   duration, seconds
         * @param frequencyHz frequency, Hz
         * @param amplitude   amplitude, g
         * @return this
         */
        public Builder tremor(double startS, double durationS, double frequencyHz, double amplitude) {
            return oscillation("tremor", startS, (int) Math.floor(durationS * frequencyHz), frequencyHz, amplitude,
                    new double[] {0.05}, 0.02, 1.0, false);
        }

        /**
         * Slow shaking rich in harmonics (2nd at 60 %, 3rd at 40 %, 4th at 25 %), the kind whose harmonics
         * fall in the clonus band.
         *
         * @param startS      start, seconds
         * @param durationS   duration, seconds
         * @param frequencyHz fundamental, Hz (for example 2.5)
         * @param amplitude   amplitude of the fundamental, g
         * @return this
         */
        public Builder shaking(double startS, double durationS, double frequencyHz, double amplitude) {
            return oscillation("shaking", startS, (int) Math.floor(durationS * frequencyHz), frequencyHz, amplitude,
                    new double[] {0.6, 0.4, 0.25}, 0.01, 1.0, false);
        }

        /**
         * Walking: a periodic stride pattern rich in harmonics plus a damped heel-strike transient at each step.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param stepHz    steps per second (about 1.8)
         * @param amplitude size of the movement, g
         * @return this
         */
        public Builder walking(double startS, double durationS, double stepHz, double amplitude) {
            double stride = stepHz / 2;
            double[][] a = new double[3][8];
            double[][] p = new double[3][8];
            for (int ax = 0; ax < 3; ax++) {
                for (int h = 0; h < 8; h++) {
                    a[ax][h] = amplitude * (0.3 + 0.7 * rng.nextDouble()) / (h + 1);
                    p[ax][h] = 2 * Math.PI * rng.nextDouble();
                }
            }
            int i0 = Math.max(0, (int) Math.round(startS * fs));
            int i1 = Math.min(n, (int) Math.round((startS + durationS) * fs));
            for (int i = i0; i < i1; i++) {
                double t = i / fs;
                for (int ax = 0; ax < 3; ax++) {
                    double v = 0;
                    for (int h = 0; h < 8; h++) {
                        v += a[ax][h] * Math.sin(2 * Math.PI * (h + 1) * stride * t + p[ax][h]);
                    }
                    x[ax][i] += v;
                }
            }
            for (double t = startS; t < startS + durationS; t += (1 + 0.03 * Noise.gauss(rng)) / stepHz) {
                int c = (int) Math.round(t * fs);
                for (int i = Math.max(0, c); i < Math.min(i1, c + (int) (0.3 * fs)); i++) {
                    double dt = (i - c) / fs;
                    x[2][i] += 1.5 * amplitude * Math.exp(-dt / 0.04) * Math.sin(2 * Math.PI * 12 * dt);
                }
            }
            parts.add(String.format(Locale.ROOT, "walking %.3g-%.3g s at %.3g steps/s", startS, startS + durationS,
                    stepHz));
            return this;
        }

        /**
         * Posture hold: sway below 1.5 Hz and a small physiological tremor at 8–12 Hz.
         *
         * @param startS    start, seconds
         * @param durationS duration, seconds
         * @param amplitude sway RMS, g (the tremor is a fifth of it)
         * @return this
         */
        public Builder posture(double startS, double durationS, double amplitude) {
            int i0 = Math.max(0, (int) Math.round(startS * fs));
            int i1 = Math.min(n, (int) Math.round((startS + durationS) * fs));
            for (int ax = 0; ax < 3; ax++) {
                double[] sway = smooth(1.5);
                double[] tremor = bandNoise(8, Math.min(12, 0.4 * fs));
                for (int i = i0; i < i1; i++) {
                    x[ax][i] += amplitude * (sway[i] + 0.2 * tremor[i]);
                }
            }
            parts.add(String.format(Locale.ROOT, "posture hold %.3g-%.3g s", startS, startS + durationS));
            return this;
        }

        /** @return the record and its truth */
        public SimulatedRecording build() {
            truth.sort(java.util.Comparator.comparingDouble(TrueEpisode::startS));
            return new SimulatedRecording(Signal.acc(label, fs, x[0], x[1], x[2]), truth, String.join("; ", parts));
        }

        private double[] randomDirection() {
            double[] u = {Noise.gauss(rng), Noise.gauss(rng), Noise.gauss(rng)};
            double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            for (int i = 0; i < 3; i++) {
                u[i] /= norm;
            }
            return u;
        }

        private double[] smooth(double cutoffHz) {
            return Noise.shaped(rng, n, Butterworth.lowPass(2, cutoffHz, fs));
        }

        private double[] bandNoise(double lowHz, double highHz) {
            return Noise.shaped(rng, n, Butterworth.bandPass(2, lowHz, highHz, fs));
        }
    }
}
