package io.clonus.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clonus.detect.Classification;
import io.clonus.detect.ClonusDetector;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import io.clonus.detect.SignalType;
import io.clonus.io.DelimitedText;
import io.clonus.io.Table;
import io.clonus.sim.SimulatedRecording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed sample recordings are what the simulator makes, and analysing them gives their truth. */
class SampleSignalsTest {

    static Iterable<String> files() {
        return SampleSignals.recordings().keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void committedFileIsTheSimulatorsOutputAndGivesItsTruth(String name) throws Exception {
        SimulatedRecording sim = SampleSignals.recordings().get(name);
        Path file = Path.of("sample-signals", name);
        assertEquals(SampleSignals.csv(sim), Files.readString(file, StandardCharsets.UTF_8),
                "regenerate with SampleSignals.main");
        Table t = DelimitedText.read(file);
        double fs = t.sampleRateHz().getAsDouble();
        Signal s = t.names().size() == 1 ? Signal.emg(t.names().get(0), fs, t.column(0))
                : Signal.of("acc", SignalType.ACC, fs, t.column(0), t.column(1), t.column(2));
        ClonusResult r = ClonusDetector.create().analyze(s);
        DetectorConfig cfg = DetectorConfig.defaults();
        Classification expected = sim.expected(cfg);
        assertEquals(expected, r.classification());
        assertEquals(sim.expectedBeats(cfg), r.beatCount());
        if (expected != Classification.NONE) {
            assertEquals(sim.clonusEpisodes(cfg).get(0).frequencyHz(), r.frequencyHz().getAsDouble(), 0.15);
        }
    }
}
