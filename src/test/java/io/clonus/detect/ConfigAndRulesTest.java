package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigAndRulesTest {

    @ParameterizedTest(name = "{0} beats over {1} s -> {2}")
    @CsvSource({"3, 0.5, UNSUSTAINED", "4, 0.7, UNSUSTAINED", "5, 0.8, SUSTAINED", "60, 10, SUSTAINED"})
    void defaultRuleCountsBeats(int beats, double s, Classification c) {
        assertEquals(c, ClassificationRule.defaultRule().classify(beats, s));
    }

    @ParameterizedTest(name = "SCATS {0} s -> grade {1}, {2}")
    @CsvSource({"0, 0, UNSUSTAINED", "0.5, 1, UNSUSTAINED", "2.99, 1, UNSUSTAINED", "3, 2, SUSTAINED",
        "10, 2, SUSTAINED", "10.01, 3, SUSTAINED"})
    void scatsGradesByDuration(double s, int grade, Classification c) {
        assertEquals(grade, ScatsGrade.of(s));
        if (s > 0) {
            assertEquals(c, ClassificationRule.scats().classify(5, s));
        }
    }

    @ParameterizedTest(name = "Tardieu {0} s -> {1}")
    @CsvSource({"9.99, UNSUSTAINED", "10, SUSTAINED", "30, SUSTAINED"})
    void tardieuSplitsAtTenSeconds(double s, Classification c) {
        assertEquals(c, ClassificationRule.tardieu().classify(100, s));
    }

    @Test
    void rulesParse() {
        assertEquals("beats:7", ClassificationRule.parse("beats:7").id());
        assertSame(ClassificationRule.scats(), ClassificationRule.parse(" SCATS "));
        assertSame(ClassificationRule.tardieu(), ClassificationRule.parse("tardieu"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassificationRule.parse("beats:x")).getMessage()
                .contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassificationRule.parse("ashworth")).getMessage()
                .contains("beats:N"));
        assertThrows(IllegalArgumentException.class, () -> ClassificationRule.beats(1));
    }

    @Test
    void aRecordTakesItsMostSevereEpisodeAndEveryEpisodeItsScatsGrade() {
        SimulatedRecording sim = EmgSimulator.builder(2000, 40, 3).noise(5).clonus(2, 4, 6, 80)
                .clonus(10, 70, 6.5, 80).build();
        ClonusResult r = ClonusDetector.create().analyze(sim.signal());
        assertEquals(2, r.episodes().size());
        assertEquals(Classification.UNSUSTAINED, r.episodes().get(0).classification());
        assertEquals(Classification.SUSTAINED, r.episodes().get(1).classification());
        assertEquals(Classification.SUSTAINED, r.classification());
        assertEquals(1, r.episodes().get(0).scatsGrade());
        assertEquals(3, r.episodes().get(1).scatsGrade(), "70 beats at 6.5 Hz last about 10.8 s");
        assertEquals(3, r.scatsGrade());
        assertEquals(6.5, r.frequencyHz().getAsDouble(), 0.1, "main episode");
        // the same record under Tardieu: the long episode is infatigable, the short one fatigable
        ClonusResult t = ClonusDetector.of(DetectorConfig.builder().rule(ClassificationRule.tardieu()).build())
                .analyze(sim.signal());
        assertEquals(Classification.UNSUSTAINED, t.episodes().get(0).classification());
        assertEquals(Classification.SUSTAINED, t.episodes().get(1).classification());
    }

    @Test
    void aWiderBandFindsAnkleClonusBelowFiveHertz() {
        SimulatedRecording sim = EmgSimulator.builder(2000, 12, 4).noise(5).clonus(2, 20, 4.2, 80).build();
        assertEquals(Classification.NONE, ClonusDetector.create().analyze(sim.signal()).classification());
        ClonusResult wide = ClonusDetector.of(DetectorConfig.builder().band(3.5, 8).build()).analyze(sim.signal());
        assertEquals(Classification.SUSTAINED, wide.classification());
        assertEquals(4.2, wide.frequencyHz().getAsDouble(), 0.1);
    }

    @Test
    void invalidParametersAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().band(8, 5).build())
                .getMessage().contains("reversed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().band(5, 30).build())
                .getMessage().contains("above 20 Hz"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DetectorConfig.builder().minBeats(1).build())
                .getMessage().contains("minBeats"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Thresholds.builder().set("linkTolerance", 1.5).build()).getMessage().contains("linkTolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.builder().envelopeCutoffHz(10).build()).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.builder().emgBand(450, 20).build()).getMessage().contains("reversed"));
    }

    @Test
    void theMethodsParagraphStatesWhatWasDone() {
        ClonusResult r = ClonusDetector.create().analyze(EmgSimulator.builder(2000, 10, 5).noise(5).mains(50, 10)
                .clonus(2, 12, 6, 80).build().signal());
        String m = r.methods();
        assertTrue(m.contains("20-450 Hz") && m.contains("50 Hz mains") && m.contains("5-8 Hz clonus band")
                && m.contains("5 or more beats") && m.contains("Benz EN") && m.contains("Welch PD"), m);
        ClonusResult acc = ClonusDetector.of(DetectorConfig.builder().rule(ClassificationRule.tardieu()).build())
                .analyze(io.clonus.sim.AccSimulator.builder(100, 10, 6).gravity().noise(0.01).clonus(2, 12, 6, 0.3)
                        .build().signal());
        assertTrue(acc.methods().contains("principal axis") && acc.methods().contains("Gracies"), acc.methods());
    }

    @Test
    void aRuleThatGivesNoneDiscardsTheEpisodeAndSaysSo() {
        ClassificationRule fiveOrNothing = new ClassificationRule() {
            @Override
            public Classification classify(int beatCount, double durationS) {
                return beatCount >= 5 ? Classification.SUSTAINED : Classification.NONE;
            }

            @Override
            public String id() {
                return "five-or-nothing";
            }

            @Override
            public String describe() {
                return "Episodes of fewer than 5 beats were discarded.";
            }
        };
        SimulatedRecording sim = EmgSimulator.builder(2000, 40, 3).noise(5).clonus(2, 4, 6, 80)
                .clonus(10, 12, 6.5, 80).build();
        List<String> heard = new ArrayList<>();
        ClonusResult r = ClonusDetector.of(DetectorConfig.builder().rule(fiveOrNothing).build())
                .analyze(sim.signal(), new DetectionListener() {
                    @Override
                    public void onEpisodeEnd(int n, Episode e) {
                        heard.add("end " + n + " " + e.beatCount());
                    }

                    @Override
                    public void onEpisodeDiscarded(int n, int beats, double durationS) {
                        heard.add("discarded " + n + " " + beats);
                    }
                });
        assertEquals(List.of("discarded 1 4", "end 2 12"), heard);
        assertEquals(1, r.episodes().size());
        assertEquals(12, r.beatCount());
        assertEquals(Classification.SUSTAINED, r.classification());
    }

    @Test
    void theMethodsParagraphReadsTheThresholdsInUse() {
        SimulatedRecording sim = EmgSimulator.builder(2000, 10, 3).noise(5).clonus(2, 8, 6, 80).build();
        String standard = ClonusDetector.create().analyze(sim.signal()).methods();
        assertTrue(standard.contains("not significantly above 12 %") && standard.contains("at least 40 % of the"),
                standard);
        Thresholds changed = Thresholds.builder().maxJitterCv(0.2).minRelaxedShare(0.35).strongSalience(3.5).build();
        String text = ClonusDetector.of(DetectorConfig.builder().thresholds(changed).build()).analyze(sim.signal())
                .methods();
        assertTrue(text.contains("not significantly above 20 %") && text.contains("at least 35 % of the")
                && text.contains("or 3.5 times (strong)"), text);
    }

    @Test
    void thresholdsAreCheckedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.builder().set("salience", 3))
                .getMessage().contains("no threshold named 'salience'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.builder().set("openBeats", 4.5))
                .getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Thresholds.builder().set("weakSalience", 4).build()).getMessage().contains("must not exceed"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.builder().minBeats(7).build()).getMessage().contains("selfEvidentBeats"));
        Thresholds t = Thresholds.defaults();
        assertEquals(t, t.toBuilder().build());
        assertEquals(Thresholds.builder().set("openBeats", 6).build(), Thresholds.builder().openBeats(6).build());
        // one typed setter per threshold, named as the component
        for (var c : Thresholds.class.getRecordComponents()) {
            assertTrue(java.util.Arrays.stream(Thresholds.Builder.class.getMethods())
                    .anyMatch(m -> m.getName().equals(c.getName()) && m.getParameterCount() == 1
                            && m.getParameterTypes()[0] == c.getType()), c.getName());
        }
        assertEquals(t.asMap().keySet().size(), Thresholds.class.getRecordComponents().length);
    }

    @Test
    void theBandDoesNotMoveAnEnvelopeCutOffThatWasSet() {
        assertEquals(25.0, DetectorConfig.builder().envelopeCutoffHz(25).band(5, 10).build().envelopeCutoffHz());
        assertEquals(25.0, DetectorConfig.builder().band(5, 10).envelopeCutoffHz(25).build().envelopeCutoffHz());
        assertEquals(25.0, DetectorConfig.builder().band(5, 10).build().envelopeCutoffHz(), "default 2.5 x high edge");
        assertEquals(20.0, DetectorConfig.defaults().envelopeCutoffHz());
    }
}
