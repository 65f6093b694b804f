package io.clonus.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.analysis.RecordingAnalyzer;
import io.clonus.analysis.RecordingReader;
import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.io.edf.EdfWriter;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated recordings with known episodes, their truth written as EDF+ annotations beside them, the detector run on
 * the EDF files, and the evaluation checked against what the simulator's truth implies: every true episode matched,
 * no false positive, latency within one beat period, the beats counted exactly, the classes agreeing.
 */
class RoundTripTest {
    static final LocalDateTime START = LocalDateTime.of(2024, 3, 5, 14, 30, 0);

    @TempDir
    Path dir;

    /** Three 60 s soleus EMG records at 2 kHz: 4 clonus episodes (3 sustained, 1 unsustained) and a tonic contraction. */
    static List<SimulatedRecording> cohort() {
        return List.of(
                EmgSimulator.builder(2000, 60, 11).noise(5).clonus(10, 12, 6.0, 80).clonus(40, 4, 6.5, 80).build(),
                EmgSimulator.builder(2000, 60, 12).noise(5).clonus(8, 20, 5.5, 80).tonic(30, 10, 60, 0.3).build(),
                EmgSimulator.builder(2000, 60, 13).noise(5).clonus(25, 6, 7.0, 80).build());
    }

    /** Writes the record as EDF+ and its clonus truth as an annotation-only EDF+ file beside it. */
    static Path[] write(Path dir, String name, SimulatedRecording r) throws IOException {
        double[] x = r.signal().toArray(0);
        double range = 0;
        for (double v : x) {
            range = Math.max(range, Math.abs(v));
        }
        range = Math.ceil(range * 1.05 + 1);
        Path edf = dir.resolve(name + ".edf");
        EdfWriter.edfPlus().start(START).recordDurationS(1)
                .addSignal("EMG soleus", "uV", 2000, -range, range, -32768, 32767, x).write(edf);
        EdfWriter ann = EdfWriter.edfPlus().start(START).recording("rater truth");
        for (TrueEpisode t : r.clonusEpisodes(DetectorConfig.defaults())) {
            ann.addAnnotation(t.startS(), t.durationS(), String.format(Locale.ROOT, "clonus %d beats %.3f Hz",
                    t.beatCount(), t.frequencyHz()));
        }
        Path annotations = dir.resolve(name + "_annotations.edf");
        ann.write(annotations);
        return new Path[] {edf, annotations};
    }

    @Test
    void figuresEqualWhatTheSimulatorsTruthImplies() throws Exception {
        List<SimulatedRecording> cohort = cohort();
        RecordingAnalyzer analyzer = RecordingAnalyzer.of(DetectorConfig.defaults(), new RecordingReader(null, null, null), 1);
        List<RecordingEvents> recordings = new ArrayList<>();
        List<TrueEpisode> truth = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            Path[] files = write(dir, "sim" + (i + 1), cohort.get(i));
            truth.addAll(cohort.get(i).clonusEpisodes(DetectorConfig.defaults()));
            ReferenceSet ref = References.read(files[1], "clonus");
            assertEquals(START, ref.start());
            recordings.add(RecordingEvents.of(files[0].getFileName().toString(), ref,
                    DetectionSet.of(analyzer.analyze(files[0]))));
        }
        Evaluation ev = Evaluation.of(recordings, ScoringRules.defaults());
        Score s = ev.pooled();

        assertEquals(4, truth.size());
        EventCounts c = s.events();
        assertEquals(truth.size(), c.referenceEvents());
        assertEquals(truth.size(), c.truePositives(), "every true episode matched");
        assertEquals(0, c.falseNegatives());
        assertEquals(0, c.falsePositives(), "the tonic contraction is not clonus");
        assertEquals(1.0, c.sensitivity().get().value());
        assertEquals(1.0, c.precision().get().value());
        assertEquals(1.0, c.f1().get().value());
        assertEquals(0.0, c.falsePositivesPer24h().get().value());
        assertEquals(180, c.recordedS(), 1e-9);

        // latency within one beat period of each episode; every match one to one
        List<EventMatch> rows = new ArrayList<>();
        ev.recordings().forEach(r -> rows.addAll(r.events()));
        assertEquals(truth.size(), rows.size());
        for (EventMatch m : rows) {
            double period = 1 / m.reference().get().frequencyHz().getAsDouble();
            assertTrue(Math.abs(m.latencyS().getAsDouble()) < period, m::toString);
            assertTrue(m.oneToOne(), m::toString);
            assertEquals(m.reference().get().beats(), m.detected().get().beats(), "beats counted exactly: " + m);
        }
        assertEquals(truth.size(), s.latency().n());

        // the beats agree exactly: no bias, no spread, ICC 1
        Agreement beats = s.beats();
        assertEquals(truth.size(), beats.n());
        assertEquals(0.0, beats.blandAltman().get().bias());
        assertEquals(0.0, beats.blandAltman().get().sdDifference());
        assertEquals(new Estimate(1, 1, 1), beats.icc().get());
        assertEquals(1.0, beats.pearson().get().coefficient(), 1e-12);
        // frequencies within 0.1 Hz, durations within one period
        for (Agreement.Pair p : s.frequency().pairs()) {
            assertEquals(p.reference(), p.detected(), 0.1, p::toString);
        }
        assertEquals(truth.size(), s.duration().n());
        assertTrue(Math.abs(s.duration().blandAltman().get().bias()) < 1 / 7.0, s.duration()::toString);
        assertTrue(s.frequency().icc().get().value() > 0.95, s.frequency()::toString);

        // classes: 12, 20 and 6 beats sustained, 4 beats unsustained, as the detector's rule (beats:5) says
        ClassConfusion k = s.classes();
        assertEquals(3, k.count(Classification.SUSTAINED, Classification.SUSTAINED));
        assertEquals(1, k.count(Classification.UNSUSTAINED, Classification.UNSUSTAINED));
        assertEquals(1.0, k.classAgreement(0.95).get().value());

        // per epoch: the detected spans differ from the truth by a few ms, so at most one epoch at each end of an
        // episode may disagree
        EpochCounts e = s.epochs();
        assertEquals(180, e.epochs());
        assertTrue(e.falsePositives() + e.falseNegatives() <= 2 * truth.size(), e::toString);
        assertTrue(e.sensitivity().get().value() > 0.8, e::toString);
    }
}
