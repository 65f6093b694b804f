/**
 * From files to results, for library users and the command line alike: {@link io.clonus.analysis.RecordingReader}
 * turns a file (delimited text, EDF, EDF+, EDF+D, BDF) into the signals to analyse (channel choice and
 * grouping, per-signal rates, EDF+D segments with their start on the recording's clock);
 * {@link io.clonus.analysis.RecordingAnalyzer} analyses them in bounded memory, several signals of a file at
 * once, and returns every failure as a value; {@link io.clonus.analysis.EdfAnalysis} streams one EDF signal
 * block by block through the detector. {@code clonus analyze} is a thin layer over these classes, so a library
 * user gets exactly what the command prints.
 *
 * <p>Pipeline position: read (here, with {@code io.clonus.io}) → condition → beats → episodes → classify
 * ({@code io.clonus.detect}) → report (the command line's writers).
 */
package io.clonus.analysis;
