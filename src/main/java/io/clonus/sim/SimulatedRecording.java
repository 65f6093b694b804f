package io.clonus.sim;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Signal;
import java.util.List;

/**
 * A simulated signal with its truth.
 *
 * @param signal      the samples
 * @param episodes    every rhythmic run that was put in (clonus and rhythms outside the band), in time order
 * @param description what the record holds, in words
 */
public record SimulatedRecording(Signal signal, List<TrueEpisode> episodes, String description) {
    /** Copies the list. */
    public SimulatedRecording {
        episodes = List.copyOf(episodes);
    }

    /**
     * @param config detector parameters (band, minimum beats, rule)
     * @return the episodes a perfect detector would report: runs of at least {@code minBeats} beats whose
     *         frequency is in the band
     */
    public List<TrueEpisode> clonusEpisodes(DetectorConfig config) {
        return episodes.stream().filter(e -> e.beatCount() >= config.minBeats() && config.inBand(e.frequencyHz()))
                .toList();
    }

    /**
     * @param config detector parameters
     * @return the class a perfect detector would give the record
     */
    public Classification expected(DetectorConfig config) {
        Classification c = Classification.NONE;
        for (TrueEpisode e : clonusEpisodes(config)) {
            c = c.max(config.rule().classify(e.beatCount(), e.durationS()));
        }
        return c;
    }

    /**
     * @param config detector parameters
     * @return total beats of the clonus episodes
     */
    public int expectedBeats(DetectorConfig config) {
        return clonusEpisodes(config).stream().mapToInt(TrueEpisode::beatCount).sum();
    }
}
