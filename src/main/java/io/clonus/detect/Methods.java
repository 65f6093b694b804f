package io.clonus.detect;

import java.util.Locale;

/**
 * Writes the methods paragraph of a result: what was done, with the values actually used, and the
 * references, so that a methods section can be written from a result alone.
 */
public final class Methods {
    /** Welch's method. */
    public static final String WELCH = "Welch PD (1967) The use of fast Fourier transform for the estimation of power"
            + " spectra. IEEE Trans Audio Electroacoust 15(2):70-73.";
    /** SCATS. */
    public static final String SCATS = "Benz EN, Hornby TG, Bode RK, Scheidt RA, Schmit BD (2005) A physiologically"
            + " based clinical measure for spastic reflexes in spinal cord injury. Arch Phys Med Rehabil 86(1):52-59.";
    /** Modified Tardieu Scale. */
    public static final String TARDIEU = "Gracies JM, Burke K, Clegg NJ, et al. (2010) Reliability of the Tardieu"
            + " Scale for assessing spasticity in children with cerebral palsy. Arch Phys Med Rehabil 91(3):421-428.";
    /** SciPy, whose filter design and spectral estimates the implementation reproduces. */
    public static final String SCIPY = "Virtanen P, Gommers R, Oliphant TE, et al. (2020) SciPy 1.0: fundamental"
            + " algorithms for scientific computing in Python. Nat Methods 17:261-272.";

    private Methods() {
    }

    /**
     * @param r a result
     * @return a paragraph, with a reference list, describing how the result was obtained
     */
    public static String paragraph(ClonusResult r) {
        DetectorConfig c = r.config();
        Conditioning k = r.conditioning();
        StringBuilder s = new StringBuilder();
        String version = Methods.class.getPackage().getImplementationVersion();
        s.append(String.format(Locale.ROOT, "Clonus was detected with clonus%s (Java). ",
                version == null ? "" : " " + version));
        if (r.type() == SignalType.EMG) {
            s.append(String.format(Locale.ROOT,
                    "The EMG (%.4g Hz) was band-pass filtered at %.0f-%.0f Hz (causal Butterworth, order %d)",
                    r.sampleRateHz(), k.filterLowHz(), k.filterHighHz(), c.emgFilterOrder()));
            if (k.mainsHz() > 0) {
                s.append(String.format(Locale.ROOT,
                        ", %.0f Hz mains interference%s was removed by subtracting a sinusoid learned while the"
                                + " muscle was quiet", k.mainsHz(),
                        k.mainsHarmonics() > 1 ? " (and " + (k.mainsHarmonics() - 1) + " harmonic(s))" : ""));
            }
            s.append(String.format(Locale.ROOT,
                    ", full-wave rectified, averaged to %.4g Hz and low-pass filtered at %.3g Hz (4th-order"
                            + " Butterworth) to form the envelope. A beat was an envelope peak separated from its"
                            + " neighbours by relaxation to at most %.0f %% of the peak, at least %.3g times the noise"
                            + " floor (median of quarter-second minima over the preceding %.3g s) and of an effective"
                            + " duration of at least %.0f ms (rectified EMG above the relaxation level). ",
                    k.detectionRateHz(), c.envelopeCutoffHz(), 100 * (1 - c.minRelaxation()), c.minSalience(),
                    c.floorWindowS(), 1000 * c.minBurstS()));
        } else {
            s.append(String.format(Locale.ROOT,
                    "Each axis of the %.4g Hz motion signal was band-pass filtered at %.3g-%.3g Hz (causal 2nd-order"
                            + " Butterworth) and projected onto the principal axis of a running covariance (time"
                            + " constant %.3g s). A beat was one oscillation cycle whose peak-to-trough height was at"
                            + " least %.0f %% of the local range. ",
                    r.sampleRateHz(), k.filterLowHz(), k.filterHighHz(), c.axisTimeConstantS(),
                    100 * c.minCycleProminence()));
        }
        s.append(String.format(Locale.ROOT,
                "Beats whose intervals stayed within %.0f %% of the running median interval formed a run; a run of at"
                        + " least %d beats became an episode when its frequency lay in the %.3g-%.3g Hz clonus band,"
                        + " the coefficient of variation of its intervals was at most %.2g, the autocorrelation of"
                        + " the signal at the beat period was at least %.2g (and clearly higher than at half the"
                        + " period), and its periodogram peaked within 20 %% of the beat frequency. Episode frequency"
                        + " is the inverse of the mean beat interval; duration is the number of beats times that"
                        + " interval. ",
                100 * c.intervalTolerance(), c.minBeats(), c.bandLowHz(), c.bandHighHz(), c.maxIntervalCv(),
                c.minPeriodicity()));
        s.append(c.rule().describe()).append(' ');
        s.append("Every episode was also graded with the SCATS clonus item by duration (Benz et al. 2005). ");
        s.append(String.format(Locale.ROOT,
                "The dominant rhythm of the whole record was estimated in %.3g-%.3g Hz from Welch's periodogram (Hann"
                        + " window, about 4 s segments, 50 %% overlap; Welch 1967) and from the autocorrelation of"
                        + " the same signal. Filter design and spectral estimates reproduce SciPy (Virtanen et al."
                        + " 2020).%n%nReferences%n", c.searchLowHz(), c.searchHighHz()));
        s.append("- ").append(SCATS).append(System.lineSeparator());
        if (c.rule() == ClassificationRule.tardieu()) {
            s.append("- ").append(TARDIEU).append(System.lineSeparator());
        }
        s.append("- ").append(SCIPY).append(System.lineSeparator());
        s.append("- ").append(WELCH).append(System.lineSeparator());
        return s.toString();
    }
}
