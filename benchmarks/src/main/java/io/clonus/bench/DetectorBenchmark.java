package io.clonus.bench;

import io.clonus.detect.ClonusDetector;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import io.clonus.detect.StreamingDetector;
import io.clonus.sim.EmgSimulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole detection with the default configuration. Scores are input samples per second (per axis for the
 * accelerometer: one sample = one x, y, z triple).
 *
 * <ul>
 * <li>{@code emgOffline60s}: {@code ClonusDetector.analyze} of 60 s of 2 kHz EMG with hum, drift, three
 *     clonus episodes and a tonic contraction (mains detection, canceller and all).</li>
 * <li>{@code emgOffline60sNoHum}: the same record without the 50 Hz hum, so the mains canceller is off.</li>
 * <li>{@code accOffline60s}: the same for 60 s of 100 Hz triaxial accelerometer.</li>
 * <li>{@code emgStreaming60s}: a new {@link StreamingDetector} fed the 60 s EMG in chunks of 256 samples,
 *     then {@code finish()}.</li>
 * <li>{@code emgOffline1h}: {@code analyze} of one hour of 2 kHz EMG (7.2 million samples).</li>
 * <li>{@code emgStreamingSteadyState}: 4096 samples (16 chunks of 256) into an already warm streaming
 *     detector that never finishes, fed from a quiet EMG loop (noise, hum, drift); with {@code -prof gc},
 *     {@code gc.alloc.rate.norm / 4096} is the allocation per sample in steady state.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectorBenchmark {
    static final int CHUNK = 256;
    static final int STEADY_OP = 4096;

    /** The inputs and a detector, shared by the offline benchmarks. */
    @State(Scope.Thread)
    public static class Offline {
        ClonusDetector detector;
        Signal emg60s;
        Signal emg60sNoHum;
        Signal acc60s;
        double[] emg60sArray;

        @Setup
        public void setUp() {
            detector = ClonusDetector.create();
            emg60s = Inputs.emg60s();
            emg60sNoHum = Inputs.emg60sNoHum();
            acc60s = Inputs.acc60s();
            emg60sArray = emg60s.toArray(0);
        }
    }

    /** The one-hour record, built only for the benchmark that uses it. */
    @State(Scope.Thread)
    public static class LongRecord {
        ClonusDetector detector;
        Signal emg1h;

        @Setup
        public void setUp() {
            detector = ClonusDetector.create();
            emg1h = Inputs.emg1h();
        }
    }

    /** A streaming detector past its start-up, fed forever from a quiet loop. */
    @State(Scope.Thread)
    public static class Warm {
        StreamingDetector detector;
        double[] loop;
        int position;

        @Setup
        public void setUp() {
            loop = EmgSimulator.builder(Inputs.EMG_FS, 30, 20_251_126L).noise(5).mains(50, 8).drift(100, 20).build()
                    .signal().toArray(0);
            detector = StreamingDetector.create(DetectorConfig.defaults(), io.clonus.detect.SignalType.EMG, "EMG",
                    Inputs.EMG_FS, 1, null);
            // past the mains probe and every start-up buffer
            for (int i = 0; i + CHUNK <= loop.length; i += CHUNK) {
                detector.accept(loop, i, CHUNK);
            }
            position = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(Inputs.EMG_60S)
    public ClonusResult emgOffline60s(Offline s) {
        return s.detector.analyze(s.emg60s);
    }

    @Benchmark
    @OperationsPerInvocation(Inputs.EMG_60S)
    public ClonusResult emgOffline60sNoHum(Offline s) {
        return s.detector.analyze(s.emg60sNoHum);
    }

    @Benchmark
    @OperationsPerInvocation(Inputs.ACC_60S)
    public ClonusResult accOffline60s(Offline s) {
        return s.detector.analyze(s.acc60s);
    }

    @Benchmark
    @OperationsPerInvocation(Inputs.EMG_60S)
    public ClonusResult emgStreaming60s(Offline s) {
        StreamingDetector d = StreamingDetector.create(DetectorConfig.defaults(), s.emg60s.type(), s.emg60s.label(),
                s.emg60s.sampleRateHz(), 1, null);
        double[] x = s.emg60sArray;
        for (int i = 0; i < x.length; i += CHUNK) {
            d.accept(x, i, Math.min(CHUNK, x.length - i));
        }
        return d.finish();
    }

    @Benchmark
    @OperationsPerInvocation(Inputs.EMG_1H)
    public ClonusResult emgOffline1h(LongRecord s) {
        return s.detector.analyze(s.emg1h);
    }

    @Benchmark
    @OperationsPerInvocation(STEADY_OP)
    public long emgStreamingSteadyState(Warm s) {
        StreamingDetector d = s.detector;
        double[] x = s.loop;
        int p = s.position;
        for (int k = 0; k < STEADY_OP / CHUNK; k++) {
            if (p + CHUNK > x.length) {
                p = 0;
            }
            d.accept(x, p, CHUNK);
            p += CHUNK;
        }
        s.position = p;
        return d.samples();
    }
}
