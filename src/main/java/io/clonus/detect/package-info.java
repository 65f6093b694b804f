/**
 * The detector as a library user meets it, and the last stages of the pipeline: classify and report.
 *
 * <p>The pipeline is read ({@code io.clonus.io}, {@code io.clonus.io.edf}, or arrays of your own) → condition
 * ({@code io.clonus.condition}) → envelope and beats ({@code io.clonus.beats}) → episodes
 * ({@code io.clonus.episodes}) → classify → report. This package holds its two ends: what goes in, what runs
 * the stages in order, and what comes out.
 * <ul>
 * <li><b>Input.</b> A {@link io.clonus.detect.Signal} carries the samples with their sample rate and
 *     {@link io.clonus.detect.SignalType} (one EMG channel, or one to three axes of an accelerometer or
 *     gyroscope). The samples are checked as they are read: a NaN or infinite sample, a record too short, a
 *     rate too low or a flat line throws {@link io.clonus.detect.InvalidSignalException}, whose message is meant
 *     for the user; clipping, a flat axis, a ramp and gross outlying samples become warnings of the result.</li>
 * <li><b>Running.</b> {@link io.clonus.detect.ClonusDetector} analyses a whole signal;
 *     {@link io.clonus.detect.StreamingDetector} takes samples in chunks of any size as they arrive and tells a
 *     {@link io.clonus.detect.DetectionListener} about beats, episodes and rejected runs as they are found.
 *     The offline detector runs the streaming one over the signal, so both give the same episodes whatever
 *     the chunking. {@link io.clonus.detect.RhythmAccumulator} estimates the record's dominant rhythm alongside,
 *     and {@link io.clonus.detect.DetectionSink} is the interface by which a conditioner hands the detection
 *     signal to the beat stage.</li>
 * <li><b>Configuration.</b> {@link io.clonus.detect.DetectorConfig} holds every parameter (clonus band, rule,
 *     {@link io.clonus.detect.MainsSetting}, filters), {@link io.clonus.detect.Thresholds} every decision
 *     threshold of the beat and episode stages, each with its unit, meaning and source.</li>
 * <li><b>Classify.</b> An episode first passes the {@link io.clonus.detect.AcceptanceRule}s (a run that fails
 *     one is reported as a {@link io.clonus.detect.RejectedRun}, with the measured value against the limit);
 *     a {@link io.clonus.detect.ClassificationRule} (by beats, SCATS or Tardieu) then turns its beat count and
 *     duration into a {@link io.clonus.detect.Classification}, and {@link io.clonus.detect.ScatsGrade} grades it
 *     by duration.</li>
 * <li><b>Report.</b> A {@link io.clonus.detect.ClonusResult} has the record's class, its
 *     {@link io.clonus.detect.Episode}s with their {@link io.clonus.detect.Beat}s, the
 *     {@link io.clonus.detect.RhythmEstimate}, the {@link io.clonus.detect.Conditioning} actually applied, the
 *     configuration and the warnings; {@link io.clonus.detect.Methods} writes a methods paragraph with the
 *     values used and the references from it.</li>
 * </ul>
 *
 * <p>Times are seconds from the first sample, frequencies in Hz, amplitudes in the signal's unit.
 * Thread-safety follows one habit throughout: values (results, episodes, configuration, thresholds, rules) are
 * immutable and may be shared; {@link io.clonus.detect.ClonusDetector} is immutable and may analyse many
 * signals at once; what keeps state while samples arrive ({@link io.clonus.detect.StreamingDetector},
 * {@link io.clonus.detect.RhythmAccumulator}) is one per stream, fed from one thread.
 */
package io.clonus.detect;
