package io.clonus.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Result of analysing one signal: the class of the record (that of its most severe episode), the
 * episodes with their beats, the dominant rhythm of the whole record, every parameter used and any
 * warnings. Immutable and thread-safe. {@link Methods#paragraph(ClonusResult)} writes a methods paragraph
 * from it.
 *
 * @param label          channel or sensor name
 * @param type           signal type
 * @param sampleRateHz   sample rate of the input, Hz
 * @param durationS      duration of the input, seconds
 * @param classification most severe class among the episodes, {@link Classification#NONE} without episodes
 * @param episodes       the episodes in time order
 * @param rhythm         the dominant rhythm of the whole record
 * @param conditioning   the conditioning actually applied
 * @param config         every detector parameter
 * @param warnings       problems that did not stop the analysis (clipping, narrowed band, flat axis)
 */
public record ClonusResult(
        String label,
        SignalType type,
        double sampleRateHz,
        double durationS,
        Classification classification,
        List<Episode> episodes,
        RhythmEstimate rhythm,
        Conditioning conditioning,
        DetectorConfig config,
        List<String> warnings) {

    /** Copies the lists. */
    public ClonusResult {
        episodes = List.copyOf(episodes);
        warnings = List.copyOf(warnings);
    }

    /** @return beats over all episodes */
    public int beatCount() {
        int n = 0;
        for (Episode e : episodes) {
            n += e.beatCount();
        }
        return n;
    }

    /** @return all beats of all episodes, in time order */
    public List<Beat> beats() {
        List<Beat> all = new ArrayList<>(beatCount());
        for (Episode e : episodes) {
            all.addAll(e.beats());
        }
        return List.copyOf(all);
    }

    /**
     * @return the main episode: the most severe, then the one with most beats, then the earliest; empty
     *         without episodes
     */
    public Optional<Episode> mainEpisode() {
        return episodes.stream().max(Comparator.comparing(Episode::classification)
                .thenComparingInt(Episode::beatCount)
                .thenComparing(Comparator.comparingDouble(Episode::startS).reversed()));
    }

    /** @return beat frequency of the main episode, Hz; empty without episodes */
    public OptionalDouble frequencyHz() {
        Optional<Episode> main = mainEpisode();
        return main.isPresent() ? OptionalDouble.of(main.get().frequencyHz()) : OptionalDouble.empty();
    }

    /** @return total duration of all episodes, seconds */
    public double clonusDurationS() {
        double d = 0;
        for (Episode e : episodes) {
            d += e.durationS();
        }
        return d;
    }

    /** @return the highest SCATS grade among the episodes, 0 without episodes */
    public int scatsGrade() {
        int g = 0;
        for (Episode e : episodes) {
            g = Math.max(g, e.scatsGrade());
        }
        return g;
    }

    /**
     * @param dtS seconds to add to every time (for a stretch that started {@code dtS} after the record's start)
     * @return this result with every episode and beat time moved by {@code dtS}
     */
    public ClonusResult shifted(double dtS) {
        if (dtS == 0) {
            return this;
        }
        List<Episode> moved = new ArrayList<>(episodes.size());
        for (Episode e : episodes) {
            moved.add(e.shifted(dtS));
        }
        return new ClonusResult(label, type, sampleRateHz, durationS, classification, moved, rhythm, conditioning,
                config, warnings);
    }

    /** @return a methods paragraph saying how this result was obtained, with references */
    public String methods() {
        return Methods.paragraph(this);
    }
}
