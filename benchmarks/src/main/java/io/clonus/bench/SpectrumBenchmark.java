package io.clonus.bench;

import io.clonus.dsp.Autocorrelation;
import io.clonus.dsp.PeakFinder;
import io.clonus.dsp.Spectrum;
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
 * The spectral helpers over 60 s of simulated 2 kHz EMG (120,000 samples). Scores are input samples per
 * second.
 *
 * <ul>
 * <li>{@code welch}: {@link Spectrum#welch}, 2048-sample Hann segments, half overlapping.</li>
 * <li>{@code autocorrelation}: {@link Autocorrelation#normalized}, lags up to 1 s (2000 samples).</li>
 * <li>{@code peaks}: {@link PeakFinder#find} with a minimum distance of 50 ms and a prominence of 20.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpectrumBenchmark {
    static final int N = Inputs.EMG_60S;

    double[] x;
    PeakFinder.Options peakOptions;

    @Setup
    public void setUp() {
        x = Inputs.emg60s().toArray(0);
        peakOptions = PeakFinder.Options.none().withMinDistance(100).withMinProminence(20);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Spectrum welch() {
        return Spectrum.welch(x, Inputs.EMG_FS, 2048, 1024);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] autocorrelation() {
        return Autocorrelation.normalized(x, 2000);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int[] peaks() {
        return PeakFinder.find(x, peakOptions);
    }
}
