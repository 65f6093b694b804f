/**
 * The whole pipeline (read → condition → envelope/beats → episodes → classify → report) over EDF, EDF+ and
 * BDF files of any length, in bounded memory.
 *
 * <p>{@link io.clonus.stream.EdfAnalysis} reads each signal record by record, in blocks, with an
 * {@link io.clonus.io.edf.EdfReader} and feeds the blocks to a {@link io.clonus.detect.StreamingDetector},
 * which carries its state from one block to the next. The blocks need no overlap and stitch exactly: an
 * episode across a block boundary is found once, with the same beats as if the file had been read whole. A
 * 24-hour 2 kHz channel so needs a few megabytes instead of 1.4 GB. An
 * {@link io.clonus.stream.EdfAnalysis.Target} names what to analyse (one EMG signal, or the axes of one motion
 * sensor); several targets of one file can be analysed in parallel, each worker with its own reader, and each
 * gives an {@link io.clonus.stream.EdfAnalysis.Outcome}, a result or the reason it failed.
 *
 * <p>Thread-safe: the static methods share nothing; a reader passed in is used from the calling thread only.
 */
package io.clonus.stream;
