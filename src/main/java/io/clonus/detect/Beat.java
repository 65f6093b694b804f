package io.clonus.detect;

/**
 * One clonus beat.
 *
 * @param timeS     when it happened, seconds from the start of the record: the peak of the EMG burst's
 *                  envelope, or one extreme of the oscillation cycle for ACC (the sign of the principal axis
 *                  is arbitrary, so it may be the other extreme)
 * @param amplitude EMG: the envelope peak (mean rectified amplitude, in the signal's unit); ACC: half the
 *                  cycle's peak-to-trough height along the principal axis (in the signal's unit)
 */
public record Beat(double timeS, double amplitude) {
}
