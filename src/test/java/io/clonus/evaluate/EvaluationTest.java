package io.clonus.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.ClassificationRule;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The matching rules and figures on hand-built event lists; every expected value is worked out by hand in the test
 * from the rules of {@link ScoringRules}.
 */
class EvaluationTest {
    private static final double EPS = 1e-12;
    private static final Classification S = Classification.SUSTAINED;
    private static final Classification U = Classification.UNSUSTAINED;

    static ReferenceEvent ref(double s, double e, Integer beats, Double hz) {
        return ref(s, e, beats, hz, "");
    }

    static ReferenceEvent ref(double s, double e, Integer beats, Double hz, String channel) {
        return new ReferenceEvent(s, e, beats == null ? OptionalInt.empty() : OptionalInt.of(beats),
                hz == null ? OptionalDouble.empty() : OptionalDouble.of(hz), "clonus", channel, "line " + (int) s);
    }

    static DetectedEvent det(double s, double e, int beats, double hz, Classification c) {
        return new DetectedEvent("EMG", s, e, beats, hz, c);
    }

    static DetectionSet detections(double durationS, List<DetectedEvent> events, String... channels) {
        return new DetectionSet(channels.length == 0 ? List.of("EMG") : List.of(channels),
                List.of(new TimeSpan(0, durationS)), events, ClassificationRule.defaultRule());
    }

    static Evaluation evaluate(ScoringRules rules, RecordingEvents... recordings) {
        return Evaluation.of(List.of(recordings), rules);
    }

    /**
     * Four reference events and four detections in 60 s:
     * R1 [10, 12] 12 beats 6.0 Hz ← D1 [10.25, 12.25] 12 beats 6.0 Hz SUSTAINED (latency 0.25);
     * R2 [20, 22] 13 beats 6.5 Hz ← D2 [19.5, 22] 15 beats 6.0 Hz SUSTAINED (latency −0.5);
     * R3 [40, 41] 6 beats ← D4 [41.5, 42] 3 beats UNSUSTAINED, inside the 1 s end tolerance (latency 1.5);
     * R4 [50, 51], no beats: missed; D3 [30, 31] matches nothing.
     */
    static RecordingEvents fourEvents() {
        List<ReferenceEvent> refs = List.of(ref(10, 12, 12, 6.0), ref(20, 22, 13, 6.5), ref(40, 41, 6, null),
                ref(50, 51, null, null));
        List<DetectedEvent> dets = List.of(det(10.25, 12.25, 12, 6.0, S), det(19.5, 22, 15, 6.0, S),
                det(30, 31, 6, 6.0, U), det(41.5, 42, 3, 6.0, U));
        return new RecordingEvents("rec", refs, detections(60, dets));
    }

    @Test
    void countsLatencyClassesAndEpochsOfFourEvents() {
        Evaluation ev = evaluate(ScoringRules.defaults(), fourEvents());
        Score s = ev.recordings().get(0).score();
        EventCounts c = s.events();
        assertEquals(3, c.truePositives());
        assertEquals(1, c.falseNegatives());
        assertEquals(1, c.falsePositives());
        assertEquals(4, c.referenceEvents());
        assertEquals(4, c.detectedEvents());
        assertEquals(3.0 / 4, c.sensitivity().get().value(), EPS);
        assertEquals(3.0 / (3 + 1), c.precision().get().value(), EPS);
        assertEquals(2.0 * 3 / (2 * 3 + 1 + 1), c.f1().get().value(), EPS);
        // 1 false positive in 60 s = 1 / (60/3600 h) * 24 h
        assertEquals(1 / (60.0 / 3600) * 24, c.falsePositivesPer24h().get().value(), 1e-9);

        // latencies 0.25, -0.5, 1.5; sorted -0.5, 0.25, 1.5: median 0.25, quartiles at h = 0.5 and 1.5
        assertEquals(3, s.latency().n());
        assertEquals(0.25, s.latency().medianS().getAsDouble(), EPS);
        assertEquals(-0.5 + 0.5 * (0.25 - -0.5), s.latency().lowerQuartileS().getAsDouble(), EPS);
        assertEquals(0.25 + 0.5 * (1.5 - 0.25), s.latency().upperQuartileS().getAsDouble(), EPS);

        // classes by the default rule (5 beats): R1, R2, R3 sustained; R4 has no beats: unknown
        ClassConfusion k = s.classes();
        assertEquals(2, k.count(S, S));
        assertEquals(1, k.count(S, U));
        assertEquals(1, k.countUnknownReference(Classification.NONE));
        assertEquals(1, k.count(Classification.NONE, U));
        assertEquals(0, k.count(U, U) + k.count(U, S) + k.count(S, Classification.NONE));
        assertEquals(2.0 / 3, k.classAgreement(0.95).get().value(), EPS);

        // epochs of 1 s, positive when half covered: reference 10, 11, 20, 21, 40, 50; detector 10, 11 (12 only a
        // quarter), 19 (half), 20, 21, 30, 41 (half)
        EpochCounts e = s.epochs();
        assertEquals(4, e.truePositives());
        assertEquals(3, e.falsePositives());
        assertEquals(2, e.falseNegatives());
        assertEquals(60 - 4 - 3 - 2, e.trueNegatives());
        assertEquals(4.0 / 6, e.sensitivity().get().value(), EPS);
        assertEquals(4.0 / 7, e.precision().get().value(), EPS);
        assertEquals(51.0 / 54, e.specificity().get().value(), EPS);
    }

    @Test
    void agreementUsesTheOneToOneMatches() {
        Score s = evaluate(ScoringRules.defaults(), fourEvents()).pooled();
        // beats: (12, 12), (13, 15), (6, 3); differences 0, 2, -3
        Agreement beats = s.beats();
        assertEquals(3, beats.n());
        double bias = (0 + 2 - 3) / 3.0;
        double sd = Math.sqrt((sq(0 - bias) + sq(2 - bias) + sq(-3 - bias)) / 2);
        assertEquals(bias, beats.blandAltman().get().bias(), EPS);
        assertEquals(sd, beats.blandAltman().get().sdDifference(), EPS);
        assertEquals(bias - Statistics.z(0.95) * sd, beats.blandAltman().get().lowerLimit(), EPS);
        assertTrue(beats.icc().isPresent());
        assertTrue(beats.pearson().isEmpty(), "3 pairs: no correlation");
        // frequency: only R1 and R2 give one: (6.0, 6.0), (6.5, 6.0)
        assertEquals(2, s.frequency().n());
        assertEquals((0 + -0.5) / 2, s.frequency().blandAltman().get().bias(), EPS);
        // duration: (2, 2), (2, 2.5), (1, 0.5)
        assertEquals(3, s.duration().n());
        assertEquals((0 + 0.5 - 0.5) / 3, s.duration().blandAltman().get().bias(), EPS);
    }

    @Test
    void eventTableHasEveryReferenceEventAndEveryFalsePositiveInTimeOrder() {
        List<EventMatch> rows = evaluate(ScoringRules.defaults(), fourEvents()).recordings().get(0).events();
        List<EventMatch.Outcome> outcomes = rows.stream().map(EventMatch::outcome).toList();
        assertEquals(List.of(EventMatch.Outcome.TRUE_POSITIVE, EventMatch.Outcome.TRUE_POSITIVE,
                EventMatch.Outcome.FALSE_POSITIVE, EventMatch.Outcome.TRUE_POSITIVE, EventMatch.Outcome.FALSE_NEGATIVE),
                outcomes);
        EventMatch r3 = rows.get(3);
        assertEquals(40, r3.reference().get().startS(), EPS);
        assertEquals(41.5, r3.detected().get().startS(), EPS);
        assertEquals(1.5, r3.latencyS().getAsDouble(), EPS);
        assertTrue(r3.oneToOne());
        assertEquals("line 40", r3.reference().get().origin());
        assertEquals(30, rows.get(2).detected().get().startS(), EPS);
    }

    @Test
    void minimumOverlapCountsTheReferenceEventItself() {
        // R3 [40, 41] is only reached by D4 [41.5, 42] through the tolerance: it covers none of R3
        Score s = evaluate(ScoringRules.defaults().withMinOverlap(0.5), fourEvents()).pooled();
        assertEquals(2, s.events().truePositives());
        assertEquals(2, s.events().falseNegatives());
        assertEquals(2, s.events().falsePositives(), "D4 no longer matches a detected event");
        // D2 [19.5, 22] covers all of R2, D1 [10.25, 12.25] covers 1.75 of R1's 2 s: both still detected at 87.5 %
        assertEquals(2, evaluate(ScoringRules.defaults().withMinOverlap(0.875), fourEvents()).pooled().events()
                .truePositives());
        assertEquals(1, evaluate(ScoringRules.defaults().withMinOverlap(0.876), fourEvents()).pooled().events()
                .truePositives());
    }

    @Test
    void tolerancesWidenTheReferenceEvent() {
        // without an end tolerance D4 [41.5, 42] misses R3 [40, 41]
        Score s = evaluate(ScoringRules.defaults().withEndToleranceS(0), fourEvents()).pooled();
        assertEquals(2, s.events().truePositives());
        assertEquals(2, s.events().falsePositives());
        // a start tolerance of 10 s widens the windows to R1 [0, 13], R2 [10, 23], R3 [30, 42], R4 [40, 52]: D1 reaches
        // R1 and R2, D3 and D4 reach R3, D4 also R4. Every event is detected, no detection is false, and no match is
        // one to one (each event has two detections or shares its detection)
        Score w = evaluate(ScoringRules.defaults().withStartToleranceS(10), fourEvents()).pooled();
        assertEquals(4, w.events().truePositives());
        assertEquals(0, w.events().falsePositives());
        assertEquals(0, w.beats().n());
        assertEquals(0, w.duration().n());
    }

    @Test
    void oneDetectionOverTwoEventsDetectsBothButMatchesNeitherOneToOne() {
        RecordingEvents r = new RecordingEvents("r", List.of(ref(10, 12, 12, 6.0), ref(13, 15, 12, 6.0)),
                detections(30, List.of(det(9.8, 15.2, 30, 6.0, S))));
        Score s = evaluate(ScoringRules.defaults(), r).pooled();
        assertEquals(2, s.events().truePositives());
        assertEquals(0, s.events().falsePositives());
        assertEquals(1, s.events().detectedEvents());
        assertEquals(0, s.beats().n());
        // latencies 9.8 - 10 and 9.8 - 13: the median of two is their mean
        assertEquals(2, s.latency().n());
        assertEquals(((9.8 - 10) + (9.8 - 13)) / 2, s.latency().medianS().getAsDouble(), 1e-9);
    }

    @Test
    void twoDetectionsInOneEventAreTakenTogether() {
        RecordingEvents r = new RecordingEvents("r", List.of(ref(10, 20, 60, 6.0)),
                detections(30, List.of(det(10, 14, 24, 6.0, U), det(15, 20, 30, 6.0, S))));
        Evaluation ev = evaluate(ScoringRules.defaults(), r);
        assertEquals(1, ev.pooled().events().truePositives());
        assertEquals(0, ev.pooled().events().falsePositives());
        ScoredEvent together = ev.recordings().get(0).events().get(0).detected().get();
        assertEquals(10, together.startS(), EPS);
        assertEquals(20, together.endS(), EPS);
        assertEquals(24 + 30, together.beats().getAsInt());
        assertEquals(S, together.classification().get(), "the most severe");
        assertEquals(2, together.parts());
        assertFalse(ev.recordings().get(0).events().get(0).oneToOne());
    }

    @Test
    void mergeGapJoinsNearbyDetections() {
        RecordingEvents r = new RecordingEvents("r", List.of(ref(10, 12.5, 15, 6.0)),
                detections(30, List.of(det(10, 11, 6, 6.0, S), det(11.5, 12.5, 6, 6.0, S))));
        assertEquals(2, evaluate(ScoringRules.defaults(), r).pooled().events().detectedEvents());
        assertEquals(0, evaluate(ScoringRules.defaults(), r).pooled().beats().n());
        Score joined = evaluate(ScoringRules.defaults().withMergeGapS(0.6), r).pooled();
        assertEquals(1, joined.events().detectedEvents());
        assertEquals(1, joined.beats().n());
        assertEquals(12, joined.beats().pairs().get(0).detected(), EPS);
        // 0.5 s apart is not less than a 0.5 s gap
        assertEquals(2, evaluate(ScoringRules.defaults().withMergeGapS(0.5), r).pooled().events().detectedEvents());
    }

    @Test
    void longEventsAreSplitIntoPiecesOfTheMaximumDuration() {
        // 700 s at a 300 s maximum: [0, 300], [300, 600], [600, 700]; the detection covers the first piece only
        RecordingEvents r = new RecordingEvents("r", List.of(ref(0, 700, 4200, 6.0)),
                detections(800, List.of(det(0, 100, 600, 6.0, S))));
        Evaluation ev = evaluate(ScoringRules.defaults(), r);
        assertEquals(3, ev.pooled().events().referenceEvents());
        assertEquals(1, ev.pooled().events().truePositives());
        assertEquals(2, ev.pooled().events().falseNegatives());
        assertEquals(0, ev.pooled().duration().n(), "split events do not enter the agreement");
        List<EventMatch> rows = ev.recordings().get(0).events();
        assertEquals("line 0, part 3 of 3", rows.get(2).reference().get().origin());
        assertEquals(600, rows.get(2).reference().get().startS(), EPS);
        assertTrue(rows.get(2).reference().get().split());
        assertTrue(rows.get(2).reference().get().beats().isEmpty());
        // never split
        Evaluation whole = evaluate(ScoringRules.defaults().withMaxEventDurationS(Double.POSITIVE_INFINITY), r);
        assertEquals(1, whole.pooled().events().referenceEvents());
        assertEquals(1, whole.pooled().duration().n());
    }

    @Test
    void detectionsOfSeveralChannelsAreMergedWhenTheReferenceNamesNone() {
        List<DetectedEvent> dets = List.of(new DetectedEvent("EMG L", 10, 12, 12, 6.0, S),
                new DetectedEvent("EMG R", 10.1, 12.1, 10, 5.0, S));
        RecordingEvents merged = new RecordingEvents("r", List.of(ref(10, 12, 12, 6.0)),
                new DetectionSet(List.of("EMG L", "EMG R"), List.of(new TimeSpan(0, 30)), dets,
                        ClassificationRule.defaultRule()));
        Evaluation ev = evaluate(ScoringRules.defaults(), merged);
        assertFalse(ev.recordings().get(0).perChannel());
        assertEquals(1, ev.pooled().events().detectedEvents());
        assertEquals(0, ev.pooled().events().falsePositives());
        ScoredEvent d = ev.recordings().get(0).events().get(0).detected().get();
        assertEquals(12, d.beats().getAsInt(), "the channel with most beats");
        assertEquals(6.0, d.frequencyHz().getAsDouble(), EPS);
        assertEquals(12.1, d.endS(), EPS);
        assertEquals("EMG L, EMG R", d.channel());
    }

    @Test
    void referenceEventsWithChannelsAreScoredPerChannel() {
        List<DetectedEvent> dets = List.of(new DetectedEvent("EMG R", 10, 12, 12, 6.0, S));
        DetectionSet set = new DetectionSet(List.of("EMG L", "EMG R"), List.of(new TimeSpan(0, 30)), dets,
                ClassificationRule.defaultRule());
        RecordingEvents perChannel = new RecordingEvents("r", List.of(ref(10, 12, 12, 6.0, "emg l")), set);
        Evaluation ev = evaluate(ScoringRules.defaults(), perChannel);
        RecordingScore rs = ev.recordings().get(0);
        assertTrue(rs.perChannel());
        assertEquals(List.of("EMG L", "EMG R"), rs.tracks());
        assertEquals(0, ev.pooled().events().truePositives(), "the detection is on the other channel");
        assertEquals(1, ev.pooled().events().falseNegatives());
        assertEquals(1, ev.pooled().events().falsePositives());
        assertEquals("EMG R", rs.events().get(1).track());
        // the recording's 30 s count once, not once per channel
        assertEquals(30, ev.pooled().events().recordedS(), EPS);
        assertEquals(2 * 30, ev.pooled().epochs().epochs());
        // without the channel the same detection matches
        assertEquals(1, evaluate(ScoringRules.defaults(), new RecordingEvents("r", List.of(ref(10, 12, 12, 6.0)), set))
                .pooled().events().truePositives());
    }

    @Test
    void referenceProblemsAreRefusedNamingTheEvent() {
        DetectionSet set = new DetectionSet(List.of("EMG L"), List.of(new TimeSpan(0, 30)), List.of(),
                ClassificationRule.defaultRule());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> new RecordingEvents("r",
                List.of(ref(1, 2, null, null, "EMG L"), ref(5, 6, null, null)), set));
        assertTrue(mixed.getMessage().contains("line 5: names no channel but line 1 names 'EMG L'"), mixed.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new RecordingEvents("r",
                List.of(ref(1, 2, null, null, "EMG X")), set));
        assertTrue(unknown.getMessage().contains("line 1: channel 'EMG X' is not among the channels analysed (EMG L)"),
                unknown.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> new RecordingEvents("r",
                List.of(ref(3000, 3010, null, null)), set));
        assertTrue(outside.getMessage().contains("line 3000: 3000-3010 s lies outside the analysed recording (0-30 s)"),
                outside.getMessage());
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> new RecordingEvents("r",
                List.of(ref(1, 3, null, null), ref(2, 4, null, null)), set));
        assertTrue(overlap.getMessage().contains("line 2: overlaps line 1"), overlap.getMessage());
    }

    @Test
    void pooledFiguresSumTheRecordings() {
        RecordingEvents a = fourEvents();
        RecordingEvents b = new RecordingEvents("b", List.of(ref(5, 7, 12, 6.0)),
                detections(120, List.of(det(5.1, 7, 11, 6.0, S), det(60, 61, 6, 6.0, U), det(90, 91, 6, 6.0, U))));
        Evaluation ev = evaluate(ScoringRules.defaults(), a, b);
        EventCounts p = ev.pooled().events();
        assertEquals(3 + 1, p.truePositives());
        assertEquals(1 + 0, p.falseNegatives());
        assertEquals(1 + 2, p.falsePositives());
        assertEquals(60 + 120, p.recordedS(), EPS);
        assertEquals(3 / ((60 + 120) / 3600.0) * 24, p.falsePositivesPer24h().get().value(), 1e-9);
        assertEquals(3 + 1, ev.pooled().beats().n());
        assertEquals(4, ev.pooled().latency().n());
        assertEquals(1, ev.recordings().get(1).score().events().truePositives());
    }

    @Test
    void bootstrapIsSeededAndNeedsTwoRecordings() {
        RecordingEvents a = fourEvents();
        RecordingEvents b = new RecordingEvents("b", List.of(ref(5, 7, 12, 6.0), ref(20, 22, 12, 6.0)),
                detections(120, List.of(det(5.1, 7, 11, 6.0, S), det(60, 61, 6, 6.0, U))));
        RecordingEvents c = new RecordingEvents("c", List.of(ref(5, 7, 12, 6.0)),
                detections(120, List.of(det(5.1, 7, 11, 6.0, S))));
        Evaluation one = evaluate(ScoringRules.defaults(), a);
        assertTrue(one.f1Bootstrap().isEmpty());
        Evaluation three = evaluate(ScoringRules.defaults(), a, b, c);
        Evaluation again = evaluate(ScoringRules.defaults(), a, b, c);
        assertEquals(three.f1Bootstrap(), again.f1Bootstrap(), "same seed, same interval");
        assertEquals(2000, three.bootstrapResamples());
        Estimate boot = three.f1Bootstrap().get();
        assertEquals(three.pooled().events().f1().get().value(), boot.value(), EPS);
        // F1 of a: 6/8, of b: 2/4, of c: 1. A resample of b three times (F1 0.5, the lowest possible) has probability
        // 1/27 > 2.5 %, as has c three times (F1 1): the 95 % percentile interval runs from 0.5 to 1 exactly
        assertEquals(0.5, boot.lower(), EPS);
        assertEquals(1.0, boot.upper(), EPS);
        // with more recordings the interval narrows inside the range of the recordings' own F1
        List<RecordingEvents> many = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(i % 3 == 0 ? a : i % 3 == 1 ? b : c);
        }
        Evaluation m1 = Evaluation.of(many, ScoringRules.defaults().withBootstrap(300, 1));
        assertTrue(m1.f1Bootstrap().get().lower() > 0.5 && m1.f1Bootstrap().get().upper() < 1, m1::toString);
        // recordings that all score alike leave nothing to resample: the interval collapses on the F1
        Estimate same = evaluate(ScoringRules.defaults(), c, c, c).f1Bootstrap().get();
        assertEquals(1.0, same.lower(), EPS);
        assertEquals(1.0, same.upper(), EPS);
        assertTrue(evaluate(ScoringRules.defaults().withBootstrap(0, 1), a, b).f1Bootstrap().isEmpty());
    }

    @Test
    void emptyFiguresAreAbsentNotNaN() {
        RecordingEvents nothing = new RecordingEvents("quiet", List.of(), detections(60, List.of()));
        Score s = evaluate(ScoringRules.defaults(), nothing).pooled();
        assertTrue(s.events().sensitivity().isEmpty());
        assertTrue(s.events().precision().isEmpty());
        assertTrue(s.events().f1().isEmpty());
        assertEquals(0, s.events().falsePositivesPer24h().get().value(), EPS);
        assertTrue(s.latency().medianS().isEmpty());
        assertTrue(s.beats().icc().isEmpty());
        assertTrue(s.beats().blandAltman().isEmpty());
        assertTrue(s.epochs().sensitivity().isEmpty());
        assertEquals(1.0, s.epochs().specificity().get().value(), EPS);
        // one matched event: still no ICC (fewer than 2)
        RecordingEvents one = new RecordingEvents("one", List.of(ref(10, 12, 12, 6.0)),
                detections(60, List.of(det(10, 12, 12, 6.0, S))));
        Score o = evaluate(ScoringRules.defaults(), one).pooled();
        assertEquals(1, o.beats().n());
        assertTrue(o.beats().icc().isEmpty());
        assertTrue(o.beats().blandAltman().isEmpty());
    }

    @Test
    void epochsCountOnlyWholeEpochsInsideTheAnalysedStretches() {
        // two segments, [0, 10.5] and [20.25, 30]: whole 1 s epochs 0..9 and 21..29 = 10 + 9
        DetectionSet set = new DetectionSet(List.of("EMG"), List.of(new TimeSpan(0, 10.5), new TimeSpan(20.25, 30)),
                List.of(det(3, 5, 12, 6.0, S)), ClassificationRule.defaultRule());
        Score s = evaluate(ScoringRules.defaults(), new RecordingEvents("d", List.of(ref(3, 5, 12, 6.0)), set)).pooled();
        assertEquals(19, s.epochs().epochs());
        assertEquals(2, s.epochs().truePositives());
        assertEquals(10.5 + 9.75, s.events().recordedS(), EPS);
        // 2 s epochs with the cover at 100 %: epochs 0-2, 2-4, 4-6, 6-8, 8-10 and 22-24, ..., 28-30
        Score t = evaluate(ScoringRules.defaults().withEpochS(2).withEpochCover(1),
                new RecordingEvents("d", List.of(ref(3, 5, 12, 6.0)), set)).pooled();
        assertEquals(5 + 4, t.epochs().epochs());
        assertEquals(0, t.epochs().truePositives(), "no 2 s epoch lies inside [3, 5]");
        assertEquals(0, t.epochs().falseNegatives());
    }

    @Test
    void referenceClassComesFromTheLabelTheBeatsOrTheRule() {
        ClassificationRule beats5 = ClassificationRule.defaultRule();
        ReferenceEvent labelled = new ReferenceEvent(0, 1, OptionalInt.of(12), OptionalDouble.empty(),
                "clonus unsustained", "", "");
        assertEquals(U, labelled.classification(beats5).get(), "the label wins over 12 beats");
        assertEquals(S, new ReferenceEvent(0, 1, OptionalInt.of(3), OptionalDouble.empty(), "Sustained", "", "")
                .classification(beats5).get());
        assertEquals(U, new ReferenceEvent(0, 1, OptionalInt.empty(), OptionalDouble.empty(), "non-sustained", "", "")
                .classification(beats5).get());
        assertEquals(U, ref(0, 0.6, 4, null).classification(beats5).get());
        // 0.75 s at 6 Hz: round(4.5) = 5 beats, sustained by beats:5; 0.7 s: 4 beats
        assertEquals(S, ref(0, 0.75, null, 6.0).classification(beats5).get());
        assertEquals(U, ref(0, 0.7, null, 6.0).classification(beats5).get());
        assertTrue(ref(0, 0.7, null, null).classification(beats5).isEmpty());
        // a duration rule needs neither
        assertEquals(S, ref(0, 3.5, null, null).classification(ClassificationRule.scats()).get());
        assertEquals(U, ref(0, 2.5, null, null).classification(ClassificationRule.scats()).get());
    }

    @Test
    void rulesRefuseValuesOutsideTheirRange() {
        ScoringRules d = ScoringRules.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withStartToleranceS(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMinOverlap(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxEventDurationS(0));
        assertThrows(IllegalArgumentException.class, () -> d.withEpochS(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> d.withEpochCover(0));
        assertThrows(IllegalArgumentException.class, () -> d.withConfidence(1));
        assertThrows(IllegalArgumentException.class, () -> d.withBootstrap(-1, 1));
        assertTrue(d.describe().contains("widened by 1 s before and 1 s after"), d.describe());
        assertTrue(d.describe().contains("events longer than 300 s were split"), d.describe());
    }

    private static double sq(double x) {
        return x * x;
    }
}
