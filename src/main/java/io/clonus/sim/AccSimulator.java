package io.clonus.sim;

import io.clonus.detect.Signal;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.ZeroPhase;
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
 * <p><b>Ankle kinematics model.</b> Instead of drawing oscillations in sensor axes, the ankle methods
 * ({@link Builder#ankleClonus}, {@link Builder#dorsiflexion}, {@link Builder#ankleOscillation},
 * {@link Builder#ankleTremor}, {@link Builder#ankleShaking}) add to the ankle angle θ(t) (dorsiflexion
 * positive), and the build turns θ into what a sensor on the foot ({@link FootSensor}, 5–15 cm from the ankle
 * axis) reads: for an accelerometer ({@link #builder}), gravity (1 g) turned with the foot, plus the tangential
 * acceleration r·θ'' and the centripetal acceleration r·θ'² of the sensor, in the sensor's axes, in g; for a
 * gyroscope ({@link #gyroscope}), the angular velocity θ' in deg/s about the ankle axis in the sensor's axes.
 * θ and its derivatives are exact (analytic) on a grid of at least 2 kHz; an ideal zero-phase anti-aliasing
 * filter (4th-order Butterworth at 0.4 × the sample rate, run forward and backward) brings them to the sample
 * rate, so any rate from 40 Hz works (IMU rates 52, 64, 104, 128 Hz included) and truth times are not delayed,
 * unlike the causal filters of real sensors, which delay by a few ms. Noise, {@link Builder#biasDrift} and
 * 16-bit {@link Builder#quantise quantisation} model the sensor; {@link Builder#tap taps} ring the mount.
 * Content added by the other methods (walking, posture …) is added to the reading as before, so walking
 * combines with the kinematics.
 *
 * <pre>{@code
 * SimulatedRecording r = AccSimulator.builder(100, 30, 7)
 *         .gravity().noise(0.01).slowMovement(0.05)
 *         .clonus(5.0, 20, 6.5, 0.3)   // 20 cycles at 6.5 Hz, 0.3 g
 *         .build();
 * SimulatedRecording g = AccSimulator.gyroscope(104, 10, 8)
 *         .footSensor(0.10).noise(0.3).biasDrift(1, 0.05).quantise(500)
 *         .ankleClonus(ClonusPattern.of(3, 12, 6), 3)   // push, 12 beats of 3 degrees, release
 *         .build();
 * }</pre>
 */
public final class AccSimulator {
    /** Standard gravity, m/s². */
    static final double G0 = 9.80665;
    /** Rate of the grid the ankle kinematics are computed on before anti-aliasing, Hz. */
    private static final double KINEMATIC_RATE_HZ = 2000;

    private AccSimulator() {
    }

    /**
     * @param sampleRateHz sample rate, Hz (at least 40)
     * @param durationS    record length, seconds
     * @param seed         random seed
     * @return a builder for an empty record
     */
    public static Builder builder(double sampleRateHz, double durationS, long seed) {
        return new Builder(sampleRateHz, durationS, seed, false);
    }

    /**
     * A triaxial gyroscope on the foot, in degrees per second: the ankle kinematics model
     * ({@link Builder#ankleClonus} and the other ankle methods) gives the foot's angular velocity about the
     * ankle axis in the sensor's axes (−θ' about the foot's y axis of {@link FootSensor}: plantar flexion turns
     * the foot positively about y); {@link Builder#biasDrift}, {@link Builder#noise} and
     * {@link Builder#quantise} model the sensor. The methods that add content directly in sensor units
     * ({@link Builder#clonus}, {@link Builder#oscillation}, {@link Builder#walking} …) add it in deg/s;
     * {@link Builder#gravity()} is refused. The signal is of type ACC (the detector treats both alike) and
     * labelled "GYRO".
     *
     * @param sampleRateHz sample rate, Hz (at least 40)
     * @param durationS    record length, seconds
     * @param seed         random seed
     * @return a builder for an empty gyroscope record
     */
    public static Builder gyroscope(double sampleRateHz, double durationS, long seed) {
        return new Builder(sampleRateHz, durationS, seed, true).label("GYRO");
    }

    /** Collects the content of a simulated accelerometer or gyroscope record. */
    public static final class Builder {
        private final double fs;
        private final int n;
        private final SplittableRandom rng;
        private final double[][] x;
        private final List<TrueEpisode> truth = new ArrayList<>();
        private final List<String> parts = new ArrayList<>();
        private String label = "ACC";
        /** True for a gyroscope (deg/s), false for an accelerometer (g). */
        private final boolean gyro;
        /** Oversampling factor of the kinematic grid: fine rate = k · fs, at least 2 kHz. */
        private final int k;
        /** Ankle angle and its derivatives on the fine grid (rad, rad/s, rad/s²); null until needed. */
        private double[] th;
        private double[] thd;
        private double[] thdd;
        /** Content in sensor axes on the fine grid (taps); null until needed. */
        private double[][] fine;
        private FootSensor sensor;
        private boolean footModel;
        private boolean gravityAdded;
        private double fullScale;
        private int bits;

        private Builder(double fs, double durationS, long seed, boolean gyro) {
            if (!(fs >= 40)) {
                throw new IllegalArgumentException((gyro ? "gyroscope" : "accelerometer")
                        + " simulation needs at least 40 Hz, got " + fs);
            }
            if (!(durationS > 0)) {
                throw new IllegalArgumentException("duration must be positive, got " + durationS);
            }
            this.fs = fs;
            this.n = (int) Math.round(durationS * fs);
            this.rng = new SplittableRandom(seed);
            this.x = new double[3][n];
            this.gyro = gyro;
            this.k = fs >= KINEMATIC_RATE_HZ ? 1 : (int) Math.ceil(KINEMATIC_RATE_HZ / fs);
        }

        /** @param name the sensor label @return this */
        public Builder label(String name) {
            this.label = name;
            return this;
        }

        /**
         * Gravity (1 g) on a sensor that tilts slowly by up to 0.3 rad. Not for a gyroscope, and not together
         * with the ankle kinematics model, which has its own gravity.
         *
         * @return this
         * @throws IllegalStateException for a gyroscope
         */
        public Builder gravity() {
            if (gyro) {
                throw new IllegalStateException("a gyroscope does not sense gravity; gravity() is for accelerometers");
            }
            gravityAdded = true;
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
            parts.add(String.format(Locale.ROOT, "noise RMS %.3g %s", rms, unit()));
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
            parts.add(String.format(Locale.ROOT, "slow movement RMS %.3g %s", rms, unit()));
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

        /**
         * Puts the ankle kinematics model into the record with this sensor: from now on the foot's gravity and
         * motion are part of the reading (do not add {@link #gravity()} as well). Without this call the first
         * ankle method draws a sensor with {@link FootSensor#random(SplittableRandom)} at build time.
         *
         * @param s where the sensor sits and how the foot lies
         * @return this
         */
        public Builder footSensor(FootSensor s) {
            this.sensor = java.util.Objects.requireNonNull(s, "sensor");
            this.footModel = true;
            parts.add(s.describe());
            return this;
        }

        /**
         * A foot sensor at the given distance from the ankle axis with the rest of its placement random
         * ({@link FootSensor#random(SplittableRandom, double)}): the foot at rest until ankle methods move it.
         *
         * @param radiusM distance from the ankle axis, metres (0.05–0.15 on the foot)
         * @return this
         */
        public Builder footSensor(double radiusM) {
            return footSensor(FootSensor.random(rng, radiusM));
        }

        /**
         * The examiner's quick dorsiflexion that elicits ankle clonus, without clonus by itself: the ankle angle
         * rises by {@code angleDeg} along a minimum-jerk ramp of {@code rampS} (0.2–0.5 s and 10–25° in the
         * clinic), is held for {@code holdS}, and is released along a minimum-jerk ramp of {@code releaseS}.
         * No truth. Adds to the ankle angle, so it combines with {@link #ankleOscillation}.
         *
         * @param startS   start of the ramp, seconds (may be before the record)
         * @param rampS    duration of the ramp, seconds (0.01–3)
         * @param angleDeg dorsiflexion, degrees (−60–60)
         * @param holdS    duration of the hold, seconds (0 or more)
         * @param releaseS duration of the release ramp, seconds (0.01–3)
         * @return this
         */
        public Builder dorsiflexion(double startS, double rampS, double angleDeg, double holdS, double releaseS) {
            finite("startS", startS);
            if (!(rampS >= 0.01 && rampS <= 3) || !(releaseS >= 0.01 && releaseS <= 3)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "ramp and release must last 0.01-3 s, got %s s and %s s", rampS, releaseS));
            }
            if (!(angleDeg >= -60 && angleDeg <= 60)) {
                throw new IllegalArgumentException("dorsiflexion angle must be -60 to 60 degrees, got " + angleDeg);
            }
            if (!(holdS >= 0) || Double.isInfinite(holdS)) {
                throw new IllegalArgumentException("hold must be 0 s or longer, got " + holdS);
            }
            angleGrid();
            double a = Math.toRadians(angleDeg);
            double t2 = startS + rampS + holdS;
            double ff = k * fs;
            int j0 = Math.max(0, (int) Math.ceil(startS * ff));
            int j1 = Math.min(th.length, (int) Math.ceil((t2 + releaseS) * ff));
            for (int j = j0; j < j1; j++) {
                double t = j / ff;
                double u = (t - startS) / rampS;
                double v = (t - t2) / releaseS;
                th[j] += a * (minJerk(u, 0) - minJerk(v, 0));
                thd[j] += a * (minJerk(u, 1) / rampS - minJerk(v, 1) / releaseS);
                thdd[j] += a * (minJerk(u, 2) / (rampS * rampS) - minJerk(v, 2) / (releaseS * releaseS));
            }
            parts.add(String.format(Locale.ROOT, "dorsiflexion of %.3g deg from %.3g s (ramp %.2g s, hold %.3g s, "
                    + "release %.2g s)", angleDeg, startS, rampS, holdS, releaseS));
            return this;
        }

        /**
         * An oscillation of the ankle angle following a pattern, with cycles that are not sinusoids: each cycle
         * has a plantar-flexion phase (the fast phase, the triceps surae's reflex contraction) lasting
         * {@code plantarFraction} of the local period and a slower dorsiflexion phase for the rest, each a
         * half-cosine, so the velocity is continuous and zero at the turning points. Beat k swings from
         * +A<sub>k</sub> down to −A<sub>k</sub> and the following dorsiflexion rises to +A<sub>k+1</sub>, with
         * A<sub>k</sub> = {@code amplitudeDeg} × the pattern's relative amplitude of beat k; a lead-in rises from
         * 0 to +A<sub>0</sub> over one dorsiflexion phase before the first beat and a lead-out returns from
         * −A<sub>last</sub> to 0 over one after the last, so the run starts and ends at the angle it rides on.
         * The local period is the mean of the intervals either side of a beat.
         *
         * <p><b>Truth.</b> A beat's time is the middle of its plantar-flexion phase, the instant of its maximum
         * plantar-flexion velocity (the gyroscope's extreme), exactly the pattern's realised beat time; the
         * lead-in starts {@code (1 − plantarFraction / 2) · T} before the first beat. On an accelerometer the
         * extremes of the oscillation along its principal axis fall at a fixed phase of the cycle, within half a
         * period of the truth. The frequency is that of the realised times ({@link TrueEpisode#of}).
         * {@link SimulatedRecording#expected} judges the run by its beat count and frequency, not its kind.
         *
         * @param kind            name in the truth ("clonus", "tremor", "shaking" …)
         * @param pattern         timing and relative amplitudes; every beat must fall inside the record
         * @param amplitudeDeg    half the peak-to-peak swing of a beat of relative amplitude 1, degrees (0–30;
         *                        a few degrees for clonus)
         * @param plantarFraction share of a cycle taken by plantar flexion, 0.2–0.5 (0.35–0.45 for clonus; 0.5
         *                        makes sinusoid-like cycles)
         * @return this
         */
        public Builder ankleOscillation(String kind, ClonusPattern pattern, double amplitudeDeg,
                double plantarFraction) {
            checkOscillation(amplitudeDeg, plantarFraction);
            return ankleCycles(kind, pattern, pattern.beatTimes(rng), pattern.amplitudes(rng), amplitudeDeg,
                    plantarFraction, Double.NaN);
        }

        /** The cycles of realised beats; the lead-in lasts leadInS, or one dorsiflexion phase if NaN. */
        private Builder ankleCycles(String kind, ClonusPattern pattern, double[] t, double[] rel, double amplitudeDeg,
                double plantarFraction, double leadInS) {
            requireInside(kind, t);
            int m = t.length;
            double[] period = new double[m];
            for (int b = 0; b < m; b++) {
                if (m == 1) {
                    period[b] = 1 / pattern.frequencyHz();
                } else if (b == 0) {
                    period[b] = t[1] - t[0];
                } else if (b == m - 1) {
                    period[b] = t[m - 1] - t[m - 2];
                } else {
                    period[b] = (t[b + 1] - t[b - 1]) / 2;
                }
            }
            angleGrid();
            double q = plantarFraction;
            double a0 = Math.toRadians(amplitudeDeg);
            double lead = t[0] - q * period[0] / 2;
            halfCosine(lead - (Double.isNaN(leadInS) ? (1 - q) * period[0] : leadInS), lead, 0, a0 * rel[0]);
            for (int b = 0; b < m; b++) {
                double p0 = t[b] - q * period[b] / 2;
                double p1 = t[b] + q * period[b] / 2;
                halfCosine(p0, p1, a0 * rel[b], -a0 * rel[b]);
                if (b + 1 < m) {
                    double next = t[b + 1] - q * period[b + 1] / 2;
                    if (!(next > p1)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "beats at %.4g s and %.4g s are too close for a plantar fraction of %.2g", t[b],
                                t[b + 1], q));
                    }
                    halfCosine(p1, next, -a0 * rel[b], a0 * rel[b + 1]);
                } else {
                    halfCosine(p1, p1 + (1 - q) * period[b], -a0 * rel[b], 0);
                }
            }
            List<Double> times = new ArrayList<>(m);
            for (double v : t) {
                times.add(v);
            }
            truth.add(TrueEpisode.of(kind, times, pattern.frequencyHz()));
            parts.add(String.format(Locale.ROOT, "ankle %s of %.3g deg, plantar phase %.0f %%: %s", kind, amplitudeDeg,
                    100 * q, pattern.describe()));
            return this;
        }

        /**
         * Ankle clonus as the clinician elicits it: a quick dorsiflexion (minimum-jerk ramp of 0.2–0.5 s to
         * 10–25°, drawn), held while the clonus lasts and 0.2–1 s more, then released over 0.2–0.5 s; the
         * clonus ({@link #ankleOscillation} of kind "clonus", plantar fraction drawn in 0.35–0.45) starts as the
         * ramp ends. The ramp is the stretch that sets off the first beat: the oscillation's lead-in (the rise to
         * +A<sub>0</sub>) runs alongside it, so the foot rises once, to the push angle plus A<sub>0</sub>, and
         * the first plantar flexion follows at once. Over a run of n beats the angle then has n plantar-flexion
         * swings and n + 1 dorsiflexion movements (the push, n − 1 returns, and the return to the hold after the
         * last beat), as in a real examination. The ramp may begin before the record when the first beat is
         * early.
         *
         * @param pattern      timing and relative amplitudes of the beats
         * @param amplitudeDeg half the peak-to-peak swing of a beat of relative amplitude 1, degrees (a few)
         * @return this
         */
        public Builder ankleClonus(ClonusPattern pattern, double amplitudeDeg) {
            checkOscillation(amplitudeDeg, 0.4);
            double ramp = 0.2 + 0.3 * rng.nextDouble();
            double push = 10 + 15 * rng.nextDouble();
            double q = 0.35 + 0.10 * rng.nextDouble();
            double extraHold = 0.2 + 0.8 * rng.nextDouble();
            double release = 0.2 + 0.3 * rng.nextDouble();
            double[] t = pattern.beatTimes(rng);
            double[] rel = pattern.amplitudes(rng);
            requireInside("clonus", t);
            int m = t.length;
            double first = m > 1 ? t[1] - t[0] : 1 / pattern.frequencyHz();
            double last = m > 1 ? t[m - 1] - t[m - 2] : first;
            double rampEnd = t[0] - q * first / 2;
            double leadOut = t[m - 1] + (1 - q / 2) * last;
            dorsiflexion(rampEnd - ramp, ramp, push, leadOut - rampEnd + extraHold, release);
            return ankleCycles("clonus", pattern, t, rel, amplitudeDeg, q, ramp);
        }

        /**
         * Physiological tremor of the ankle: small (a fraction of a degree) symmetric cycles at 9–12 Hz whose
         * amplitude varies irregularly from cycle to cycle (±60 %), period jitter 5 %. Truth kind "tremor": a
         * rhythm, but outside the clonus band.
         *
         * @param startS       time of the first cycle, seconds
         * @param durationS    duration, seconds (at least one cycle)
         * @param frequencyHz  frequency, Hz (9–12 typical)
         * @param amplitudeDeg typical half swing, degrees
         * @return this
         */
        public Builder ankleTremor(double startS, double durationS, double frequencyHz, double amplitudeDeg) {
            ClonusPattern p = ClonusPattern.builder(startS, cycles(durationS, frequencyHz), frequencyHz).jitter(0.05)
                    .amplitudeVariation(0.6).build();
            return ankleOscillation("tremor", p, amplitudeDeg, 0.5);
        }

        /**
         * Shaking of the foot at about 3 Hz (the patient or the examiner moving it): large cycles of jitter 2 %
         * and amplitude variation 15 % whose plantar fraction is drawn in 0.3–0.5, so that the harmonics of the
         * asymmetric cycles fall in the clonus band. Truth kind "shaking": a rhythm outside the band.
         *
         * @param startS       time of the first cycle, seconds
         * @param durationS    duration, seconds (at least one cycle)
         * @param frequencyHz  frequency, Hz (about 3)
         * @param amplitudeDeg half swing, degrees
         * @return this
         */
        public Builder ankleShaking(double startS, double durationS, double frequencyHz, double amplitudeDeg) {
            ClonusPattern p = ClonusPattern.builder(startS, cycles(durationS, frequencyHz), frequencyHz).jitter(0.02)
                    .amplitudeVariation(0.15).build();
            return ankleOscillation("shaking", p, amplitudeDeg, 0.3 + 0.2 * rng.nextDouble());
        }

        /**
         * A tap on the sensor: a short impulse that rings the sensor and its mount at a resonance drawn in
         * 15–40 Hz, decaying with a time constant drawn in 10–40 ms, along a random direction in the sensor's
         * axes. Computed on the fine grid and anti-aliased like the kinematics. No truth.
         *
         * @param timeS     when, seconds
         * @param amplitude peak of the ringing, in the record's unit (g, or deg/s for a gyroscope)
         * @return this
         */
        public Builder tap(double timeS, double amplitude) {
            finite("timeS", timeS);
            if (!(amplitude > 0) || Double.isInfinite(amplitude)) {
                throw new IllegalArgumentException("tap amplitude must be a positive number, got " + amplitude);
            }
            addTap(timeS, amplitude);
            parts.add(String.format(Locale.ROOT, "tap at %.3g s", timeS));
            return this;
        }

        /**
         * Taps at irregular intervals (gaps uniform in 0.4–1.5 s), each as {@link #tap} with an amplitude of
         * 0.5–1.5 × {@code amplitude}.
         *
         * @param startS    time of the first tap, seconds
         * @param count     number of taps, at least 1
         * @param amplitude typical peak, in the record's unit
         * @return this
         */
        public Builder taps(double startS, int count, double amplitude) {
            finite("startS", startS);
            if (count < 1) {
                throw new IllegalArgumentException("tap count must be at least 1, got " + count);
            }
            if (!(amplitude > 0) || Double.isInfinite(amplitude)) {
                throw new IllegalArgumentException("tap amplitude must be a positive number, got " + amplitude);
            }
            double t = startS;
            for (int i = 0; i < count; i++) {
                addTap(t, amplitude * (0.5 + rng.nextDouble()));
                t += 0.4 + 1.1 * rng.nextDouble();
            }
            parts.add(String.format(Locale.ROOT, "%d taps from %.3g s", count, startS));
            return this;
        }

        /**
         * Sensor bias: a constant offset per axis (Gaussian, SD {@code offset}) plus a slow random walk whose
         * standard deviation grows by {@code walkPerRootS} per √s, as in MEMS gyroscopes (bias instability) and,
         * smaller, accelerometers.
         *
         * @param offset       SD of the initial bias, in the record's unit (for example 1 deg/s)
         * @param walkPerRootS random-walk intensity, unit per √s (for example 0.1 deg/s/√s)
         * @return this
         */
        public Builder biasDrift(double offset, double walkPerRootS) {
            if (!(offset >= 0) || Double.isInfinite(offset) || !(walkPerRootS >= 0) || Double.isInfinite(walkPerRootS)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bias offset and random walk must be 0 or more, got %s and %s", offset, walkPerRootS));
            }
            double step = walkPerRootS / Math.sqrt(fs);
            for (int a = 0; a < 3; a++) {
                double b = offset * Noise.gauss(rng);
                for (int i = 0; i < n; i++) {
                    x[a][i] += b;
                    b += step * Noise.gauss(rng);
                }
            }
            parts.add(String.format(Locale.ROOT, "bias %.3g with random walk %.3g per root-s", offset, walkPerRootS));
            return this;
        }

        /**
         * Quantises the record like a 16-bit sensor at the given full scale (for example ±2, ±8 or ±16 g; ±250
         * to ±2000 deg/s), applied last at build time: values become multiples of {@code fullScale / 32768},
         * clipped to [−fullScale, fullScale − LSB].
         *
         * @param fullScale full scale, in the record's unit
         * @return this
         */
        public Builder quantise(double fullScale) {
            return quantise(fullScale, 16);
        }

        /**
         * Quantisation with the word length chosen: the step is {@code fullScale / 2^(bits−1)}.
         *
         * @param fullScale full scale, in the record's unit, above 0
         * @param bits      word length, 8–24
         * @return this
         */
        public Builder quantise(double fullScale, int bits) {
            if (!(fullScale > 0) || Double.isInfinite(fullScale)) {
                throw new IllegalArgumentException("full scale must be a positive number, got " + fullScale);
            }
            if (bits < 8 || bits > 24) {
                throw new IllegalArgumentException("quantisation bits must be 8-24, got " + bits);
            }
            this.fullScale = fullScale;
            this.bits = bits;
            parts.add(String.format(Locale.ROOT, "%d-bit at +-%.4g", bits, fullScale));
            return this;
        }

        /**
         * @return the record and its truth
         * @throws IllegalStateException if {@link #gravity()} and the ankle kinematics model (which has its own
         *         gravity) are both in the record
         */
        public SimulatedRecording build() {
            if (gravityAdded && footModel) {
                throw new IllegalStateException("gravity() and the ankle kinematics model would put gravity in twice");
            }
            if (footModel || fine != null) {
                renderFine();
            }
            if (fullScale > 0) {
                double lsb = fullScale / (1L << (bits - 1));
                long lo = -(1L << (bits - 1));
                long hi = (1L << (bits - 1)) - 1;
                for (double[] axis : x) {
                    for (int i = 0; i < n; i++) {
                        axis[i] = Math.max(lo, Math.min(hi, Math.round(axis[i] / lsb))) * lsb;
                    }
                }
            }
            truth.sort(java.util.Comparator.comparingDouble(TrueEpisode::startS));
            return new SimulatedRecording(Signal.acc(label, fs, x[0], x[1], x[2]), truth, String.join("; ", parts));
        }

        /** Converts the ankle angle to sensor readings on the fine grid, anti-aliases, decimates and adds. */
        private void renderFine() {
            int nf = n * k;
            double[][] out = fine != null ? fine : new double[3][nf];
            if (footModel) {
                if (sensor == null) {
                    sensor = FootSensor.random(rng);
                    parts.add(sensor.describe());
                }
                double[][] m = sensor.mount();
                double[] pxz = sensor.positionXz();
                double rest = Math.toRadians(sensor.restPitchDeg());
                for (int j = 0; j < nf; j++) {
                    double theta = th == null ? 0 : th[j];
                    // the foot turns by -theta about its y axis
                    double w = th == null ? 0 : -thd[j];
                    double al = th == null ? 0 : -thdd[j];
                    double fx;
                    double fy = 0;
                    double fz;
                    if (gyro) {
                        fx = 0;
                        fy = Math.toDegrees(w);
                        fz = 0;
                    } else {
                        double phi = rest - theta;
                        // gravity's reaction (1 g up) in foot axes, plus alpha x p + omega x (omega x p)
                        fx = -Math.sin(phi) + (al * pxz[1] - w * w * pxz[0]) / G0;
                        fz = Math.cos(phi) + (-al * pxz[0] - w * w * pxz[1]) / G0;
                    }
                    for (int a = 0; a < 3; a++) {
                        out[a][j] += m[a][0] * fx + m[a][1] * fy + m[a][2] * fz;
                    }
                }
            }
            Sos antiAlias = k > 1 ? Butterworth.lowPass(4, 0.4 * fs, k * fs) : null;
            for (int a = 0; a < 3; a++) {
                double[] y = out[a];
                if (antiAlias != null && nf > antiAlias.filtfiltPadLength()) {
                    y = ZeroPhase.filtfilt(antiAlias, y);
                }
                for (int i = 0; i < n; i++) {
                    x[a][i] += y[i * k];
                }
            }
        }

        private void addTap(double timeS, double amplitude) {
            if (fine == null) {
                fine = new double[3][n * k];
            }
            double[] u = randomDirection();
            double f = 15 + 25 * rng.nextDouble();
            double tau = 0.010 + 0.030 * rng.nextDouble();
            double ff = k * fs;
            int j0 = Math.max(0, (int) Math.ceil(timeS * ff));
            int j1 = Math.min(n * k, (int) Math.ceil((timeS + 8 * tau) * ff));
            for (int j = j0; j < j1; j++) {
                double dt = j / ff - timeS;
                double v = amplitude * Math.exp(-dt / tau) * Math.sin(2 * Math.PI * f * dt);
                for (int a = 0; a < 3; a++) {
                    fine[a][j] += v * u[a];
                }
            }
        }

        /** Adds a half-cosine move of the angle from {@code from} at t0 to {@code to} at t1 (radians). */
        private void halfCosine(double t0, double t1, double from, double to) {
            double ff = k * fs;
            double d = t1 - t0;
            double h = (to - from) / 2;
            int j0 = Math.max(0, (int) Math.ceil(t0 * ff));
            int j1 = Math.min(th.length, (int) Math.ceil(t1 * ff));
            for (int j = j0; j < j1; j++) {
                double ph = Math.PI * (j / ff - t0) / d;
                th[j] += from + h * (1 - Math.cos(ph));
                thd[j] += h * Math.PI / d * Math.sin(ph);
                thdd[j] += h * Math.PI * Math.PI / (d * d) * Math.cos(ph);
            }
        }

        /** Minimum-jerk step 10u³ − 15u⁴ + 6u⁵ (0 before u = 0, 1 after u = 1) or its first or second derivative. */
        private static double minJerk(double u, int derivative) {
            if (u <= 0) {
                return 0;
            }
            if (u >= 1) {
                return derivative == 0 ? 1 : 0;
            }
            return switch (derivative) {
                case 0 -> u * u * u * (10 - 15 * u + 6 * u * u);
                case 1 -> 30 * u * u * (1 - u) * (1 - u);
                default -> 60 * u * (1 - u) * (1 - 2 * u);
            };
        }

        private void angleGrid() {
            footModel = true;
            if (th == null) {
                th = new double[n * k];
                thd = new double[n * k];
                thdd = new double[n * k];
            }
        }

        private static void checkOscillation(double amplitudeDeg, double plantarFraction) {
            if (!(amplitudeDeg > 0 && amplitudeDeg <= 30)) {
                throw new IllegalArgumentException("oscillation amplitude must be above 0 and at most 30 degrees, got "
                        + amplitudeDeg);
            }
            if (!(plantarFraction >= 0.2 && plantarFraction <= 0.5)) {
                throw new IllegalArgumentException("plantarFraction must be 0.2-0.5, got " + plantarFraction);
            }
        }

        private void requireInside(String kind, double[] t) {
            double end = n / fs;
            if (t[0] < 0 || t[t.length - 1] >= end) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s run with beats from %.4g s to %.4g s does not fit in the record (0-%.4g s)", kind, t[0],
                        t[t.length - 1], end));
            }
        }

        private String unit() {
            return gyro ? "deg/s" : "g";
        }

        private static int cycles(double durationS, double frequencyHz) {
            if (!(frequencyHz > 0 && durationS * frequencyHz >= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a rhythm of %s Hz for %s s has no whole cycle", frequencyHz, durationS));
            }
            return (int) Math.floor(durationS * frequencyHz);
        }

        private static void finite(String name, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be a finite number, got " + v);
            }
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
