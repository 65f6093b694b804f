package io.clonus.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The evaluation of a detector against reference events over a cohort of recordings: the figures of every
 * recording and of all of them pooled. Immutable and thread-safe; {@link #of} is the entry point.
 *
 * <pre>{@code
 * ReferenceSet ref = References.read(Path.of("s01_annotations.edf"), "clonus");
 * DetectionSet det = DetectionSet.of(RecordingAnalyzer.create().analyze(Path.of("s01.edf")));
 * Evaluation ev = Evaluation.of(List.of(RecordingEvents.of("s01.edf", ref, det)), ScoringRules.defaults());
 * ev.pooled().events().sensitivity();     // Optional<Estimate>: TP / (TP + FN) with its Wilson interval
 * ev.pooled().frequency().icc();          // ICC(2,1) of matched episodes' frequencies, when there are 2 or more
 * }</pre>
 *
 * <p><b>Channels.</b> A recording whose reference events name no channel is one track: the detections of all its
 * channels are merged (overlapping detections become one event, see {@link ScoringRules}) and scored against the
 * reference events. A recording whose reference events all name a channel is scored per channel: each analysed
 * channel is a track with the reference events naming it and its own detections, so a detection on a channel the
 * rater marked nothing on is a false positive. The counts of the tracks are summed into the recording's; the
 * analysed time of a recording counts once, so false positives per 24 hours are per 24 hours of recording.
 *
 * <p><b>Pooling.</b> The pooled figures sum the counts of every recording (micro-average) and take the latencies,
 * classes and matched pairs of all recordings together; recordings therefore weigh by their number of events.
 *
 * <p><b>Bootstrap.</b> With at least 2 recordings and {@link ScoringRules#bootstrapResamples} above 0, the pooled
 * F1 also gets a percentile bootstrap interval over recordings: the recordings are resampled with replacement
 * (a {@link SplittableRandom} seeded with {@link ScoringRules#seed}, so the interval is reproducible), the pooled
 * F1 recomputed from each resample's summed counts (resamples without any event are left out), and the interval
 * taken at the (1 ∓ confidence)/2 quantiles ({@link Statistics#quantile}). Unlike the Wilson-based interval it
 * allows for events of one recording being alike.
 *
 * @param rules              the rules used
 * @param recordings         the figures of every recording, in the order given
 * @param pooled             the figures of all recordings pooled
 * @param f1Bootstrap        the pooled F1 with its bootstrap interval over recordings; empty with fewer than 2
 *                           recordings, no resamples asked, or no event at all
 * @param bootstrapResamples how many resamples gave an F1 (those with an event)
 */
public record Evaluation(ScoringRules rules, List<RecordingScore> recordings, Score pooled,
        Optional<Estimate> f1Bootstrap, int bootstrapResamples) {

    /** Copies the list. */
    public Evaluation {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(pooled, "pooled");
        Objects.requireNonNull(f1Bootstrap, "f1Bootstrap");
        recordings = List.copyOf(recordings);
    }

    /**
     * Scores every recording and pools them.
     *
     * @param recordings the recordings, at least one
     * @param rules      the rules
     * @return the evaluation
     */
    public static Evaluation of(List<RecordingEvents> recordings, ScoringRules rules) {
        Objects.requireNonNull(rules, "rules");
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one recording");
        }
        EventMatcher matcher = new EventMatcher(rules);
        EventMatcher.Tally all = new EventMatcher.Tally();
        List<RecordingScore> scores = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        for (RecordingEvents r : recordings) {
            EventMatcher.Tally t = new EventMatcher.Tally();
            scores.add(matcher.score(r, t));
            counts.add(new int[] {t.tp, t.fp, t.fn});
            all.add(t);
        }
        Score pooled = all.score(rules);
        Optional<Estimate> boot = Optional.empty();
        int used = 0;
        if (recordings.size() >= 2 && rules.bootstrapResamples() > 0 && pooled.events().f1().isPresent()) {
            SplittableRandom rng = new SplittableRandom(rules.seed());
            double[] f1 = new double[rules.bootstrapResamples()];
            int n = counts.size();
            for (int b = 0; b < rules.bootstrapResamples(); b++) {
                long tp = 0;
                long other = 0;
                for (int i = 0; i < n; i++) {
                    int[] c = counts.get(rng.nextInt(n));
                    tp += c[0];
                    other += c[1] + c[2];
                }
                if (tp + other > 0) {
                    f1[used++] = 2.0 * tp / (2.0 * tp + other);
                }
            }
            if (used > 0) {
                double[] values = java.util.Arrays.copyOf(f1, used);
                double alpha = 1 - rules.confidence();
                double lower = Statistics.quantile(values, alpha / 2).getAsDouble();
                double upper = Statistics.quantile(values, 1 - alpha / 2).getAsDouble();
                boot = Optional.of(new Estimate(pooled.events().f1().get().value(), lower, upper));
            }
        }
        return new Evaluation(rules, scores, pooled, boot, used);
    }
}
