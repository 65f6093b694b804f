/**
 * The {@code clonus} command-line tool, built on the library: not part of the library jar, it ships in the
 * self-contained {@code clonus-<version>-cli.jar} that {@code bin/clonus} runs, together with the libraries
 * only it needs (picocli for the command line, jackson-core for JSON, XChart for plots) and MFL, the library's
 * optional reader of MATLAB files.
 *
 * <p>It runs the pipeline end to end for files: read ({@code Inputs} expands files, directories
 * and globs; {@code RecordingReader} opens delimited text through {@link io.clonus.io.DelimitedText}, EDF/BDF
 * through {@link io.clonus.io.edf.EdfReader} and MATLAB files through {@link io.clonus.io.mat.MatReader},
 * grouping channels with {@link io.clonus.io.ChannelPlan}), then condition, beats, episodes and classify in
 * {@link io.clonus.detect.ClonusDetector}, then report: text, JSON Lines or CSV on standard output, and on
 * request a beats CSV, an EDF+ annotation file and plots. {@code clonus analyze} does this for files, the
 * signals of a file in parallel ({@code --threads});
 * {@code clonus stream} runs the {@link io.clonus.detect.StreamingDetector} on samples from standard input and
 * prints each beat and episode as a JSON Lines event as soon as it is known. {@code clonus evaluate} scores the
 * detections of a cohort against raters' reference events with {@link io.clonus.evaluate.Evaluation} and writes
 * its report, event table and pictures ({@code EvaluationReport}, {@code EvaluationPlots}).
 *
 * <p>{@link io.clonus.cli.Main#run} is the whole tool without {@link java.lang.System#exit}, for tests and
 * embedding; exit status 0 means every input was analysed, 1 that some file or channel failed (one line each
 * on standard error, the others still run), 2 a usage error. The commands and writers are not thread-safe: one
 * instance serves one command line, and {@code analyze} gives each worker thread its own signal.
 */
package io.clonus.cli;
