package io.clonus.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.SignalType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The physiology grid holds what it says: clonus where it should, none in the look-alikes, every range covered. */
class PhysiologyGridTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    @Test
    void everyLookAlikeIsNone() {
        List<PhysiologyGrid.Case> cases = PhysiologyGrid.lookAlikes();
        for (PhysiologyGrid.Case c : cases) {
            assertEquals(Classification.NONE, c.sim().expected(CFG), c.name());
            assertEquals(0, c.sim().expectedBeats(CFG), c.name());
            assertTrue(PhysiologyGrid.LOOK_ALIKE_ROWS.contains(c.row()), c.row());
            assertTrue(c.sim().signal().durationS() >= 5 && c.sim().signal().durationS() <= 20, c.name());
        }
        Set<String> kinds = cases.stream().map(c -> c.name().replaceAll(" \\(.*", "")).collect(Collectors.toSet());
        assertEquals(cases.size() / 3, kinds.size(), "every look-alike three times");
        assertTrue(kinds.size() >= 25, kinds::toString);
    }

    @Test
    void everyClonusCaseIsClonusWithItsRealisedTruth() {
        List<PhysiologyGrid.Case> emg = PhysiologyGrid.emg();
        List<PhysiologyGrid.Case> acc = PhysiologyGrid.acc();
        for (PhysiologyGrid.Case c : concat(emg, acc)) {
            SimulatedRecording sim = c.sim();
            assertTrue(sim.expected(CFG) != Classification.NONE, c.name());
            int beats = 0;
            for (TrueEpisode e : sim.episodes()) {
                assertEquals("clonus", e.kind(), c.name());
                assertTrue(e.frequencyHz() >= 5.05 && e.frequencyHz() <= 7.95, c.name());
                assertTrue(e.beatTimesS().get(0) >= 0 && e.endS() <= sim.signal().durationS(), c.name());
                assertTrue(c.name().contains(String.format(java.util.Locale.ROOT, "%.2f Hz", e.frequencyHz())),
                        "the name says the realised frequency: " + c.name());
                beats += e.beatCount();
            }
            assertEquals(beats, sim.expectedBeats(CFG), c.name());
            double d = sim.signal().durationS();
            assertTrue(d >= 5 && d <= 20, c.name());
        }
        for (String row : PhysiologyGrid.EMG_ROWS) {
            assertEquals(28, emg.stream().filter(c -> c.row().equals(row)).count(), row);
        }
        for (String row : PhysiologyGrid.ACC_ROWS) {
            assertEquals(18, acc.stream().filter(c -> c.row().equals(row)).count(), row);
        }
        assertTrue(emg.stream().allMatch(c -> c.sim().signal().type() == SignalType.EMG));
        assertTrue(acc.stream().allMatch(c -> c.sim().signal().type() == SignalType.ACC));
    }

    @Test
    void theGridCoversThePublishedRanges() {
        List<PhysiologyGrid.Case> emg = PhysiologyGrid.emg();
        List<PhysiologyGrid.Case> acc = PhysiologyGrid.acc();
        assertEquals(Set.of(1000.0, 1024.0, 2000.0, 2048.0, 4000.0), rates(emg));
        assertEquals(Set.of(50.0, 52.0, 64.0, 100.0, 104.0, 128.0, 200.0), rates(acc));
        for (List<PhysiologyGrid.Case> family : List.of(emg, acc)) {
            Set<Integer> beats = new TreeSet<>();
            double lowest = 10;
            double highest = 0;
            for (PhysiologyGrid.Case c : family) {
                for (TrueEpisode e : c.sim().episodes()) {
                    beats.add(e.beatCount());
                    lowest = Math.min(lowest, e.frequencyHz());
                    highest = Math.max(highest, e.frequencyHz());
                }
            }
            assertTrue(beats.containsAll(List.of(3, 4, 5, 8, 15, 30)), beats::toString);
            assertTrue(lowest < 5.4 && highest > 7.6, "near both band edges: " + lowest + "-" + highest);
            assertTrue(family.stream().anyMatch(c -> c.sim().episodes().get(0).beatTimesS().get(0) < 1),
                    "some runs start in the first second");
        }
        assertTrue(emg.stream().anyMatch(c -> c.sim().episodes().size() == 3), "records with three runs");
        assertTrue(emg.stream().anyMatch(c -> c.sim().episodes().size() == 2), "records with two runs");
        for (String what : List.of("mains 50 Hz", "mains 60 Hz", "DC offset", "drift", "tonic contraction")) {
            assertTrue(emg.stream().anyMatch(c -> c.name().contains(what)), what);
        }
        assertTrue(acc.stream().anyMatch(c -> c.name().contains("16 bit")), "quantised records");
        assertTrue(acc.stream().anyMatch(c -> c.name().contains("bias drift")), "gyroscope bias drift");
        assertTrue(acc.stream().anyMatch(c -> c.sim().signal().label().equals("GYRO")), "gyroscope records");
        int total = PhysiologyGrid.all().size();
        assertTrue(total >= 250 && total <= 400, total + " records");
    }

    @Test
    void theGridIsDeterministic() {
        List<PhysiologyGrid.Case> a = PhysiologyGrid.all();
        List<PhysiologyGrid.Case> b = PhysiologyGrid.all();
        assertEquals(a.size(), b.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertTrue(names.add(a.get(i).name()), "unique name " + a.get(i).name());
            for (int ax = 0; ax < a.get(i).sim().signal().axisCount(); ax++) {
                assertArrayEquals(a.get(i).sim().signal().toArray(ax), b.get(i).sim().signal().toArray(ax),
                        a.get(i).name());
            }
            assertEquals(a.get(i).sim().episodes(), b.get(i).sim().episodes());
        }
    }

    private static Set<Double> rates(List<PhysiologyGrid.Case> cases) {
        return cases.stream().map(c -> c.sim().signal().sampleRateHz()).collect(Collectors.toSet());
    }

    private static List<PhysiologyGrid.Case> concat(List<PhysiologyGrid.Case> a, List<PhysiologyGrid.Case> b) {
        List<PhysiologyGrid.Case> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
