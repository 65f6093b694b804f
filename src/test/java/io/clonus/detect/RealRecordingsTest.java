package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.testing.SharedSignals;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real recordings from {@code ../shared/signals} (none of them clonus; see its PROVENANCE.md), read at
 * test time and never copied into the repository. Skipped, with the path looked at, only when that folder
 * does not exist; when it exists, a recording that does not load is an error.
 */
class RealRecordingsTest {
    private static final ClonusDetector DETECTOR = ClonusDetector.create();

    @BeforeAll
    static void sharedSignalsPresent() {
        SharedSignals.assumePresent();
    }

    /** The bench shaker and the Parkinson tremor gyroscope are rhythmic in the band: beats at their frequency. */
    @ParameterizedTest(name = "{0} {1}: beats at {2} Hz")
    @CsvSource({
        "snim_bench_5p6hz, acc, 5.5, 90",
        "snim_bench_7p6hz, acc, 7.5, 120",
        "pads_pd006_holdweight_right, gyr, 6.0, 40",
    })
    void rhythmInTheBandComesOutAsBeatsAtItsFrequency(String name, String sensor, double hz, int minBeats) {
        Signal s = sensor(name, sensor);
        ClonusResult r = DETECTOR.analyze(s);
        assertEquals(Classification.SUSTAINED, r.classification(), () -> name + ": " + r.episodes());
        assertTrue(r.beatCount() >= minBeats, () -> name + ": " + r.beatCount() + " beats");
        for (Episode e : r.episodes()) {
            assertEquals(hz, e.frequencyHz(), 0.25, name);
        }
        assertEquals(hz, r.rhythm().spectralPeakHz().getAsDouble(), 0.25);
        assertEquals(hz, r.rhythm().autocorrelationHz().getAsDouble(), 0.25);
        assertTrue(r.rhythm().agree() && r.rhythm().inBand());
        // the bench runs for the whole record: beats cover at least 90 % of it
        if (name.startsWith("snim_bench")) {
            assertTrue(r.clonusDurationS() > 0.9 * r.durationS(), () -> r.clonusDurationS() + " of " + r.durationS());
        }
    }

    /** Needle, voluntary and gait EMG, walking, posture, rest and rhythms below the band: no clonus. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "physionet_emg_healthy", "physionet_emg_myopathy", "physionet_emg_neuropathy",
        "biosppy_emg", "biosppy_emg_1", "santuz_gait_emg", "cat_scratch_eng_4ch", "cat_scratch_emg_1ch",
        "biosppy_acc", "daphnet_walk_s03r03", "pads_hc001_stretchhold_right", "snim_wrist_arm_extended",
        "snim_sensor_on_table", "snim_bench_2p6hz", "pads_pd071_holdweight_right", "snim_wrist_simulated_tremor",
    })
    void isNotClonus(String name) {
        for (Signal s : SharedSignals.load(name)) {
            ClonusResult r = DETECTOR.analyze(s);
            assertEquals(Classification.NONE, r.classification(), () -> name + " " + s.label() + ": " + r.episodes());
        }
    }

    /** Rhythms below the band are still reported, at their frequency, flagged as outside the band. */
    @ParameterizedTest(name = "{0} {1}: {2} Hz, outside the band")
    @CsvSource({
        "snim_bench_2p6hz, acc, 2.5",
        "pads_pd071_holdweight_right, gyr, 3.5",
        "snim_wrist_simulated_tremor, acc, 3.75",
    })
    void rhythmBelowTheBandIsReportedAndFlagged(String name, String sensor, double hz) {
        ClonusResult r = DETECTOR.analyze(sensor(name, sensor));
        assertEquals(hz, r.rhythm().frequencyHz().getAsDouble(), 0.2);
        assertTrue(!r.rhythm().inBand());
    }

    /** Single motor units firing regularly in needle EMG: the rhythm is found, and it is not clonus. */
    @Test
    void needleMotorUnitTrainsAreRhythmicButNotClonus() {
        ClonusResult healthy = DETECTOR.analyze(SharedSignals.load("physionet_emg_healthy").get(0));
        assertEquals(9.0, healthy.rhythm().spectralPeakHz().getAsDouble(), 0.4);
        assertEquals(Classification.NONE, healthy.classification());
    }

    private static Signal sensor(String name, String label) {
        List<Signal> all = SharedSignals.load(name);
        return all.stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }
}
