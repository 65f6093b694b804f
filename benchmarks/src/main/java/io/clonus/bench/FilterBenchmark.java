package io.clonus.bench;

import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;
import io.clonus.dsp.ZeroPhase;
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
 * The EMG band-pass (4th-order Butterworth 20–450 Hz at 2 kHz: four second-order sections) over 60 s of
 * simulated EMG, by this library and by two peer Java libraries. Scores are samples per second.
 *
 * <ul>
 * <li>{@code bandPassForward}: {@link SosFilter#process}, the fused four-section kernel the detector runs.</li>
 * <li>{@code bandPassSectionBySection}: the same four sections as four one-section filters, one pass over
 *     the whole signal each: the obvious loop, for comparison.</li>
 * <li>{@code bandPassZeroPhase}: {@link ZeroPhase#filtfilt} (scipy's {@code sosfiltfilt}): two passes plus
 *     padding.</li>
 * <li>{@code iirjBandPass}: iirj's {@code Butterworth.bandPass(4, fs, centre, width)}, sample by sample
 *     through {@code filter(double)} (its only API).</li>
 * <li>{@code jdspBandPass}: JDSP's {@code Butterworth.bandPassFilter(x, 4, 20, 450)}, which designs an iirj
 *     filter and runs it sample by sample into a new array, per call.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterBenchmark {
    static final int N = Inputs.EMG_60S;
    static final double FS = Inputs.EMG_FS;

    Sos sos;
    SosFilter filter;
    SosFilter[] single;
    uk.me.berndporr.iirj.Butterworth iirj;
    double[] x;
    double[] y;

    @Setup
    public void setUp() {
        x = Inputs.emg60s().toArray(0);
        Inputs.dumpEmg60s();
        y = new double[N];
        sos = Butterworth.bandPass(4, 20, 450, FS);
        filter = SosFilter.of(sos);
        double[][] rows = sos.toArray();
        single = new SosFilter[rows.length];
        for (int s = 0; s < rows.length; s++) {
            single[s] = SosFilter.of(Sos.of(new double[][] {rows[s]}));
        }
        iirj = new uk.me.berndporr.iirj.Butterworth();
        iirj.bandPass(4, FS, (20 + 450) / 2.0, 450 - 20);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] bandPassForward() {
        filter.process(x, 0, y, 0, N);
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] bandPassSectionBySection() {
        single[0].process(x, 0, y, 0, N);
        for (int s = 1; s < single.length; s++) {
            single[s].process(y, 0, y, 0, N);
        }
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] bandPassZeroPhase() {
        ZeroPhase.filtfilt(sos, x, y);
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] iirjBandPass() {
        uk.me.berndporr.iirj.Butterworth f = iirj;
        double[] in = x;
        double[] out = y;
        for (int i = 0; i < N; i++) {
            out[i] = f.filter(in[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] jdspBandPass() {
        return new com.github.psambit9791.jdsp.filter.Butterworth(FS).bandPassFilter(x, 4, 20, 450);
    }
}
