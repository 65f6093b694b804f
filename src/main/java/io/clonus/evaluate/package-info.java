/**
 * Validation of the detector against human raters, event by event, with the agreement statistics clinical papers
 * report; {@code clonus evaluate} is a thin layer over it.
 *
 * <p>Inputs: {@link io.clonus.evaluate.References} reads a rater's episodes ({@link io.clonus.evaluate.ReferenceEvent})
 * from EDF+ annotations or a CSV/TSV table; {@link io.clonus.evaluate.DetectionSet} holds the detector's episodes
 * ({@link io.clonus.evaluate.DetectedEvent}) of one recording, made from a
 * {@link io.clonus.analysis.RecordingAnalyzer} result or built by hand (the command line also reads them from
 * {@code clonus analyze --format json}); {@link io.clonus.evaluate.RecordingEvents} pairs the two.
 * {@link io.clonus.evaluate.Evaluation#of} scores a cohort with {@link io.clonus.evaluate.ScoringRules}, the one place
 * where every matching rule, threshold and default is defined and documented.
 *
 * <p>Outputs, per recording ({@link io.clonus.evaluate.RecordingScore}) and pooled
 * ({@link io.clonus.evaluate.Score}): event counts with sensitivity, precision and F1 and false positives per 24 hours
 * ({@link io.clonus.evaluate.EventCounts}), the per-epoch score ({@link io.clonus.evaluate.EpochCounts}), detection
 * latency ({@link io.clonus.evaluate.Latency}), the SUSTAINED / UNSUSTAINED / NONE confusion
 * ({@link io.clonus.evaluate.ClassConfusion}), and for matched episodes the agreement of beat count, frequency and
 * duration ({@link io.clonus.evaluate.Agreement}: ICC(2,1), Bland–Altman, Pearson, Spearman), with a row per event
 * ({@link io.clonus.evaluate.EventMatch}). {@link io.clonus.evaluate.Statistics} holds every formula.
 *
 * <p>Conventions: times are seconds from the recording's start (the EDF header's start time, or the first sample of
 * delimited text), frequencies Hz, durations seconds; proportions are 0 to 1; every interval is at
 * {@link io.clonus.evaluate.ScoringRules#confidence} (95 % by default). A figure the data cannot give (a proportion of
 * nothing, an ICC of fewer than 2 matched events, a correlation of fewer than 4) is an empty {@code Optional}, never
 * NaN. Every type is immutable and thread-safe except where its documentation says otherwise.
 */
package io.clonus.evaluate;
