package io.clonus.io.edf;

import java.util.Objects;

/**
 * One EDF+ annotation: a text with an onset and a duration.
 *
 * <p>A TAL (time-stamped annotation list) may carry several texts for one onset and duration; each
 * text becomes its own {@code EdfAnnotation}. The per-record time-keeping entries (TALs whose first
 * annotation is empty) are not annotations; see {@link EdfReader#recordStartS(long)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param onsetS seconds from the start date and time in the file header (may be negative: before the start)
 * @param durationS duration in seconds, {@code >= 0}. <b>0 when the TAL gives no duration</b> (a
 *     point event); a TAL that writes an explicit duration of 0 reads the same. Never {@code NaN}.
 * @param text the annotation text, decoded as UTF-8; never empty when produced by {@link EdfReader}
 */
public record EdfAnnotation(double onsetS, double durationS, String text) {
    /** Checks that the onset is finite, the duration finite and non-negative and the text non-null. */
    public EdfAnnotation {
        Objects.requireNonNull(text, "text");
        if (!Double.isFinite(onsetS)) {
            throw new IllegalArgumentException("annotation onset must be finite, got " + onsetS);
        }
        if (!Double.isFinite(durationS) || durationS < 0) {
            throw new IllegalArgumentException("annotation duration must be finite and >= 0 s, got " + durationS);
        }
    }

    /** Onset plus duration, in seconds from the header start time. */
    public double endS() {
        return onsetS + durationS;
    }
}
