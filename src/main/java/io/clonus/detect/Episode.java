package io.clonus.detect;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One run of clonus beats at a consistent period inside the clonus band. Immutable.
 *
 * @param startS            start, seconds: half a period before the first beat
 * @param endS              end, seconds: half a period after the last beat (so duration = beats × period)
 * @param beats             the beats, in time order, at least {@link DetectorConfig#minBeats()}
 * @param frequencyHz       beat frequency: 1 / mean interval between consecutive beats (bridged gaps left out), Hz
 * @param intervalCv        regularity: coefficient of variation of the intervals (0 is perfectly regular)
 * @param periodicity       how well the episode's stretch of detection signal repeats at the beat period once
 *                          unequal beat amplitudes are discounted: the signal divided by its running RMS over
 *                          one period, correlated with itself one period later, −1 to 1 (1: every cycle alike);
 *                          NaN for a stretch of fewer than 8 samples
 * @param spectralHz        spectral peak of the episode's envelope (EMG) or oscillation (ACC), Hz; empty when
 *                          the spectrum has no peak in the search range
 * @param autocorrelationHz 1 / lag of the autocorrelation peak of the same stretch, Hz; empty when none
 * @param classification    class given by the rule
 * @param scatsGrade        SCATS clonus grade by duration, 1–3
 */
public record Episode(
        double startS,
        double endS,
        List<Beat> beats,
        double frequencyHz,
        double intervalCv,
        double periodicity,
        OptionalDouble spectralHz,
        OptionalDouble autocorrelationHz,
        Classification classification,
        int scatsGrade) {

    /** Copies the beat list. */
    public Episode {
        beats = List.copyOf(beats);
    }

    /** @return number of beats */
    public int beatCount() {
        return beats.size();
    }

    /**
     * @param dtS seconds to add
     * @return this episode with its start, end and beat times moved by {@code dtS}
     */
    public Episode shifted(double dtS) {
        List<Beat> moved = beats.stream().map(b -> new Beat(b.timeS() + dtS, b.amplitude())).toList();
        return new Episode(startS + dtS, endS + dtS, moved, frequencyHz, intervalCv, periodicity, spectralHz,
                autocorrelationHz, classification, scatsGrade);
    }

    /** @return duration in seconds */
    public double durationS() {
        return endS - startS;
    }
}
