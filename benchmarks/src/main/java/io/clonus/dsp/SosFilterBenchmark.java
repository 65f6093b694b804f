package io.clonus.dsp;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the filtering hot loop in samples per microsecond (x 1e6 = samples/s). Target: a
 * 4-section band-pass (butter(4, [20, 450], fs=2000)) above 150 million samples/s.
 * Run alone: {@code mvn -Pbench -DskipTests verify -Dbench.scipy.skip=true -Djmh.args="-f 1 -wi 3 -i 5 SosFilterBenchmark"};
 * {@code mvn -Pbench -DskipTests verify} runs it with all the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SosFilterBenchmark {
    static final int N = 1 << 16;

    /** Butterworth band-pass order: the number of sections. */
    @Param({"1", "2", "4", "8"})
    int sections;

    SosFilter filter;
    double[] x;
    double[] y;
    double[] padded;
    Sos sos;

    @Setup
    public void setUp() {
        sos = Butterworth.bandPass(sections, 20, 450, 2000);
        filter = SosFilter.of(sos);
        Random r = new Random(1);
        x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextGaussian();
        }
        y = new double[N];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] sosFilterBlock() {
        filter.process(x, 0, y, 0, N);
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] zeroPhase() {
        ZeroPhase.filtfilt(sos, x, y);
        return y;
    }
}
