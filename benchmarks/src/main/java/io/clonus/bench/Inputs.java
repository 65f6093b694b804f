package io.clonus.bench;

import io.clonus.detect.Signal;
import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The deterministic simulated inputs every benchmark uses. Built once per JMH fork (the simulator is
 * seeded, so every run measures the same samples).
 */
final class Inputs {
    /** EMG sample rate, Hz. */
    static final double EMG_FS = 2000;
    /** Accelerometer sample rate, Hz. */
    static final double ACC_FS = 100;
    /** Samples in 60 s of EMG at 2 kHz. */
    static final int EMG_60S = 120_000;
    /** Samples per axis in 60 s of accelerometer at 100 Hz. */
    static final int ACC_60S = 6_000;
    /** Samples in one hour of EMG at 2 kHz. */
    static final int EMG_1H = 7_200_000;

    private static Signal emg60s;
    private static Signal emg60sNoHum;
    private static Signal acc60s;
    private static Signal emg1h;

    private Inputs() {
    }

    /**
     * 60 s of 2 kHz EMG: background noise, 50 Hz hum and baseline drift (so the mains canceller runs, as on
     * a real recording), three clonus episodes (sustained and unsustained) and a tonic contraction.
     */
    static synchronized Signal emg60s() {
        if (emg60s == null) {
            emg60s = EmgSimulator.builder(EMG_FS, 60, 20_251_123L).noise(5).mains(50, 8).drift(100, 20)
                    .clonus(5, 4, 6.5, 80).tonic(12, 4, 50, 0.3).clonus(20, 40, 7, 80).clonus(40, 12, 5.5, 60)
                    .build().signal();
            check(emg60s, EMG_60S);
        }
        return emg60s;
    }

    /** {@link #emg60s()} without the hum: the mains canceller stays off. */
    static synchronized Signal emg60sNoHum() {
        if (emg60sNoHum == null) {
            emg60sNoHum = EmgSimulator.builder(EMG_FS, 60, 20_251_123L).noise(5).drift(100, 20)
                    .clonus(5, 4, 6.5, 80).tonic(12, 4, 50, 0.3).clonus(20, 40, 7, 80).clonus(40, 12, 5.5, 60)
                    .build().signal();
            check(emg60sNoHum, EMG_60S);
        }
        return emg60sNoHum;
    }

    /** 60 s of 100 Hz triaxial accelerometer: gravity on a tilting sensor, noise, slow movement, two clonus episodes. */
    static synchronized Signal acc60s() {
        if (acc60s == null) {
            acc60s = AccSimulator.builder(ACC_FS, 60, 20_251_124L).gravity().noise(0.01).slowMovement(0.03)
                    .clonus(5, 4, 6.5, 0.3).clonus(20, 40, 6, 0.4).build().signal();
            check(acc60s, ACC_60S);
        }
        return acc60s;
    }

    /** One hour of 2 kHz EMG: noise, hum and drift, a clonus episode every 5 minutes and some tonic activity. */
    static synchronized Signal emg1h() {
        if (emg1h == null) {
            EmgSimulator.Builder b = EmgSimulator.builder(EMG_FS, 3600, 20_251_125L).noise(5).mains(50, 8)
                    .drift(100, 20);
            for (int k = 0; k < 12; k++) {
                double t = 60 + 300 * k;
                b.clonus(t, k % 3 == 0 ? 4 : 30, 5.5 + 0.2 * k, 80);
            }
            b.tonic(1000, 20, 50, 0.3).tonic(2500, 20, 50, 0.3);
            emg1h = b.build().signal();
            check(emg1h, EMG_1H);
        }
        return emg1h;
    }

    private static void check(Signal s, int n) {
        if (s.length() != n) {
            throw new IllegalStateException("expected " + n + " samples, got " + s.length());
        }
    }

    /**
     * Writes the 60 s EMG as little-endian float64 to {@code target/bench-emg60s.f64}, so that
     * {@code benchmarks/scipy_bench.py} filters exactly the same samples. Best effort: a benchmark does
     * not fail for it.
     */
    static void dumpEmg60s() {
        Path out = Path.of("target", "bench-emg60s.f64");
        double[] x = emg60s().toArray(0);
        ByteBuffer bb = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.asDoubleBuffer().put(x);
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, bb.array());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not write " + out + ": " + e);
        }
    }
}
