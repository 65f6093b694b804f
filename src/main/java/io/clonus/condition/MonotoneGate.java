package io.clonus.condition;

/**
 * Tells a conditioner when its raw input cannot hold an oscillation: when it has not reversed direction
 * for {@link #HOLD_PERIODS} periods of the search range's low edge (0.8 s with the default 2.5 Hz), or
 * not yet at all. An oscillation at the search range's low edge or faster reverses at least twice per
 * period whenever it is larger than the slope it rides on (amplitude × 2πf above the slope); a ramp,
 * quantised or not, never does. A quantised ramp (a ramp written to a file with few decimals, or slow
 * drift through an ADC without noise) is a staircase whose steps, one quantum each, pass the band-pass as
 * impulses: steps 0.15 s apart came out as sustained clonus at 6.7 Hz. The conditioner holds its
 * detection signal at zero while the gate is shut; the steps' precision is no longer the question.
 *
 * <p>Measured before choosing the hold: the longest stretch without a reversal on any non-flat axis was
 * 0.40 s over the simulated physiology grid (slow shaking, walking at 40–200 Hz) and 0.39 s over the real
 * recordings of {@code ../shared/signals} (walking at 64 Hz); EMG reverses within a few samples. Twice
 * one period (0.8 s) keeps a margin of two. Constant memory, a few operations per sample. Not
 * thread-safe.
 */
final class MonotoneGate {
    /** Periods of the search range's low edge without a reversal after which the gate shuts. */
    static final double HOLD_PERIODS = 2.0;

    private final long limit;
    /** Samples since the last reversal; starts at {@link #limit}: shut until the first reversal. */
    private long since;
    private double last;
    /** Sign (+1.0, -1.0) of the last non-zero change, 0 before the first. */
    private double direction;
    private boolean started;

    /**
     * @param sampleRateHz sample rate of the raw input, Hz
     * @param searchLowHz  low edge of the search range, Hz
     */
    MonotoneGate(double sampleRateHz, double searchLowHz) {
        this.limit = Math.max(1, Math.round(HOLD_PERIODS * sampleRateHz / searchLowHz));
        this.since = limit;
    }

    /**
     * @param x the next raw sample (finite)
     * @return whether the input has reversed direction within the hold, so that its sample may pass
     */
    boolean open(double x) {
        if (!started) {
            started = true;
            last = x;
        }
        double d = x - last;
        last = x;
        // without data-dependent branches, which noise (reversing at random) would mispredict; direction is
        // +1 or -1, so the product is exact whatever the scale of d
        boolean reversal = d * direction < 0;
        direction = d != 0 ? Math.copySign(1.0, d) : direction;
        since = reversal ? 0 : since + 1;
        return since < limit;
    }
}
