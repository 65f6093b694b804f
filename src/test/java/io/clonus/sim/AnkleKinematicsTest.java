package io.clonus.sim;

import static io.clonus.sim.ClonusPatternTest.mean;
import static io.clonus.sim.ClonusPatternTest.refused;
import static io.clonus.sim.ClonusPatternTest.sd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Spectrum;
import io.clonus.dsp.ZeroPhase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ankle kinematics model: accelerometer and gyroscope on the foot, and their look-alikes. */
class AnkleKinematicsTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();
    /** On the foot's x axis, foot flat, sensor axes = foot axes. */
    private static final FootSensor ALIGNED = new FootSensor(0.1, 0, 0, 0, 0, 0);

    @Test
    void aSeedGivesTheSameRecord() {
        for (boolean gyro : new boolean[] {false, true}) {
            SimulatedRecording a = exam(gyro, 104, 21).build();
            SimulatedRecording b = exam(gyro, 104, 21).build();
            for (int ax = 0; ax < 3; ax++) {
                assertArrayEquals(a.signal().toArray(ax), b.signal().toArray(ax));
            }
            assertEquals(a.episodes(), b.episodes());
            assertEquals(a.description(), b.description());
        }
    }

    private static AccSimulator.Builder exam(boolean gyro, double fs, long seed) {
        AccSimulator.Builder b = gyro ? AccSimulator.gyroscope(fs, 10, seed).noise(0.3).biasDrift(1, 0.05)
                : AccSimulator.builder(fs, 10, seed).noise(0.005);
        return b.ankleClonus(ClonusPattern.builder(2, 12, 6.3).firstBeatGain(1.4).build(), 3).taps(8, 2, 0.5)
                .quantise(gyro ? 500 : 8);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {40, 50, 52, 64, 100, 104, 128, 200, 1000})
    void theDominantFrequencyIsTheTruthFrequencyAtAnyRate(double fs) {
        for (boolean gyro : new boolean[] {false, true}) {
            for (long seed = 1; seed <= 3; seed++) {
                double f = 5.5 + 0.6 * seed;
                ClonusPattern p = ClonusPattern.builder(2, 30, f).build();
                AccSimulator.Builder b = gyro ? AccSimulator.gyroscope(fs, 10, seed).noise(0.5)
                        : AccSimulator.builder(fs, 10, seed).noise(0.005);
                SimulatedRecording r = b.ankleClonus(p, 3).build();
                assertEquals(Math.round(10 * fs), r.signal().length());
                TrueEpisode e = r.episodes().get(0);
                assertEquals("clonus", e.kind());
                assertEquals(30, e.beatCount());
                assertEquals(Classification.SUSTAINED, r.expected(CFG));
                double peak = dominantHz(r, e.startS(), e.endS());
                long s = seed;
                assertEquals(e.frequencyHz(), peak, 0.15, () -> (gyro ? "gyro" : "acc") + " seed " + s);
            }
        }
    }

    @Test
    void gyroscopeExtremesFallOnTheTruthBeatTimes() {
        for (long seed = 1; seed <= 10; seed++) {
            double fs = 200;
            ClonusPattern p = ClonusPattern.builder(2, 15, 5.5 + 0.2 * seed).jitter(0.05).onsetSlowingHz(1)
                    .amplitudeVariation(0.3).build();
            SimulatedRecording r = AccSimulator.gyroscope(fs, 8, seed).ankleClonus(p, 3).build();
            double[] proj = project(r, principalAxis(r, 0, r.signal().length()));
            TrueEpisode e = r.episodes().get(0);
            double sign = 0;
            for (double t : e.beatTimesS()) {
                int best = argmaxAbs(proj, fs, t - 0.4 / e.frequencyHz(), t + 0.4 / e.frequencyHz());
                assertEquals(t, best / fs, 1.5 / fs, "plantar-flexion velocity peaks at the truth beat time");
                if (sign == 0) {
                    sign = Math.signum(proj[best]);
                }
                assertEquals(sign, Math.signum(proj[best]), "every beat a plantar flexion, the same way");
            }
        }
    }

    @Test
    void accelerometerExtremesKeepAFixedPhaseWithinHalfAPeriod() {
        for (long seed = 1; seed <= 10; seed++) {
            double fs = new double[] {52, 64, 100, 104, 128}[(int) (seed % 5)];
            ClonusPattern p = ClonusPattern.builder(2, 20, 5.5 + 0.2 * seed).jitter(0.04).build();
            SimulatedRecording r = AccSimulator.builder(fs, 8, seed).noise(0.005).ankleClonus(p, 2).build();
            TrueEpisode e = r.episodes().get(0);
            double[][] hp = new double[3][];
            for (int ax = 0; ax < 3; ax++) {
                hp[ax] = ZeroPhase.filtfilt(Butterworth.highPass(2, 2, fs), r.signal().toArray(ax));
            }
            int i0 = (int) Math.ceil(e.startS() * fs);
            int i1 = (int) Math.floor(e.endS() * fs);
            double[] u = principalAxis(hp, i0, i1);
            double[] proj = new double[hp[0].length];
            for (int i = 0; i < proj.length; i++) {
                proj[i] = u[0] * hp[0][i] + u[1] * hp[1][i] + u[2] * hp[2][i];
            }
            double period = 1 / e.frequencyHz();
            List<Double> t = e.beatTimesS();
            double[] offsets = new double[t.size() - 2];
            for (int k = 1; k + 1 < t.size(); k++) {
                int best = argmax(proj, fs, t.get(k) - period / 2, t.get(k) + period / 2);
                offsets[k - 1] = best / fs - t.get(k);
            }
            long s = seed;
            assertTrue(Math.abs(mean(offsets)) < period / 2, () -> "seed " + s + ": extreme within half a period");
            assertTrue(sd(offsets) < 0.08 * period + 1 / fs, () -> "seed " + s + ": extremes at a fixed phase, SD "
                    + sd(offsets));
        }
    }

    @Test
    void theReadingIsGravityTurnedWithTheFootPlusTangentialAndCentripetalAcceleration() {
        // at 2 kHz there is no anti-aliasing filter, so the samples are the analytic reading
        double fs = 2000;
        double angle = 20;
        double ramp = 0.3;
        double r = ALIGNED.radiusM();
        SimulatedRecording acc = AccSimulator.builder(fs, 3, 1).footSensor(ALIGNED)
                .dorsiflexion(0.5, ramp, angle, 1, 0.4).build();
        SimulatedRecording gyro = AccSimulator.gyroscope(fs, 3, 1).footSensor(ALIGNED)
                .dorsiflexion(0.5, ramp, angle, 1, 0.4).build();
        for (double u : new double[] {0.1, 0.3, 0.5, 0.8}) {
            int i = (int) Math.round((0.5 + u * ramp) * fs);
            double v = (i / fs - 0.5) / ramp;
            double a = Math.toRadians(angle);
            double th = a * v * v * v * (10 - 15 * v + 6 * v * v);
            double thd = a * 30 * v * v * (1 - v) * (1 - v) / ramp;
            double thdd = a * 60 * v * (1 - v) * (1 - 2 * v) / (ramp * ramp);
            // foot pitch -θ: gravity's reaction (sin θ, 0, cos θ); the sensor on x at r: tangential r·θ'' along
            // z, centripetal r·θ'² towards the axis (−x)
            assertEquals(Math.sin(th) - r * thd * thd / AccSimulator.G0, acc.signal().sample(0, i), 1e-9);
            assertEquals(0, acc.signal().sample(1, i), 1e-12);
            assertEquals(Math.cos(th) + r * thdd / AccSimulator.G0, acc.signal().sample(2, i), 1e-9);
            assertEquals(-Math.toDegrees(thd), gyro.signal().sample(1, i), 1e-9, "gyroscope: deg/s about the axis");
            assertEquals(0, gyro.signal().sample(0, i), 1e-12);
        }
    }

    @Test
    void theFootMovesInTheSagittalPlaneAndRestsAtOneG() {
        FootSensor s = new FootSensor(0.12, -20, -40, 15, -10, 70);
        ClonusPattern p = ClonusPattern.builder(1.5, 10, 6.5).firstBeatGain(1.5).build();
        SimulatedRecording acc = AccSimulator.builder(104, 6, 3).footSensor(s).ankleClonus(p, 4).build();
        SimulatedRecording gyro = AccSimulator.gyroscope(104, 6, 3).footSensor(s).ankleClonus(p, 4).build();
        assertEquals(acc.episodes(), gyro.episodes(), "same seed, same motion");
        double[] axis = principalAxis(gyro, 0, gyro.signal().length());
        double worst = 0;
        for (int i = 0; i < acc.signal().length(); i++) {
            double along = 0;
            for (int ax = 0; ax < 3; ax++) {
                along += axis[ax] * acc.signal().sample(ax, i);
            }
            worst = Math.max(worst, Math.abs(along));
        }
        assertTrue(worst < 1e-6, "no acceleration along the ankle axis: " + worst);
        SimulatedRecording rest = AccSimulator.builder(64, 3, 4).footSensor(s).build();
        for (int i = 0; i < rest.signal().length(); i++) {
            double m = Math.hypot(Math.hypot(rest.signal().sample(0, i), rest.signal().sample(1, i)),
                    rest.signal().sample(2, i));
            assertEquals(1, m, 1e-9);
        }
    }

    @Test
    void thePushAloneTurnsGravityByItsAngleAndIsNotClonus() {
        for (double angle : new double[] {10, 18, 25}) {
            SimulatedRecording r = AccSimulator.builder(100, 6, 5).footSensor(FootSensor.random(
                    new java.util.SplittableRandom((long) angle))).dorsiflexion(1, 0.3, angle, 3, 0.3).build();
            assertTrue(r.episodes().isEmpty());
            assertEquals(Classification.NONE, r.expected(CFG));
            double[] before = meanVector(r, 0, 0.9);
            double[] held = meanVector(r, 1.5, 4);
            double[] after = meanVector(r, 4.8, 6);
            assertEquals(angle, Math.toDegrees(Math.acos(dot(before, held) / norm(before) / norm(held))), 1e-3);
            assertEquals(0, Math.toDegrees(Math.acos(Math.min(1, dot(before, after) / norm(before) / norm(after)))),
                    1e-3, "released back to rest");
        }
    }

    @Test
    void quantisedValuesLieOnTheGridAndClipAtFullScale() {
        SimulatedRecording r = exam(false, 52, 6).build();
        double lsb = 8.0 / 32768;
        for (int ax = 0; ax < 3; ax++) {
            for (double v : r.signal().toArray(ax)) {
                double k = v / lsb;
                assertEquals(Math.rint(k), k, 1e-9);
                assertTrue(k >= -32768 && k <= 32767);
            }
        }
        SimulatedRecording clipped = AccSimulator.builder(100, 2, 7).footSensor(ALIGNED).quantise(0.5).build();
        assertEquals(0.5 - 0.5 / 32768, clipped.signal().sample(2, 10), 0, "1 g clipped at +-0.5 g");
        SimulatedRecording g = AccSimulator.gyroscope(64, 5, 7).noise(0.2).quantise(250, 12).build();
        for (double v : g.signal().toArray(0)) {
            double k = v / (250.0 / 2048);
            assertEquals(Math.rint(k), k, 1e-9);
        }
    }

    @Test
    void gyroscopeBiasDrifts() {
        double fs = 100;
        SimulatedRecording drifting = AccSimulator.gyroscope(fs, 60, 8).footSensor(0.1).noise(0.1).biasDrift(2, 0.5)
                .build();
        SimulatedRecording steady = AccSimulator.gyroscope(fs, 60, 8).footSensor(0.1).noise(0.1).build();
        double largestChange = 0;
        double largestBias = 0;
        for (int ax = 0; ax < 3; ax++) {
            double[] x = drifting.signal().toArray(ax);
            double change = Math.abs(meanOf(x, 55 * fs, 60 * fs) - meanOf(x, 0, 5 * fs));
            largestChange = Math.max(largestChange, change);
            largestBias = Math.max(largestBias, Math.abs(meanOf(x, 0, 5 * fs)));
            double[] y = steady.signal().toArray(ax);
            assertEquals(0, meanOf(y, 55 * fs, 60 * fs) - meanOf(y, 0, 5 * fs), 0.03, "no drift without biasDrift");
        }
        assertTrue(largestChange > 1, "the bias walks: " + largestChange + " deg/s over 55 s");
        assertTrue(largestBias > 0.5, "an initial bias: " + largestBias);
    }

    @Test
    void tapsRingTheMountBrieflyAndHaveNoTruth() {
        double fs = 1000;
        SimulatedRecording r = AccSimulator.builder(fs, 3, 9).footSensor(ALIGNED).tap(1, 1).build();
        assertTrue(r.episodes().isEmpty());
        double peak = 0;
        double late = 0;
        int loudest = 0;
        for (int ax = 0; ax < 3; ax++) {
            double[] hp = ZeroPhase.filtfilt(Butterworth.highPass(2, 5, fs), r.signal().toArray(ax));
            for (int i = (int) (0.99 * fs); i < (int) (1.05 * fs); i++) {
                if (Math.abs(hp[i]) > peak) {
                    peak = Math.abs(hp[i]);
                    loudest = ax;
                }
            }
            for (int i = (int) (1.35 * fs); i < (int) (2 * fs); i++) {
                late = Math.max(late, Math.abs(hp[i]));
            }
        }
        assertTrue(peak > 0.3, "the tap rings: " + peak);
        assertTrue(late < 0.01 * peak, "and dies in tens of ms: " + late);
        double[] x = r.signal().toArray(loudest);
        Spectrum s = Spectrum.periodogram(x, (int) (0.99 * fs), (int) (1.3 * fs), fs, 4096);
        double f = s.peak(5, 100).frequencyHz();
        assertTrue(f >= 13 && f <= 42, "mount resonance " + f + " Hz");
    }

    @Test
    void ankleLookAlikesAreRhythmsOutsideTheBandOrNoTruth() {
        for (boolean gyro : new boolean[] {false, true}) {
            AccSimulator.Builder b = gyro ? AccSimulator.gyroscope(100, 20, 10).noise(0.3)
                    : AccSimulator.builder(100, 20, 10).noise(0.005);
            SimulatedRecording r = b.ankleTremor(1, 5, 10.5, 0.2).ankleShaking(8, 6, 3, 8)
                    .dorsiflexion(15, 0.3, 20, 2, 0.3).build();
            assertEquals(2, r.episodes().size());
            TrueEpisode tremor = r.episodes().get(0);
            TrueEpisode shaking = r.episodes().get(1);
            assertEquals("tremor", tremor.kind());
            assertEquals(10.5, tremor.frequencyHz(), 0.5);
            assertEquals("shaking", shaking.kind());
            assertEquals(3, shaking.frequencyHz(), 0.15);
            assertEquals(Classification.NONE, r.expected(CFG));
            assertEquals(10.5, dominantHz(r, 1, 6), 0.3);
            assertEquals(3, dominantHz(r, 8.5, 13.5), 0.2);
        }
    }

    @Test
    void walkingCombinesWithTheKinematicModel() {
        ClonusPattern p = ClonusPattern.of(12, 10, 6);
        SimulatedRecording both = AccSimulator.builder(100, 16, 11).footSensor(ALIGNED).noise(0.005)
                .walking(0.5, 10, 1.8, 0.3).ankleClonus(p, 3).build();
        SimulatedRecording walk = AccSimulator.builder(100, 16, 11).footSensor(ALIGNED).noise(0.005)
                .walking(0.5, 10, 1.8, 0.3).build();
        assertEquals(1, both.episodes().size());
        assertEquals(10, both.episodes().get(0).beatCount());
        // during walking (before the push) the two records agree: the foot model adds gravity once
        for (int i = 100; i < 900; i++) {
            assertEquals(walk.signal().sample(2, i), both.signal().sample(2, i), 1e-9);
        }
        double[] g = meanVector(walk, 0.5, 10.5);
        assertEquals(1, norm(g), 0.1, "one gravity, not two");
        assertThrows(IllegalStateException.class,
                () -> AccSimulator.builder(100, 5, 1).gravity().footSensor(0.1).build());
        assertThrows(IllegalStateException.class, () -> AccSimulator.gyroscope(100, 5, 1).gravity());
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        refused("radiusM", () -> new FootSensor(0.5, 0, 0, 0, 0, 0));
        refused("mountYawDeg", () -> new FootSensor(0.1, 0, 0, 0, 0, 270));
        refused("plantarFraction", () -> AccSimulator.builder(100, 5, 1).ankleOscillation("clonus",
                ClonusPattern.of(1, 5, 6), 3, 0.6));
        refused("amplitude", () -> AccSimulator.builder(100, 5, 1).ankleClonus(ClonusPattern.of(1, 5, 6), 0));
        refused("does not fit", () -> AccSimulator.builder(100, 5, 1).ankleClonus(ClonusPattern.of(4, 10, 6), 3));
        refused("ramp", () -> AccSimulator.builder(100, 5, 1).dorsiflexion(1, 0, 20, 1, 0.3));
        refused("angle", () -> AccSimulator.builder(100, 5, 1).dorsiflexion(1, 0.3, 90, 1, 0.3));
        refused("bits", () -> AccSimulator.builder(100, 5, 1).quantise(2, 4));
        refused("full scale", () -> AccSimulator.builder(100, 5, 1).quantise(0));
        refused("tap amplitude", () -> AccSimulator.builder(100, 5, 1).tap(1, -1));
        refused("bias", () -> AccSimulator.builder(100, 5, 1).biasDrift(-1, 0));
        refused("no whole cycle", () -> AccSimulator.builder(100, 5, 1).ankleTremor(1, 0.05, 10, 0.2));
        refused("at least 40 Hz", () -> AccSimulator.gyroscope(30, 5, 1));
        assertFalse(AccSimulator.builder(40, 1, 1).footSensor(0.1).build().signal().length() == 0);
    }

    // ---- helpers ----

    /** Frequency of the largest peak of the summed axes' periodograms over [fromS, toS), 2–20 Hz. */
    static double dominantHz(SimulatedRecording r, double fromS, double toS) {
        double fs = r.signal().sampleRateHz();
        int i0 = (int) Math.ceil(fromS * fs);
        int i1 = (int) Math.floor(toS * fs);
        double[] sum = null;
        Spectrum last = null;
        for (int ax = 0; ax < 3; ax++) {
            last = Spectrum.periodogram(r.signal().toArray(ax), i0, i1, fs, 16384);
            if (sum == null) {
                sum = new double[last.size()];
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += last.psdAt(i);
            }
        }
        int best = -1;
        for (int i = 0; i < sum.length; i++) {
            double f = last.frequencyAt(i);
            if (f >= 2 && f <= Math.min(20, fs / 2) && (best < 0 || sum[i] > sum[best])) {
                best = i;
            }
        }
        return last.frequencyAt(best);
    }

    static double[] principalAxis(SimulatedRecording r, int from, int to) {
        double[][] x = new double[3][];
        for (int ax = 0; ax < 3; ax++) {
            x[ax] = r.signal().toArray(ax);
        }
        return principalAxis(x, from, to);
    }

    /** Unit eigenvector of the largest eigenvalue of the axes' covariance over [from, to), by power iteration. */
    static double[] principalAxis(double[][] x, int from, int to) {
        double[] m = new double[3];
        for (int ax = 0; ax < 3; ax++) {
            for (int i = from; i < to; i++) {
                m[ax] += x[ax][i];
            }
            m[ax] /= to - from;
        }
        double[][] c = new double[3][3];
        for (int i = from; i < to; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a][b] += (x[a][i] - m[a]) * (x[b][i] - m[b]);
                }
            }
        }
        double[] u = {1, 0.5, 0.25};
        for (int it = 0; it < 200; it++) {
            double[] v = new double[3];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    v[a] += c[a][b] * u[b];
                }
            }
            double n = norm(v);
            for (int a = 0; a < 3; a++) {
                u[a] = v[a] / n;
            }
        }
        return u;
    }

    static double[] project(SimulatedRecording r, double[] u) {
        double[] p = new double[r.signal().length()];
        for (int i = 0; i < p.length; i++) {
            for (int ax = 0; ax < 3; ax++) {
                p[i] += u[ax] * r.signal().sample(ax, i);
            }
        }
        return p;
    }

    static int argmax(double[] v, double fs, double fromS, double toS) {
        int lo = Math.max(0, (int) Math.ceil(fromS * fs));
        int hi = Math.min(v.length, (int) Math.ceil(toS * fs));
        int best = lo;
        for (int i = lo; i < hi; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static int argmaxAbs(double[] v, double fs, double fromS, double toS) {
        int lo = Math.max(0, (int) Math.ceil(fromS * fs));
        int hi = Math.min(v.length, (int) Math.ceil(toS * fs));
        int best = lo;
        for (int i = lo; i < hi; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }

    static double[] meanVector(SimulatedRecording r, double fromS, double toS) {
        double fs = r.signal().sampleRateHz();
        double[] m = new double[3];
        for (int ax = 0; ax < 3; ax++) {
            m[ax] = meanOf(r.signal().toArray(ax), fromS * fs, toS * fs);
        }
        return m;
    }

    static double meanOf(double[] x, double from, double to) {
        double s = 0;
        int n = 0;
        for (int i = (int) Math.ceil(from); i < Math.min(x.length, (int) Math.floor(to)); i++) {
            s += x[i];
            n++;
        }
        return s / n;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
