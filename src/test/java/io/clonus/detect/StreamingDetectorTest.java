package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The real-time detector: the same events for any chunking, the same result as offline, bounded latency. */
class StreamingDetectorTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    /** Records every event with the number of samples fed when it was heard. */
    static final class Recorder implements DetectionListener {
        final List<String> events = new ArrayList<>();
        final List<double[]> heardAt = new ArrayList<>(); // {event time, samples fed when heard}
        long fed;

        @Override
        public void onEpisodeStart(int n, double startS, double frequencyHz) {
            events.add("start " + n + " " + startS + " " + frequencyHz);
        }

        @Override
        public void onBeat(int n, Beat beat) {
            events.add("beat " + n + " " + beat.timeS() + " " + beat.amplitude());
            heardAt.add(new double[] {beat.timeS(), fed});
        }

        @Override
        public void onEpisodeEnd(int n, Episode e) {
            events.add("end " + n + " " + e);
            heardAt.add(new double[] {e.endS(), fed, -1});
        }
    }

    static SimulatedRecording emg() {
        return EmgSimulator.builder(2000, 30, 77).noise(5).mains(50, 8).drift(100, 20).clonus(2, 4, 6.5, 80)
                .tonic(6, 3, 50, 0.3).clonus(12, 40, 7, 80).clonus(22, 6, 5.5, 60).build();
    }

    static SimulatedRecording acc() {
        return AccSimulator.builder(100, 30, 78).gravity().noise(0.01).slowMovement(0.03).clonus(3, 4, 6.5, 0.3)
                .clonus(12, 30, 6, 0.4).build();
    }

    private static List<String> run(SimulatedRecording sim, int chunk, Recorder rec) {
        Signal s = sim.signal();
        StreamingDetector d = StreamingDetector.create(CFG, s.type(), s.label(), s.sampleRateHz(), s.axisCount(), rec);
        int n = s.length();
        double[][] x = new double[s.axisCount()][];
        for (int a = 0; a < x.length; a++) {
            x[a] = s.toArray(a);
        }
        for (int i = 0; i < n; i += chunk) {
            int m = Math.min(chunk, n - i);
            d.accept(x, i, m);
            rec.fed = i + m;
        }
        ClonusResult r = d.finish();
        List<String> out = new ArrayList<>(rec.events);
        out.add(r.toString());
        return out;
    }

    @ParameterizedTest(name = "EMG in chunks of {0}")
    @ValueSource(ints = {1, 7, 256, 4096, Integer.MAX_VALUE})
    void emgEventsDoNotDependOnChunkSize(int chunk) {
        List<String> whole = run(emg(), Integer.MAX_VALUE, new Recorder());
        assertEquals(whole, run(emg(), chunk, new Recorder()));
        assertTrue(whole.stream().filter(e -> e.startsWith("end")).count() == 3, whole::toString);
    }

    @ParameterizedTest(name = "ACC in chunks of {0}")
    @ValueSource(ints = {1, 7, 256})
    void accEventsDoNotDependOnChunkSize(int chunk) {
        assertEquals(run(acc(), Integer.MAX_VALUE, new Recorder()), run(acc(), chunk, new Recorder()));
    }

    @Test
    void streamingGivesTheOfflineResult() {
        for (SimulatedRecording sim : List.of(emg(), acc())) {
            Recorder rec = new Recorder();
            List<String> events = run(sim, 100, rec);
            ClonusResult offline = ClonusDetector.of(CFG).analyze(sim.signal());
            assertEquals(offline.toString(), events.get(events.size() - 1));
            long beats = events.stream().filter(e -> e.startsWith("beat")).count();
            assertEquals(offline.beatCount(), beats, "every beat of every episode is heard once");
        }
    }

    @Test
    void theTypedFactoriesAreTheGeneralOne() {
        SimulatedRecording e = emg();
        StreamingDetector d = StreamingDetector.emg("EMG", e.signal().sampleRateHz(), CFG, null);
        d.accept(e.signal().toArray(0), 0, e.signal().length());
        assertEquals(ClonusDetector.of(CFG).analyze(e.signal()).toString(), d.finish().toString());
        SimulatedRecording a = acc();
        double[][] axes = new double[a.signal().axisCount()][];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = a.signal().toArray(i);
        }
        StreamingDetector s = StreamingDetector.acc(a.signal().label(), a.signal().sampleRateHz(), axes.length, CFG,
                null);
        s.accept(axes, 0, a.signal().length());
        assertEquals(ClonusDetector.of(CFG).analyze(a.signal()).toString(), s.finish().toString());
    }

    /** Over a simulated set, in odd chunk sizes, streaming gives exactly the offline result. */
    @Test
    void streamingAgreesWithOfflineOverASimulatedSet() {
        int records = 0;
        int chunk = 1;
        long seed = 9000;
        for (double f : new double[] {5.5, 6.5, 7.5}) {
            for (int beats : new int[] {3, 4, 5, 12, 40}) {
                for (SimulatedRecording sim : List.of(SimulatedEmgTest.record(2000, 20, f, beats, seed++),
                        SimulatedAccTest.record(100, 0.2, f, beats, seed++))) {
                    chunk = chunk * 7 % 1013 + 1;
                    Recorder rec = new Recorder();
                    List<String> events = run(sim, chunk, rec);
                    assertEquals(ClonusDetector.of(CFG).analyze(sim.signal()).toString(), events.get(events.size() - 1));
                    records++;
                }
            }
        }
        assertEquals(30, records);
    }

    @Test
    void eventsArriveWithinTheDocumentedLatency() {
        SimulatedRecording sim = emg();
        Signal s = sim.signal();
        Recorder rec = new Recorder();
        StreamingDetector d = StreamingDetector.create(CFG, s.type(), s.label(), s.sampleRateHz(), 1, rec);
        run(sim, 20, rec);
        double beatLatency = d.beatLatencyS();
        double probe = CFG.mainsProbeS();
        int firstBeatsOfEpisode = CFG.minBeats();
        for (double[] h : rec.heardAt) {
            double heardS = h[1] / s.sampleRateHz();
            double lag = heardS - h[0];
            double allowed = h.length == 3 ? d.episodeEndLatencyS(5.0)
                    : d.recognitionLatencyS(CFG.bandLowHz());
            // before the mains probe has been released nothing is reported; after, the latency bound holds
            if (heardS > probe + 0.01) {
                assertTrue(lag <= allowed + 1.0 / 250 + 20.0 / s.sampleRateHz(),
                        () -> "heard " + lag + " s late, allowed " + allowed);
            }
        }
        assertTrue(beatLatency > 0.4 && beatLatency < 0.5, "one longest interval (0.4 s) plus the envelope delay");
        assertTrue(firstBeatsOfEpisode == 3);
    }

    @Test
    void badSamplesAndMisuseAreRefused() {
        StreamingDetector d = StreamingDetector.create(CFG, SignalType.EMG, "TA", 2000, 1, null);
        double[] x = new double[100];
        x[50] = Double.NaN;
        String m = assertThrows(InvalidSignalException.class, () -> d.accept(x, 0, 100)).getMessage();
        assertTrue(m.contains("TA") && m.contains("sample 50 "), m);
        StreamingDetector e = StreamingDetector.create(CFG, SignalType.EMG, "", 2000, 1, null);
        e.accept(new double[3000], 0, 3000);
        assertThrows(InvalidSignalException.class, e::finish, "flat");
        assertThrows(IllegalStateException.class, () -> e.accept(new double[1], 0, 1));
        assertThrows(InvalidSignalException.class,
                () -> StreamingDetector.create(CFG, SignalType.ACC, "", 100, 4, null));
    }

    @Test
    void aDetectorThatRefusedASampleTakesNoMore() {
        StreamingDetector d = StreamingDetector.create(CFG, SignalType.EMG, "EMG", 2000, 1, null);
        double[] x = new double[4000];
        x[1234] = Double.NaN;
        InvalidSignalException e = assertThrows(InvalidSignalException.class, () -> d.accept(x, 0, x.length));
        assertTrue(e.getMessage().contains("sample 1234 "), e.getMessage());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> d.accept(new double[10], 0, 10));
        assertTrue(again.getMessage().contains("refused a sample"), again.getMessage());
        assertThrows(IllegalStateException.class, d::finish);
    }

    /**
     * A rising noisy ramp (the input magnitude grows all the time, which sets the floor's precision limit)
     * and forty pops within a few seconds (more outlying samples than any one chunk's worth of memory):
     * the result is the same for every chunking.
     */
    @Test
    void growingMagnitudeAndManyPopsGiveTheSameResultForAnyChunking() {
        SimulatedRecording sim = EmgSimulator.builder(2000, 20, 91).noise(5)
                .clonusVolleys(io.clonus.sim.ClonusPattern.of(6, 10, 6.5), 80).build();
        double[] x = sim.signal().toArray(0);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.01 * i;
        }
        for (int k = 0; k < 40; k++) {
            x[2000 + 211 * k] += (k % 2 == 0 ? 1 : -1) * 3e4;
        }
        ClonusResult whole = null;
        for (int chunk : new int[] {1, 7, 4096, x.length}) {
            StreamingDetector d = StreamingDetector.create(CFG, SignalType.EMG, "EMG", 2000, 1, null);
            for (int i = 0; i < x.length; i += chunk) {
                d.accept(x, i, Math.min(chunk, x.length - i));
            }
            ClonusResult r = d.finish();
            if (whole == null) {
                whole = r;
                assertTrue(r.beatCount() >= 9, () -> "the run is still found: " + r.episodes());
            } else {
                assertEquals(whole, r, "chunk " + chunk);
            }
        }
    }
}
