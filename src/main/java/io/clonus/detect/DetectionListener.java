package io.clonus.detect;

/**
 * Hears about beats and episodes as the detector finds them. All methods have empty defaults. Called on
 * the thread that feeds the detector; implementations must not block for long.
 *
 * <p>Order: {@link #onEpisodeStart}, then {@link #onBeat} for each beat known so far (beats found before
 * the episode's first strong beats, linked back once its rhythm was established, are among them, so the
 * start time may be earlier than when the episode was recognised), further {@link #onBeat} calls as the
 * episode goes on, and finally either {@link #onEpisodeEnd} or, when the classification rule gives
 * {@link Classification#NONE}, {@link #onEpisodeDiscarded}. The final {@link Episode#startS()} can differ
 * from the start announced by {@link #onEpisodeStart} when a beat after a gap is dropped at the end or
 * the mean period changes; the final values are those of {@link #onEpisodeEnd}.
 */
public interface DetectionListener {

    /**
     * An episode has been recognised. Its beats up to now follow as {@link #onBeat} calls.
     *
     * <p>The start and frequency are what is known at recognition. The final {@link Episode#startS()} and
     * {@link Episode#frequencyHz()} given to {@link #onEpisodeEnd} may differ: the episode can still be
     * revised once its end is known (a beat after a gap that nothing follows is dropped, or the grown
     * episode falls back to the part that passes its acceptance rules), and the frequency is then taken over
     * all its beats. Report the values of {@code onEpisodeEnd} as the result.
     *
     * @param episodeNumber 1 for the first episode of the record, then 2, …
     * @param startS        episode start so far, seconds (half a period before its first beat)
     * @param frequencyHz   beat frequency so far, Hz
     */
    default void onEpisodeStart(int episodeNumber, double startS, double frequencyHz) {
    }

    /**
     * A beat of the current episode.
     *
     * @param episodeNumber the episode it belongs to
     * @param beat          the beat
     */
    default void onBeat(int episodeNumber, Beat beat) {
    }

    /**
     * An episode has ended (no further beat at its period, or the end of the record).
     *
     * @param episodeNumber its number
     * @param episode       the finished episode with its class
     */
    default void onEpisodeEnd(int episodeNumber, Episode episode) {
    }

    /**
     * An episode that was announced by {@link #onEpisodeStart} is not part of the result: the classification
     * rule gave it {@link Classification#NONE}, or, once what followed it was known, its chain failed an
     * acceptance rule (then {@link #onRejectedRun} follows with the rule).
     *
     * @param episodeNumber its number
     * @param beats         its beat count
     * @param durationS     its duration, seconds
     */
    default void onEpisodeDiscarded(int episodeNumber, int beats, double durationS) {
    }

    /**
     * A run of at least {@code minBeats} candidates was judged and rejected; reported once, when the run
     * can no longer grow.
     *
     * @param run the run, the rule it failed and the measured value against the limit
     */
    default void onRejectedRun(RejectedRun run) {
    }
}
