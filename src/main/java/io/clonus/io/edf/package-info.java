/**
 * Reading and writing EDF, EDF+, BDF and BDF+ files, the formats clinical EMG systems (EDF/EDF+) and
 * BioSemi amplifiers (BDF) record in.
 *
 * <p>{@link io.clonus.io.edf.EdfReader} streams samples from disk by data record;
 * {@link io.clonus.io.edf.EdfWriter} produces files (whole, or record by record through
 * {@link io.clonus.io.edf.EdfWriter.StreamingWriter}). Invalid files raise
 * {@link io.clonus.io.edf.EdfFormatException} with a one-line message naming the file and the
 * inconsistency.
 *
 * <p>Units throughout: time in seconds relative to the header start time, rates in Hz, samples in the
 * physical unit of their signal (e.g. uV) unless a method says "digital".
 */
package io.clonus.io.edf;
