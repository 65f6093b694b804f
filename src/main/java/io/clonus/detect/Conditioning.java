package io.clonus.detect;

import java.util.List;

/**
 * How a signal was conditioned before beats were looked for: the values actually used, which may differ
 * from the configuration (the EMG band is capped below Nyquist, mains is detected). Immutable.
 *
 * @param filterLowHz     low edge of the band-pass applied to the raw samples, Hz
 * @param filterHighHz    high edge of that band-pass, Hz
 * @param filterOrder     Butterworth order of that band-pass
 * @param mainsHz         power-line frequency suppressed, Hz, or 0 when none was
 * @param mainsLinesHz    the lines cancelled: the mains frequency and those harmonics that stood out, Hz
 * @param detectionRateHz sample rate of the signal in which beats are found (the decimated EMG envelope,
 *                        or the accelerometer rate), Hz
 * @param delayS          delay of the causal conditioning at the clonus band's centre, subtracted from
 *                        beat times, seconds
 */
public record Conditioning(
        double filterLowHz,
        double filterHighHz,
        int filterOrder,
        double mainsHz,
        List<Double> mainsLinesHz,
        double detectionRateHz,
        double delayS) {

    /** Copies the list. */
    public Conditioning {
        mainsLinesHz = List.copyOf(mainsLinesHz);
    }

    /** @return how many mains lines were cancelled */
    public int mainsHarmonics() {
        return mainsLinesHz.size();
    }
}
