/**
 * Reading recordings, the first step of the pipeline (read → condition → envelope/beats → episodes →
 * classify → report): delimited text files, and the choice of the channels to analyse. EDF, EDF+ and BDF are
 * in {@code io.clonus.io.edf}, MATLAB MAT-files in {@code io.clonus.io.mat}.
 *
 * <p>{@link io.clonus.io.DelimitedText} reads comma, tab, semicolon or whitespace separated text with a header
 * row into a {@link io.clonus.io.Table} of numeric columns, taking the sample rate from a time column when
 * there is one and refusing gaps and bad cells with their line and column. {@link io.clonus.io.ChannelPlan}
 * decides which columns or EDF labels are analysed and how they group into signals: each EMG channel alone, the
 * x/y/z axes of one motion sensor together, the type inferred from the name unless it is given. From there a
 * {@link io.clonus.detect.Signal} goes to {@link io.clonus.detect.ClonusDetector}.
 *
 * <p>A problem the user can fix in the file is an {@link io.clonus.io.InputException} with a one-line message
 * naming the place; the caller adds the file name. The readers and the plan are stateless and thread-safe; a
 * {@link io.clonus.io.Table} is immutable once read.
 */
package io.clonus.io;
