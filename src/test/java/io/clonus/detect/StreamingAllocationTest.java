package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The streaming detector allocates nothing per sample once running: the bytes this thread allocates while
 * a warm detector takes another minute of signal, counted by the JVM (not a timing test).
 */
class StreamingAllocationTest {
    private static final int CHUNK = 256;

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(t instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean s = (com.sun.management.ThreadMXBean) t;
        Assumptions.assumeTrue(s.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        s.setThreadAllocatedMemoryEnabled(true);
        return s;
    }

    /** Bytes allocated by this thread while feeding x[from, to) in chunks. */
    private static long allocatedWhileFeeding(StreamingDetector d, double[][] x, int from, int to) {
        com.sun.management.ThreadMXBean t = threads();
        long id = Thread.currentThread().getId();
        long before = t.getThreadAllocatedBytes(id);
        for (int i = from; i < to; i += CHUNK) {
            d.accept(x, i, Math.min(CHUNK, to - i));
        }
        return t.getThreadAllocatedBytes(id) - before;
    }

    /**
     * Feeds the signal over and over, a pass at a time, until one whole pass allocates nothing; returns the
     * least any pass allocated. The JVM itself allocates a few hundred bytes on this thread now and then
     * while it compiles the detector (deoptimisation, on-stack replacement), which takes more passes than
     * the detector's own start-up; an allocation per sample or per chunk would be in every pass.
     */
    private static long leastPerPass(StreamingDetector d, double[][] x, int passes) {
        long least = Long.MAX_VALUE;
        for (int p = 0; p < passes && least > 0; p++) {
            least = Math.min(least, allocatedWhileFeeding(d, x, 0, x[0].length));
        }
        return least;
    }

    private static double[][] axes(io.clonus.detect.Signal s) {
        double[][] x = new double[s.axisCount()][];
        for (int a = 0; a < x.length; a++) {
            x[a] = s.toArray(a);
        }
        return x;
    }

    @Test
    void emgSteadyStateAllocatesNothingPerSample() {
        // 30 s of quiet EMG with hum and drift, fed again and again: after the first pass the mains probe is
        // done and the canceller, envelope, beat finder and rhythm estimate all run on every pass
        double[][] x = axes(EmgSimulator.builder(2000, 30, 41).noise(5).mains(50, 8).drift(100, 20).build().signal());
        StreamingDetector d = StreamingDetector.create(DetectorConfig.defaults(), SignalType.EMG, "EMG", 2000, 1, null);
        allocatedWhileFeeding(d, x, 0, x[0].length);
        long least = leastPerPass(d, x, 200);
        assertEquals(0, least, "bytes allocated by the least of 200 passes of 60000 EMG samples");
    }

    @Test
    void accSteadyStateAllocatesNothingPerSample() {
        double[][] x = axes(AccSimulator.builder(100, 60, 42).gravity().noise(0.01).slowMovement(0.03).build().signal());
        StreamingDetector d = StreamingDetector.create(DetectorConfig.defaults(), SignalType.ACC, "ACC", 100, 3, null);
        allocatedWhileFeeding(d, x, 0, x[0].length);
        long least = leastPerPass(d, x, 200);
        assertEquals(0, least, "bytes allocated by the least of 200 passes of 6000 accelerometer samples");
    }

    @Test
    void anEpisodeAllocatesWhenItIsFoundNotPerSample() {
        // an episode's beats and evidence are allocated when it is found and closed; the quiet passes after
        // it allocate nothing again
        double[][] quiet = axes(EmgSimulator.builder(2000, 30, 43).noise(5).mains(50, 8).drift(100, 20).build().signal());
        double[][] clonus = axes(EmgSimulator.builder(2000, 30, 44).noise(5).mains(50, 8).drift(100, 20)
                .clonus(5, 30, 6, 80).build().signal());
        StreamingDetector d = StreamingDetector.create(DetectorConfig.defaults(), SignalType.EMG, "EMG", 2000, 1, null);
        allocatedWhileFeeding(d, quiet, 0, quiet[0].length);
        long episode = allocatedWhileFeeding(d, clonus, 0, clonus[0].length);
        long least = leastPerPass(d, quiet, 200);
        assertEquals(0, least, "bytes allocated by the least of 200 quiet passes after the episode");
        assertTrue(episode < 256 * 1024, () -> episode + " bytes for the pass with an episode");
        assertEquals(1, d.finish().episodes().size());
    }
}
