package io.clonus.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void aSeedGivesTheSameRecord() {
        SimulatedRecording a = EmgSimulator.builder(2000, 5, 3).noise(5).clonus(1, 6, 6, 50).build();
        SimulatedRecording b = EmgSimulator.builder(2000, 5, 3).noise(5).clonus(1, 6, 6, 50).build();
        assertArrayEquals(a.signal().toArray(0), b.signal().toArray(0));
        assertEquals(a.episodes(), b.episodes());
    }

    @Test
    void truthDescribesTheBeatsThatWereMade() {
        SimulatedRecording r = EmgSimulator.builder(2000, 10, 4).noise(1).clonus(2, 10, 6, 50).build();
        TrueEpisode e = r.episodes().get(0);
        assertEquals(10, e.beatCount());
        assertEquals(2.0, e.beatTimesS().get(0), 1e-12);
        assertEquals(6.0, e.frequencyHz(), 0.3);
        assertEquals(10 / e.frequencyHz(), e.durationS(), 1e-9);
        assertEquals(Classification.SUSTAINED, r.expected(DetectorConfig.defaults()));
        assertEquals(10, r.expectedBeats(DetectorConfig.defaults()));
        // the burst RMS at its centre is the amplitude: 20·log10(50/1) = 34 dB above the noise
        double[] x = r.signal().toArray(0);
        double ss = 0;
        int count = 0;
        for (double t : e.beatTimesS()) {
            int c = (int) Math.round(t * 2000);
            for (int i = c - 10; i < c + 10; i++) {
                ss += x[i] * x[i];
                count++;
            }
        }
        assertEquals(50, Math.sqrt(ss / count), 10);
    }

    @Test
    void rhythmsOutsideTheBandAreTruthButNotClonus() {
        SimulatedRecording r = AccSimulator.builder(100, 20, 5).tremor(2, 10, 10, 0.1).clonus(14, 3, 6, 0.3).build();
        assertEquals(2, r.episodes().size());
        assertEquals(1, r.clonusEpisodes(DetectorConfig.defaults()).size());
        assertEquals(Classification.UNSUSTAINED, r.expected(DetectorConfig.defaults()));
        assertEquals(3, r.signal().axisCount());
    }

    @Test
    void impossibleSimulationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EmgSimulator.builder(100, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> AccSimulator.builder(100, 0, 1));
        assertTrue(AccSimulator.builder(100, 1, 1).build().episodes().isEmpty());
    }
}
