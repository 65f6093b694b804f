package io.clonus.evaluate;

import io.clonus.detect.Classification;
import io.clonus.detect.ClassificationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Applies {@link ScoringRules} to one recording: merge, split, match, epochs; see {@link ScoringRules} for the
 * rules and {@link Evaluation} for the channels. Not thread-safe ({@link Tally} is mutable); one per recording.
 */
final class EventMatcher {
    /** Tolerance of the comparisons of times and fractions, against rounding of decimal seconds. */
    private static final double EPS = 1e-9;

    private final ScoringRules rules;

    EventMatcher(ScoringRules rules) {
        this.rules = rules;
    }

    /** Counts, latencies, classes and pairs, summed over tracks and recordings. Mutable. */
    static final class Tally {
        int tp;
        int fn;
        int fp;
        int detected;
        double recordedS;
        int epochTp;
        int epochFp;
        int epochFn;
        int epochTn;
        final List<Double> latencies = new ArrayList<>();
        ClassConfusion classes = ClassConfusion.empty();
        final List<Agreement.Pair> beats = new ArrayList<>();
        final List<Agreement.Pair> frequency = new ArrayList<>();
        final List<Agreement.Pair> duration = new ArrayList<>();

        void add(Tally o) {
            tp += o.tp;
            fn += o.fn;
            fp += o.fp;
            detected += o.detected;
            recordedS += o.recordedS;
            epochTp += o.epochTp;
            epochFp += o.epochFp;
            epochFn += o.epochFn;
            epochTn += o.epochTn;
            latencies.addAll(o.latencies);
            classes = classes.plus(o.classes);
            beats.addAll(o.beats);
            frequency.addAll(o.frequency);
            duration.addAll(o.duration);
        }

        Score score(ScoringRules r) {
            double c = r.confidence();
            return new Score(EventCounts.of(tp, fn, fp, detected, recordedS, c),
                    EpochCounts.of(r.epochS(), epochTp, epochFp, epochFn, epochTn, c),
                    Latency.of(latencies.stream().mapToDouble(Double::doubleValue).toArray()), classes,
                    Agreement.of("beats", "beats", beats, c), Agreement.of("frequency", "Hz", frequency, c),
                    Agreement.of("duration", "s", duration, c));
        }
    }

    /** An event being scored. */
    private record Ev(double start, double end, OptionalInt beats, OptionalDouble hz, Classification cls, String label,
            String channel, String origin, int parts, boolean split) {
        ScoredEvent scored() {
            return new ScoredEvent(start, end, beats, hz, Optional.ofNullable(cls), label, channel, origin, parts, split);
        }
    }

    /**
     * @param rec   the recording
     * @param tally a fresh tally, which receives its counts
     * @return its score and event table
     */
    RecordingScore score(RecordingEvents rec, Tally tally) {
        DetectionSet det = rec.detections();
        ClassificationRule rule = det.rule();
        boolean perChannel = rec.perChannel();
        List<String> tracks = perChannel ? det.channels() : List.of("");
        List<EventMatch> rows = new ArrayList<>();
        tally.recordedS += det.recordedS();
        for (String track : tracks) {
            String key = References.channelKey(track);
            List<ReferenceEvent> refs = rec.reference().stream()
                    .filter(e -> !perChannel || References.channelKey(e.channel()).equals(key)).toList();
            List<DetectedEvent> dets = det.events().stream()
                    .filter(e -> !perChannel || References.channelKey(e.channel()).equals(key)).toList();
            scoreTrack(rec.name(), track, refs, dets, det.coverage(), rule, tally, rows);
        }
        return new RecordingScore(rec.name(), perChannel, tracks, tally.score(rules), rows);
    }

    private void scoreTrack(String recording, String track, List<ReferenceEvent> refEvents, List<DetectedEvent> detEvents,
            List<TimeSpan> coverage, ClassificationRule rule, Tally tally, List<EventMatch> out) {
        List<Ev> refs = new ArrayList<>();
        for (ReferenceEvent e : refEvents.stream().sorted(Comparator.comparingDouble(ReferenceEvent::startS)).toList()) {
            refs.add(new Ev(e.startS(), e.endS(), e.beats(), e.frequencyHz(), e.classification(rule).orElse(null),
                    e.label(), e.channel(), e.origin(), 1, false));
        }
        refs = split(mergeReferences(refs));
        List<Ev> dets = split(mergeDetections(detEvents));

        int m = refs.size();
        int q = dets.size();
        List<List<Integer>> candidates = new ArrayList<>();
        int[] windows = new int[q]; // how many reference windows each detected event overlaps
        boolean[] detected = new boolean[m];
        boolean[] matched = new boolean[q];
        for (int i = 0; i < m; i++) {
            Ev r = refs.get(i);
            double ws = r.start() - rules.startToleranceS();
            double we = r.end() + rules.endToleranceS();
            List<Integer> c = new ArrayList<>();
            for (int j = 0; j < q; j++) {
                Ev d = dets.get(j);
                if (d.start() < we && d.end() > ws) {
                    c.add(j);
                    windows[j]++;
                }
            }
            candidates.add(c);
            if (!c.isEmpty()) {
                detected[i] = rules.minOverlap() == 0
                        || covered(c.stream().map(dets::get).toList(), r.start(), r.end()) / (r.end() - r.start())
                                >= rules.minOverlap() - EPS;
            }
            if (detected[i]) {
                for (int j : c) {
                    matched[j] = true;
                }
            }
        }

        List<EventMatch> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Ev r = refs.get(i);
            if (!detected[i]) {
                tally.fn++;
                tally.classes = tally.classes.plus(r.cls(), Classification.NONE);
                rows.add(new EventMatch(recording, track, EventMatch.Outcome.FALSE_NEGATIVE, Optional.of(r.scored()),
                        Optional.empty(), OptionalDouble.empty(), false));
                continue;
            }
            tally.tp++;
            List<Ev> c = candidates.get(i).stream().map(dets::get).toList();
            Ev d = c.size() == 1 ? c.get(0) : together(c);
            double latency = d.start() - r.start();
            tally.latencies.add(latency);
            tally.classes = tally.classes.plus(r.cls(), d.cls());
            boolean oneToOne = c.size() == 1 && windows[candidates.get(i).get(0)] == 1 && !r.split() && !d.split();
            if (oneToOne) {
                if (r.beats().isPresent() && d.beats().isPresent()) {
                    tally.beats.add(new Agreement.Pair(recording, r.beats().getAsInt(), d.beats().getAsInt()));
                }
                if (r.hz().isPresent() && d.hz().isPresent()) {
                    tally.frequency.add(new Agreement.Pair(recording, r.hz().getAsDouble(), d.hz().getAsDouble()));
                }
                tally.duration.add(new Agreement.Pair(recording, r.end() - r.start(), d.end() - d.start()));
            }
            rows.add(new EventMatch(recording, track, EventMatch.Outcome.TRUE_POSITIVE, Optional.of(r.scored()),
                    Optional.of(d.scored()), OptionalDouble.of(latency), oneToOne));
        }
        tally.detected += q;
        for (int j = 0; j < q; j++) {
            if (!matched[j]) {
                Ev d = dets.get(j);
                tally.fp++;
                tally.classes = tally.classes.plus(Classification.NONE, d.cls());
                rows.add(new EventMatch(recording, track, EventMatch.Outcome.FALSE_POSITIVE, Optional.empty(),
                        Optional.of(d.scored()), OptionalDouble.empty(), false));
            }
        }
        rows.sort(Comparator.comparingDouble(EventMatch::startS));
        out.addAll(rows);

        epochs(refEvents.stream().map(e -> new TimeSpan(e.startS(), e.endS())).toList(),
                detEvents.stream().map(e -> new TimeSpan(e.startS(), e.endS())).toList(), coverage, tally);
    }

    /** Joins reference events less than the merge gap apart. */
    private List<Ev> mergeReferences(List<Ev> refs) {
        List<Ev> out = new ArrayList<>();
        List<Ev> group = new ArrayList<>();
        for (Ev e : refs) {
            if (!group.isEmpty() && e.start() - group.get(group.size() - 1).end() >= rules.mergeGapS()) {
                out.add(joinReferences(group));
                group.clear();
            }
            group.add(e);
        }
        if (!group.isEmpty()) {
            out.add(joinReferences(group));
        }
        return out;
    }

    private static Ev joinReferences(List<Ev> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        double start = group.get(0).start();
        double end = group.stream().mapToDouble(Ev::end).max().getAsDouble();
        boolean allBeats = group.stream().allMatch(e -> e.beats().isPresent());
        boolean allHz = group.stream().allMatch(e -> e.hz().isPresent());
        OptionalInt beats = allBeats ? OptionalInt.of(group.stream().mapToInt(e -> e.beats().getAsInt()).sum())
                : OptionalInt.empty();
        OptionalDouble hz = OptionalDouble.empty();
        if (allHz) {
            double w = 0;
            double s = 0;
            for (Ev e : group) {
                double weight = allBeats ? e.beats().getAsInt() : e.end() - e.start();
                w += weight;
                s += weight * e.hz().getAsDouble();
            }
            hz = OptionalDouble.of(s / w);
        }
        Classification cls = null;
        for (Ev e : group) {
            if (e.cls() != null) {
                cls = cls == null ? e.cls() : cls.max(e.cls());
            }
        }
        Set<String> labels = new LinkedHashSet<>();
        List<String> origins = new ArrayList<>();
        int parts = 0;
        for (Ev e : group) {
            if (!e.label().isEmpty()) {
                labels.add(e.label());
            }
            origins.add(e.origin());
            parts += e.parts();
        }
        return new Ev(start, end, beats, hz, cls, String.join(" + ", labels), group.get(0).channel(),
                String.join(" + ", origins), parts, false);
    }

    /** Joins detections that overlap or are less than the merge gap apart. */
    private List<Ev> mergeDetections(List<DetectedEvent> detections) {
        List<DetectedEvent> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(DetectedEvent::startS));
        List<Ev> out = new ArrayList<>();
        List<DetectedEvent> group = new ArrayList<>();
        double end = Double.NEGATIVE_INFINITY;
        for (DetectedEvent e : sorted) {
            if (!group.isEmpty() && !(e.startS() < end) && e.startS() - end >= rules.mergeGapS()) {
                out.add(joinDetections(group));
                group.clear();
            }
            end = group.isEmpty() ? e.endS() : Math.max(end, e.endS());
            group.add(e);
        }
        if (!group.isEmpty()) {
            out.add(joinDetections(group));
        }
        return out;
    }

    /**
     * One detected event from detections that overlap or nearly touch: its span covers them all; its beats and
     * frequency are those of the channel with most beats among them (the beats of one channel summed, its frequency
     * their beat-weighted mean), so that one clonus seen on two muscles is not counted twice; its class is the most
     * severe.
     */
    private static Ev joinDetections(List<DetectedEvent> group) {
        Map<String, List<DetectedEvent>> byChannel = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        Classification cls = Classification.UNSUSTAINED;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (DetectedEvent e : group) {
            byChannel.computeIfAbsent(References.channelKey(e.channel()), k -> new ArrayList<>()).add(e);
            names.add(e.channel());
            cls = cls.max(e.classification());
            start = Math.min(start, e.startS());
            end = Math.max(end, e.endS());
        }
        int bestBeats = -1;
        double bestHz = 0;
        for (List<DetectedEvent> events : byChannel.values()) {
            int beats = events.stream().mapToInt(DetectedEvent::beatCount).sum();
            if (beats > bestBeats) {
                bestBeats = beats;
                double s = 0;
                for (DetectedEvent e : events) {
                    s += e.beatCount() * e.frequencyHz();
                }
                bestHz = s / beats;
            }
        }
        return new Ev(start, end, OptionalInt.of(bestBeats), OptionalDouble.of(bestHz), cls, "", String.join(", ", names),
                "", group.size(), false);
    }

    /** Detected events that matched one reference event, taken together. */
    private static Ev together(List<Ev> c) {
        double start = c.stream().mapToDouble(Ev::start).min().getAsDouble();
        double end = c.stream().mapToDouble(Ev::end).max().getAsDouble();
        boolean allBeats = c.stream().allMatch(e -> e.beats().isPresent());
        OptionalInt beats = allBeats ? OptionalInt.of(c.stream().mapToInt(e -> e.beats().getAsInt()).sum())
                : OptionalInt.empty();
        double w = 0;
        double s = 0;
        for (Ev e : c) {
            double weight = allBeats ? e.beats().getAsInt() : e.end() - e.start();
            w += weight;
            s += weight * e.hz().getAsDouble();
        }
        Classification cls = Classification.UNSUSTAINED;
        Set<String> names = new LinkedHashSet<>();
        int parts = 0;
        boolean split = false;
        for (Ev e : c) {
            cls = cls.max(e.cls());
            for (String n : e.channel().split(", ")) {
                names.add(n);
            }
            parts += e.parts();
            split |= e.split();
        }
        return new Ev(start, end, beats, OptionalDouble.of(s / w), cls, "", String.join(", ", names), "", parts, split);
    }

    /** Cuts events longer than the maximum event duration into pieces of that length. */
    private List<Ev> split(List<Ev> events) {
        double max = rules.maxEventDurationS();
        if (Double.isInfinite(max)) {
            return events;
        }
        List<Ev> out = new ArrayList<>();
        for (Ev e : events) {
            double d = e.end() - e.start();
            int pieces = (int) Math.ceil(d / max - EPS);
            if (pieces <= 1) {
                out.add(e);
                continue;
            }
            for (int k = 0; k < pieces; k++) {
                double s = e.start() + k * max;
                double t = k == pieces - 1 ? e.end() : e.start() + (k + 1) * max;
                String origin = e.origin().isEmpty() ? "part " + (k + 1) + " of " + pieces
                        : e.origin() + ", part " + (k + 1) + " of " + pieces;
                out.add(new Ev(s, t, OptionalInt.empty(), e.hz(), e.cls(), e.label(), e.channel(), origin, e.parts(),
                        true));
            }
        }
        return out;
    }

    /** Length of [a, b] covered by the events. */
    private static double covered(List<Ev> events, double a, double b) {
        List<TimeSpan> spans = new ArrayList<>();
        for (Ev e : events) {
            double s = Math.max(a, e.start());
            double t = Math.min(b, e.end());
            if (t > s) {
                spans.add(new TimeSpan(s, t));
            }
        }
        return TimeSpan.totalS(TimeSpan.union(spans));
    }

    /** Counts the whole epochs of the analysed time, positive or negative for each side. */
    private void epochs(List<TimeSpan> refs, List<TimeSpan> dets, List<TimeSpan> coverage, Tally tally) {
        List<TimeSpan> ref = TimeSpan.union(refs);
        List<TimeSpan> det = TimeSpan.union(dets);
        double len = rules.epochS();
        double need = rules.epochCover() * len - EPS * len;
        int[] ri = {0};
        int[] di = {0};
        for (TimeSpan span : coverage) {
            for (long k = (long) Math.ceil(span.startS() / len - EPS); (k + 1) * len <= span.endS() + EPS * len; k++) {
                double a = k * len;
                double b = a + len;
                boolean r = cover(ref, a, b, ri) >= need;
                boolean d = cover(det, a, b, di) >= need;
                if (r && d) {
                    tally.epochTp++;
                } else if (d) {
                    tally.epochFp++;
                } else if (r) {
                    tally.epochFn++;
                } else {
                    tally.epochTn++;
                }
            }
        }
    }

    /** Covered length of [a, b] by a union, for increasing epochs (the index moves forward only). */
    private static double cover(List<TimeSpan> union, double a, double b, int[] index) {
        while (index[0] < union.size() && union.get(index[0]).endS() <= a) {
            index[0]++;
        }
        double c = 0;
        for (int i = index[0]; i < union.size() && union.get(i).startS() < b; i++) {
            c += Math.min(b, union.get(i).endS()) - Math.max(a, union.get(i).startS());
        }
        return c;
    }
}
