package io.clonus.detect;

/**
 * Hears about beats and episodes as a {@link BeatFinder} finds them. All methods have empty defaults.
 * Called on the thread that feeds the detector; implementations must not block for long.
 */
public interface DetectionListener {

    /**
     * An episode has been recognised: its first beats form a rhythm in the clonus band. Its beats up to now
     * follow as {@link #onBeat} calls.
     *
     * @param episodeNumber 1 for the first episode of the record, then 2, …
     * @param startS        episode start, seconds (half a period before its first beat)
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
}
