package io.clonus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Simulated records for accuracy tests, with parameters drawn from the published ranges of clonus physiology
 * rather than fixed values. Every list is deterministic: the same call gives the same records, bit for bit.
 *
 * <p>Three families:
 * <ul>
 * <li>{@link #emg()}: clonus as motor-unit volleys ({@link EmgSimulator.Builder#clonusVolleys}), rows by
 * burst-to-background ratio ({@link #EMG_ROWS}: 10, 20, 30 dB and a 3–15× spread). In each row, runs of 3 and 4
 * beats (dying out: decay 0.75–0.9, first beat 1.3–2× the others), 5, 8, 15 and 30 beats, four records of each,
 * plus four records holding two or three runs. Frequencies 5.2–7.8 Hz (a quarter of the records pushed
 * towards the band edges: 7.6–7.8 Hz, or 5.3 Hz slowing by 1 Hz at the end on long runs), jitter 1–7 %, onset
 * slowing 0–2 Hz in half of the runs and end slowing 0–2 Hz in a third, sample rates cycling through 1000, 1024,
 * 2000, 2048 and 4000 Hz, mains hum (50 or 60 Hz) in a third, baseline drift in a third (half of those on a DC
 * offset of 10³–10⁵ × the burst amplitude), a tonic contraction under the run in a fifth, the first run starting
 * in the first second in a quarter.</li>
 * <li>{@link #acc()}: ankle clonus from the kinematics model ({@link AccSimulator.Builder#ankleClonus}), rows
 * by amplitude for accelerometer and gyroscope ({@link #ACC_ROWS}): large (half swing 2–5°), medium (0.5–2°)
 * and near noise (a typical oscillation of 3–6 × the sensor noise RMS, 0.003–0.02 g or 0.1–1 deg/s, so a small
 * fraction of a degree); sensor 5–15 cm from the ankle axis, placed at random; 3, 4, 5, 8, 15 and 30 cycles, three records of
 * each; sample rates cycling through 50, 52, 64, 100, 104, 128 and 200 Hz; 16-bit quantisation in half (full
 * scale the smallest of ±2/4/8/16 g or ±125–2000 deg/s that holds the push and the clonus); gyroscope bias
 * drift in half.</li>
 * <li>{@link #lookAlikes()}: every look-alike of both simulators, each at three seeds and amplitudes, rows
 * {@link #LOOK_ALIKE_ROWS}; a perfect detector calls all of them NONE.</li>
 * </ul>
 *
 * <p>The realised mean frequency of every clonus run is kept inside 5.05–7.95 Hz (a record whose draw falls
 * outside is drawn again from the next seed), so that the truth is unambiguous near the band edges; the truth
 * itself is always the realised one. Records last 5–20 s; {@link #all()} holds about 300.
 */
public final class PhysiologyGrid {
    /** EMG rows: burst RMS over background RMS. */
    public static final List<String> EMG_ROWS = List.of("EMG 10 dB", "EMG 20 dB", "EMG 30 dB", "EMG 3-15x");
    /** Accelerometer and gyroscope rows by oscillation amplitude. */
    public static final List<String> ACC_ROWS = List.of("ACC large", "ACC medium", "ACC near noise", "GYRO large",
            "GYRO medium", "GYRO near noise");
    /** Look-alike rows by sensor. */
    public static final List<String> LOOK_ALIKE_ROWS = List.of("look-alike EMG", "look-alike ACC",
            "look-alike GYRO");

    private static final double[] EMG_RATES = {1000, 1024, 2000, 2048, 4000};
    private static final double[] ACC_RATES = {50, 52, 64, 100, 104, 128, 200};
    private static final int[] BEATS = {3, 4, 5, 8, 15, 30};
    private static final double LOW_HZ = 5.05;
    private static final double HIGH_HZ = 7.95;

    private PhysiologyGrid() {
    }

    /**
     * One simulated record of the grid.
     *
     * @param name unique name saying what it holds
     * @param row  the row it belongs to (one of {@link #EMG_ROWS}, {@link #ACC_ROWS}, {@link #LOOK_ALIKE_ROWS})
     * @param sim  the record and its truth
     */
    public record Case(String name, String row, SimulatedRecording sim) {
    }

    /** @return the EMG, accelerometer/gyroscope and look-alike cases, in that order */
    public static List<Case> all() {
        List<Case> all = new ArrayList<>(emg());
        all.addAll(acc());
        all.addAll(lookAlikes());
        return all;
    }

    /** @return the EMG clonus cases, {@link #EMG_ROWS} in order, 28 each */
    public static List<Case> emg() {
        List<Case> out = new ArrayList<>();
        for (int r = 0; r < EMG_ROWS.size(); r++) {
            String row = EMG_ROWS.get(r);
            double db = r < 3 ? 10 + 10 * r : Double.NaN;
            int idx = 0;
            for (; idx < 4 * BEATS.length; idx++) {
                out.add(singleRun(row, db, idx, 1_000_000L * (r + 1) + 1000L * idx));
            }
            for (int v = 0; v < 4; v++) {
                int i = idx++;
                long seed = 1_000_000L * (r + 1) + 1000L * i;
                out.add(firstAccepted(seed, s -> {
                    SplittableRandom d = new SplittableRandom(s ^ 0x5DEECE66DL);
                    int runs = 2 + d.nextInt(2);
                    int[] beats = new int[runs];
                    for (int k = 0; k < runs; k++) {
                        beats[k] = new int[] {3, 4, 5, 8, 12}[d.nextInt(5)];
                    }
                    return emgCase(row, db, i, beats, s);
                }));
            }
        }
        return out;
    }

    /**
     * The single-run EMG cases of {@link #emg()} drawn again from other seeds: a check that floors set on
     * {@link #emg()} do not rest on its particular draws.
     *
     * @param variants how many sets of the 24 single-run cases per row
     * @return cases whose row is an {@link #EMG_ROWS} name followed by " redrawn"
     */
    public static List<Case> emgRedrawn(int variants) {
        List<Case> out = new ArrayList<>();
        for (int r = 0; r < EMG_ROWS.size(); r++) {
            String row = EMG_ROWS.get(r) + " redrawn";
            double db = r < 3 ? 10 + 10 * r : Double.NaN;
            for (int var = 0; var < variants; var++) {
                for (int i = 0; i < 4 * BEATS.length; i++) {
                    out.add(singleRun(row, db, i, 55_000_000L + 1_000_000L * r + 100_000L * var + 1000L * i));
                }
            }
        }
        return out;
    }

    /** @return the accelerometer and gyroscope clonus cases, {@link #ACC_ROWS} in order, 18 each */
    public static List<Case> acc() {
        List<Case> out = new ArrayList<>();
        for (int r = 0; r < ACC_ROWS.size(); r++) {
            String row = ACC_ROWS.get(r);
            boolean gyro = r >= 3;
            int size = r % 3;
            int idx = 0;
            for (int cycles : BEATS) {
                for (int v = 0; v < 3; v++) {
                    int i = idx++;
                    long seed = 7_000_000L + 1_000_000L * r + 1000L * i;
                    out.add(firstAccepted(seed, s -> accCase(row, gyro, size, i, cycles, s)));
                }
            }
        }
        return out;
    }

    /**
     * @return the look-alikes, three of each kind (different seeds, sample rates and amplitudes), rows
     *         {@link #LOOK_ALIKE_ROWS}; for every one, {@code sim.expected(DetectorConfig.defaults())} is NONE
     */
    public static List<Case> lookAlikes() {
        List<Case> out = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            long s = 90_000_000L + 1000L * v;
            SplittableRandom d = new SplittableRandom(s);
            double fs = EMG_RATES[(2 * v + 1) % EMG_RATES.length];
            double noise = u(d, 2, 8);
            double a = noise * u(d, 5, 20);
            String row = LOOK_ALIKE_ROWS.get(0);
            out.add(c(row, v, "tonic contraction", EmgSimulator.builder(fs, 12, s + 1).noise(noise)
                    .tonic(u(d, 0, 2), u(d, 6, 9), a, u(d, 0.2, 0.4)).build()));
            out.add(c(row, v, "tonic contraction swinging at 6 Hz", EmgSimulator.builder(fs, 12, s + 2).noise(noise)
                    .tonic(1, 10, a, 0.2, u(d, 5.5, 7), u(d, 0.2, 0.4)).build()));
            out.add(c(row, v, "voluntary bursts", EmgSimulator.builder(fs, 15, s + 3).noise(noise)
                    .voluntaryBursts(u(d, 0.5, 1.5), 8, a).build()));
            out.add(c(row, v, "movement artefacts", EmgSimulator.builder(fs, 10, s + 4).noise(noise)
                    .artefact(u(d, 1, 3), a * u(d, 5, 20)).artefact(u(d, 5, 8), a * u(d, 5, 20)).build()));
            out.add(c(row, v, "gait EMG", EmgSimulator.builder(fs, 15, s + 5).noise(noise)
                    .gait(0.5, 14, u(d, 0.8, 1.0), a).build()));
            out.add(c(row, v, "single motor unit (needle)", EmgSimulator.builder(4000, 12, s + 6).noise(noise / 2)
                    .motorUnit(1, 10, u(d, 5.5, 9), a * 2).build()));
            out.add(c(row, v, "irregular motor units (SCI)", EmgSimulator.builder(fs, 12, s + 7).noise(noise)
                    .motorUnits(0.5, 11, 2 + d.nextInt(4), 6, 12, a).build()));
            out.add(c(row, v, "ECG contamination", EmgSimulator.builder(fs, 12, s + 8).noise(noise)
                    .ecg(0, 12, u(d, 1, 1.7), a * u(d, 1, 4)).build()));
            out.add(c(row, v, "myoclonic jerks", EmgSimulator.builder(fs, 15, s + 9).noise(noise)
                    .myoclonus(u(d, 0.5, 1.5), 12, a).build()));
            EmgSimulator.Builder twos = EmgSimulator.builder(fs, 12, s + 10).noise(noise);
            double t = u(d, 0.5, 1.5);
            for (int k = 0; k < 4; k++) {
                ClonusPattern p = ClonusPattern.builder(t, 2, u(d, 5.2, 7.8)).jitter(u(d, 0.01, 0.07))
                        .firstBeatGain(u(d, 1, 2)).build();
                twos.clonusVolleys(p, a);
                t = p.nominalEndS() + u(d, 1.2, 2.5);
            }
            out.add(c(row, v, "runs of two clonus beats", twos.build()));
            out.add(c(row, v, "volleys at 3-4 Hz", EmgSimulator.builder(fs, 12, s + 11).noise(noise)
                    .volleys("rhythm", ClonusPattern.builder(u(d, 0.5, 1.5), 30, u(d, 3, 4)).build(), a).build()));
            out.add(c(row, v, "volleys at 9-12 Hz", EmgSimulator.builder(fs, 12, s + 12).noise(noise)
                    .volleys("rhythm", ClonusPattern.builder(u(d, 0.5, 1.5), 80, u(d, 9, 12)).build(), a, 0.015, 0.04)
                    .build()));
            out.add(c(row, v, "cable motion", EmgSimulator.builder(fs, 12, s + 13).noise(noise)
                    .cableMotion(u(d, 1, 2), u(d, 6, 9), a * u(d, 5, 30)).build()));
            out.add(c(row, v, "DC offset and drift", EmgSimulator.builder(fs, 10, s + 14).noise(noise)
                    .mains(d.nextBoolean() ? 50 : 60, noise * u(d, 0.5, 3))
                    .drift(a * Math.pow(10, u(d, 3, 5)), a * u(d, 1, 20)).build()));
            out.add(c(row, v, "EMG bursts at 10 Hz (tremor)", EmgSimulator.builder(fs, 12, s + 15).noise(noise)
                    .bursts("tremor", 1, 90, u(d, 9.5, 11), a, 0.04, 0.03, 1).build()));

            double afs = ACC_RATES[(3 * v + 1) % ACC_RATES.length];
            double gn = u(d, 0.003, 0.01);
            String accRow = LOOK_ALIKE_ROWS.get(1);
            out.add(c(accRow, v, "dorsiflexion push and hold without clonus", AccSimulator.builder(afs, 8, s + 20)
                    .noise(gn).dorsiflexion(u(d, 1, 2), u(d, 0.2, 0.5), u(d, 10, 25), u(d, 1, 4), u(d, 0.2, 0.5))
                    .build()));
            out.add(c(accRow, v, "taps on the sensor", AccSimulator.builder(afs, 12, s + 21).noise(gn)
                    .footSensor(u(d, 0.05, 0.15)).taps(u(d, 0.5, 1.5), 8, u(d, 0.2, 2)).build()));
            out.add(c(accRow, v, "ankle physiological tremor 9-12 Hz", AccSimulator.builder(afs, 12, s + 22).noise(gn)
                    .ankleTremor(u(d, 0.5, 1.5), 9, u(d, 9, 12), u(d, 0.05, 0.3)).build()));
            out.add(c(accRow, v, "ankle shaking at 3 Hz", AccSimulator.builder(afs, 12, s + 23).noise(gn)
                    .ankleShaking(u(d, 0.5, 1.5), 9, u(d, 2.7, 3.3), u(d, 3, 10)).build()));
            out.add(c(accRow, v, "walking with a foot sensor", AccSimulator.builder(afs, 15, s + 24).noise(gn)
                    .footSensor(u(d, 0.05, 0.15)).walking(0.5, 14, u(d, 1.6, 2.0), u(d, 0.2, 0.5)).build()));
            out.add(c(accRow, v, "walking", AccSimulator.builder(afs, 15, s + 25).gravity().noise(gn)
                    .walking(0.5, 14, u(d, 1.6, 2.0), u(d, 0.2, 0.5)).build()));
            out.add(c(accRow, v, "posture hold", AccSimulator.builder(afs, 15, s + 26).gravity().noise(gn / 2)
                    .posture(0, 15, u(d, 0.01, 0.03)).build()));
            out.add(c(accRow, v, "slow shaking rich in harmonics", AccSimulator.builder(afs, 12, s + 27).gravity()
                    .noise(gn).shaking(1, 10, u(d, 2.2, 3.2), u(d, 0.1, 0.4)).build()));
            out.add(c(accRow, v, "accelerometer tremor 9-12 Hz", AccSimulator.builder(afs, 12, s + 28).gravity()
                    .noise(gn).tremor(1, 10, u(d, 9, 12), u(d, 0.03, 0.15)).build()));

            double gnoise = u(d, 0.1, 0.5);
            String gyroRow = LOOK_ALIKE_ROWS.get(2);
            out.add(c(gyroRow, v, "dorsiflexion push and hold without clonus", AccSimulator.gyroscope(afs, 8, s + 30)
                    .noise(gnoise).biasDrift(u(d, 0.5, 3), u(d, 0.01, 0.1))
                    .dorsiflexion(u(d, 1, 2), u(d, 0.2, 0.5), u(d, 10, 25), u(d, 1, 4), u(d, 0.2, 0.5)).quantise(500)
                    .build()));
            out.add(c(gyroRow, v, "taps on the sensor", AccSimulator.gyroscope(afs, 12, s + 31).noise(gnoise)
                    .footSensor(u(d, 0.05, 0.15)).taps(u(d, 0.5, 1.5), 8, u(d, 5, 50)).build()));
            out.add(c(gyroRow, v, "ankle physiological tremor 9-12 Hz", AccSimulator.gyroscope(afs, 12, s + 32)
                    .noise(gnoise).ankleTremor(u(d, 0.5, 1.5), 9, u(d, 9, 12), u(d, 0.05, 0.3)).build()));
            out.add(c(gyroRow, v, "ankle shaking at 3 Hz", AccSimulator.gyroscope(afs, 12, s + 33).noise(gnoise)
                    .ankleShaking(u(d, 0.5, 1.5), 9, u(d, 2.7, 3.3), u(d, 3, 10)).quantise(1000).build()));
            out.add(c(gyroRow, v, "foot at rest, bias drift", AccSimulator.gyroscope(afs, 15, s + 34).noise(gnoise)
                    .biasDrift(u(d, 0.5, 3), u(d, 0.05, 0.2)).footSensor(u(d, 0.05, 0.15)).build()));
        }
        return out;
    }

    // ---- EMG ----

    private static Case emgCase(String row, double db, int i, int[] runBeats, long seed) {
        SplittableRandom d = new SplittableRandom(seed);
        double fs = EMG_RATES[i % EMG_RATES.length];
        double noise = u(d, 2, 10);
        double amplitude = noise * (Double.isNaN(db) ? Math.exp(u(d, Math.log(3), Math.log(15))) : Math.pow(10, db / 20));
        boolean early = i % 4 == 0;
        boolean edge = i % 4 == 3;
        double t = early ? u(d, 0.15, 0.9) : u(d, 1, 3);
        List<ClonusPattern> runs = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int b : runBeats) {
            ClonusPattern p = pattern(d, t, b, edge && runs.isEmpty());
            runs.add(p);
            t = p.nominalEndS() + u(d, 1.5, 3);
        }
        double duration = Math.max(5, Math.min(20, Math.ceil(t + u(d, 0, 1.5))));
        EmgSimulator.Builder sim = EmgSimulator.builder(fs, duration, seed).noise(noise);
        List<String> extras = new ArrayList<>();
        if (d.nextDouble() < 1 / 3.0) {
            double hz = d.nextBoolean() ? 50 : 60;
            sim.mains(hz, noise * u(d, 0.5, 5));
            extras.add(String.format(Locale.ROOT, "mains %.0f Hz", hz));
        }
        if (d.nextDouble() < 1 / 3.0) {
            boolean dc = d.nextBoolean();
            double offset = dc ? amplitude * Math.pow(10, u(d, 3, 5)) : 0;
            sim.drift(offset, noise * u(d, 1, 20));
            extras.add(dc ? String.format(Locale.ROOT, "DC offset %.1e", offset) : "drift");
        }
        if (d.nextDouble() < 0.2) {
            double from = Math.max(0, runs.get(0).startS() - u(d, 0.3, 1));
            sim.tonic(from, duration - from, amplitude * u(d, 0.1, 0.3), 0.2);
            extras.add("on tonic contraction");
        }
        for (ClonusPattern p : runs) {
            sim.clonusVolleys(p, amplitude);
        }
        SimulatedRecording rec = sim.build();
        for (TrueEpisode e : rec.episodes()) {
            name.append(name.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%d beats %.2f Hz",
                    e.beatCount(), e.frequencyHz()));
        }
        name.append(String.format(Locale.ROOT, ", %.0f Hz, start %.2f s", fs, runs.get(0).startS()));
        if (edge) {
            name.append(", near band edge");
        }
        for (String x : extras) {
            name.append(", ").append(x);
        }
        return new Case(String.format(Locale.ROOT, "%s #%02d: %s", row, i, name), row, rec);
    }

    /** Case i of a row's single runs: four records each of {@link #BEATS}[i / 4] beats, drawn from seed on. */
    private static Case singleRun(String row, double db, int i, long seed) {
        int beats = BEATS[i / 4];
        return firstAccepted(seed, s -> emgCase(row, db, i, new int[] {beats}, s));
    }

    /** Draws a clonus pattern from the published ranges; short runs die out with the first beat largest. */
    private static ClonusPattern pattern(SplittableRandom d, double startS, int beats, boolean edge) {
        double f = u(d, 5.2, 7.8);
        double endSlowing = d.nextDouble() < 1 / 3.0 ? u(d, 0, 2) : 0;
        if (edge) {
            if (beats >= 15) {
                f = 5.3;
                endSlowing = 1;
            } else {
                f = u(d, 7.6, 7.8);
            }
        }
        ClonusPattern.Builder b = ClonusPattern.builder(startS, beats, f).jitter(u(d, 0.01, 0.07))
                .onsetSlowingHz(d.nextBoolean() ? u(d, 0, 2) : 0).endSlowingHz(endSlowing)
                .amplitudeVariation(u(d, 0.1, 0.4));
        if (beats <= 4) {
            b.decay(u(d, 0.75, 0.9)).firstBeatGain(u(d, 1.3, 2));
        } else {
            b.firstBeatGain(d.nextBoolean() ? u(d, 1, 1.5) : 1);
        }
        return b.build();
    }

    // ---- accelerometer / gyroscope ----

    private static Case accCase(String row, boolean gyro, int size, int i, int cycles, long seed) {
        SplittableRandom d = new SplittableRandom(seed);
        double fs = ACC_RATES[i % ACC_RATES.length];
        double start = i % 3 == 0 ? u(d, 0.3, 1) : u(d, 1.5, 3);
        ClonusPattern p = pattern(d, start, cycles, false).toBuilder().amplitudeVariation(u(d, 0.1, 0.3)).build();
        double duration = Math.max(5, Math.min(20, Math.ceil(p.nominalEndS() + u(d, 2, 3))));
        FootSensor sensor = FootSensor.random(d);
        double w = 2 * Math.PI * p.frequencyHz();
        double noise = gyro ? u(d, 0.1, 1) : u(d, 0.003, 0.02);
        // typical oscillation per radian of half swing: angular velocity (deg/s), or tangential acceleration
        // plus about half of the gravity swing (g)
        double perRad = gyro ? Math.toDegrees(w) : sensor.radiusM() * w * w / AccSimulator.G0 + 0.5;
        double amplitudeDeg = switch (size) {
            case 0 -> u(d, 2, 5);
            case 1 -> u(d, 0.5, 2);
            default -> Math.toDegrees(u(d, 3, 6) * noise / perRad);
        };
        double typical = Math.toRadians(amplitudeDeg) * perRad;
        // room for gravity, the push (up to about 1 g or 240 deg/s) and a first beat twice the typical size
        double fullScale = gyro
                ? smallestAbove(new double[] {125, 250, 500, 1000, 2000}, 1.3 * Math.max(240, 2.5 * typical))
                : smallestAbove(new double[] {2, 4, 8, 16}, 1.3 * (2 + 2.5 * typical));
        AccSimulator.Builder sim = (gyro ? AccSimulator.gyroscope(fs, duration, seed)
                : AccSimulator.builder(fs, duration, seed)).footSensor(sensor).noise(noise);
        List<String> extras = new ArrayList<>();
        if (gyro && d.nextBoolean()) {
            sim.biasDrift(u(d, 0.5, 3), u(d, 0.01, 0.1));
            extras.add("bias drift");
        }
        sim.ankleClonus(p, amplitudeDeg);
        if (d.nextBoolean()) {
            sim.quantise(fullScale);
            extras.add(String.format(Locale.ROOT, "16 bit +-%.0f %s", fullScale, gyro ? "deg/s" : "g"));
        }
        SimulatedRecording rec = sim.build();
        TrueEpisode e = rec.episodes().get(0);
        StringBuilder name = new StringBuilder(String.format(Locale.ROOT, "%s #%02d: %d cycles %.2f Hz, %.2f deg, "
                + "%.0f Hz, start %.2f s", row, i, e.beatCount(), e.frequencyHz(), amplitudeDeg, fs, start));
        for (String x : extras) {
            name.append(", ").append(x);
        }
        return new Case(name.toString(), row, rec);
    }

    private static double smallestAbove(double[] options, double need) {
        for (double o : options) {
            if (o >= need) {
                return o;
            }
        }
        return options[options.length - 1];
    }

    // ---- helpers ----

    /** Builds from seed, seed + 7919, … until every clonus run's realised frequency is inside 5.05–7.95 Hz. */
    private static Case firstAccepted(long seed, LongFunction<Case> make) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Case c = make.apply(seed + 7919L * attempt);
            boolean ok = !c.sim().episodes().isEmpty();
            for (TrueEpisode e : c.sim().episodes()) {
                ok &= e.frequencyHz() >= LOW_HZ && e.frequencyHz() <= HIGH_HZ;
            }
            if (ok) {
                return c;
            }
        }
        throw new IllegalStateException("no draw from seed " + seed + " keeps the runs inside 5.05-7.95 Hz");
    }

    private static Case c(String row, int variant, String what, SimulatedRecording sim) {
        return new Case(String.format(Locale.ROOT, "%s: %s (%c, %.0f Hz)", row, what, (char) ('a' + variant),
                sim.signal().sampleRateHz()), row, sim);
    }

    private static double u(SplittableRandom d, double lo, double hi) {
        return lo + (hi - lo) * d.nextDouble();
    }
}
