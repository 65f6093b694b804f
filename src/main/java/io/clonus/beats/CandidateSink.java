package io.clonus.beats;

/**
 * Receives beat candidates from {@link BurstFinder} or {@link CycleFinder}, in time order, as primitive
 * values so that nothing is allocated per candidate.
 */
public interface CandidateSink {
    /**
     * @param index     detection sample of the candidate's peak
     * @param timeS     its time (sub-sample), seconds from the record's start
     * @param amplitude EMG: envelope peak; ACC: half the cycle's peak-to-trough height (signal units)
     * @param salience  how far it stands above the noise floor: EMG burst level / floor; ACC amplitude / floor
     * @param strong    whether it may open an episode (EMG: salience at least the strong threshold; ACC:
     *                  every cycle, judged later by the run it belongs to)
     * @param unitLike  EMG: it looks like a single motor-unit potential rather than a volley
     * @param relaxed   whether the muscle relaxes around it (ACC: always); one that does not is a burst on a
     *                  pedestal, which the episode stage holds to stricter rules ({@code Thresholds.pedestalShare})
     */
    void candidate(long index, double timeS, double amplitude, double salience, boolean strong, boolean unitLike,
            boolean relaxed);
}
