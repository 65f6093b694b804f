package io.clonus.sim;

import java.util.List;

/**
 * What a simulator put into a record: one rhythmic run (clonus, or a rhythm outside the band).
 *
 * @param kind        what it is, for example "clonus" or "tremor"
 * @param startS      start, seconds: half a period before the first beat
 * @param endS        end, seconds: half a period after the last beat
 * @param frequencyHz beat frequency as generated: 1 / mean interval of the true beat times (the nominal
 *                    frequency for a single beat), Hz
 * @param beatTimesS  when each beat happened (EMG: burst centre; ACC: cycle maximum along the
 *                    oscillation direction), seconds
 */
public record TrueEpisode(String kind, double startS, double endS, double frequencyHz, List<Double> beatTimesS) {
    /** Copies the list. */
    public TrueEpisode {
        beatTimesS = List.copyOf(beatTimesS);
    }

    /**
     * Makes a truth record from beat times, with start and end half a mean interval outside them.
     *
     * @param kind             what it is
     * @param beatTimesS       the true beat times, increasing
     * @param nominalHz        the frequency asked for, used when there is a single beat
     * @return the record
     */
    public static TrueEpisode of(String kind, List<Double> beatTimesS, double nominalHz) {
        int n = beatTimesS.size();
        double period = 1 / nominalHz;
        if (n >= 2) {
            period = (beatTimesS.get(n - 1) - beatTimesS.get(0)) / (n - 1);
        }
        return new TrueEpisode(kind, beatTimesS.get(0) - period / 2, beatTimesS.get(n - 1) + period / 2, 1 / period,
                beatTimesS);
    }

    /** @return number of beats */
    public int beatCount() {
        return beatTimesS.size();
    }

    /** @return duration, seconds */
    public double durationS() {
        return endS - startS;
    }
}
