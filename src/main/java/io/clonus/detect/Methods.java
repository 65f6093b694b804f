package io.clonus.detect;

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
        s.append("Clonus was detected with clonus").append(version == null ? "" : " " + version).append(" (Java). ");
        if (r.type() == SignalType.EMG) {
            s.append("The EMG (").append(n(r.sampleRateHz())).append(" Hz) was band-pass filtered at ")
                    .append(n(k.filterLowHz())).append('-').append(n(k.filterHighHz()))
                    .append(" Hz (causal Butterworth, order ").append(c.emgFilterOrder()).append(')');
            if (k.mainsHz() > 0) {
                s.append(", ").append(n(k.mainsHz())).append(" Hz mains interference")
                        .append(k.mainsHarmonics() > 1 ? " (and " + (k.mainsHarmonics() - 1) + " harmonic(s))" : "")
                        .append(" was removed by subtracting a sinusoid learned while the muscle was quiet");
            }
            s.append(", full-wave rectified, averaged to ").append(n(k.detectionRateHz()))
                    .append(" Hz and low-pass filtered at ").append(n(c.envelopeCutoffHz()))
                    .append(" Hz (4th-order Butterworth) to form the envelope. A beat was an envelope peak that was at")
                    .append(" least ").append(n(c.minSalience())).append(" times the noise floor (the 20th percentile")
                    .append(" of the medians of quarter-second blocks of rectified EMG over the preceding ")
                    .append(n(c.floorWindowS())).append(" s), whose envelope fell to at most ")
                    .append(n(100 * (1 - c.minRelaxation()))).append(" % of the peak on both sides, around which the")
                    .append(" rectified EMG relaxed to at most ").append(n(c.maxRelaxedLevel()))
                    .append(" times the noise floor (or 15 % of the peak). A beat shorter than ")
                    .append(n(1000 * c.minBurstS())).append(" ms in effective duration ((sum |x|)^2 / sum x^2) with its")
                    .append(" energy within about 8 ms was marked as a single motor-unit potential, and a run made")
                    .append(" mostly of such potentials was not accepted as clonus. ");
        } else {
            s.append("Each axis of the ").append(n(r.sampleRateHz())).append(" Hz motion signal was band-pass filtered at ")
                    .append(n(k.filterLowHz())).append('-').append(n(k.filterHighHz()))
                    .append(" Hz (causal 2nd-order Butterworth) and projected onto the principal axis of a running")
                    .append(" covariance (time constant ").append(n(c.axisTimeConstantS()))
                    .append(" s). A beat was one oscillation cycle: a peak standing above the local mean that fell by")
                    .append(" at least ").append(n(100 * c.minCycleProminence()))
                    .append(" % of the local range to a trough on one side and by at least 10 % on the other. ");
        }
        s.append("Beats linked into runs when consecutive intervals stayed within ")
                .append(n(100 * c.intervalTolerance())).append(" % of the run's period and amplitudes within a factor")
                .append(" of 5; a run of at least ").append(c.minBeats()).append(" beats became an episode when its")
                .append(" frequency lay in the ").append(n(c.bandLowHz())).append('-').append(n(c.bandHighHz()))
                .append(" Hz clonus band, the coefficient of variation of its intervals was at most ")
                .append(n(c.maxIntervalCv())).append(", the autocorrelation of the signal over the run at the beat period")
                .append(" was at least ").append(n(c.minPeriodicity()))
                .append(" and clearly higher than at half the period, and its periodogram peaked within 20 % of the")
                .append(" beat frequency");
        if (r.type() == SignalType.ACC) {
            s.append("; a run of fewer than ").append(c.selfEvidentBeats()).append(" cycles also had to reach ")
                    .append(n(c.minCycleSalience())).append(" times the noise floor");
        }
        s.append(". Within an episode one missing beat was bridged and one extra peak skipped. Episode frequency is")
                .append(" the inverse of the mean beat interval; duration is the number of beats times that interval. ");
        s.append(c.rule().describe()).append(' ');
        s.append("Every episode was also graded with the SCATS clonus item by duration (Benz et al. 2005). ");
        s.append("The dominant rhythm of the whole record was estimated in ").append(n(c.searchLowHz())).append('-')
                .append(n(c.searchHighHz())).append(" Hz from Welch's periodogram (Hann window, about 4 s segments,")
                .append(" 50 % overlap; Welch 1967) and from the autocorrelation of the same signal. Filter design and")
                .append(" spectral estimates reproduce SciPy (Virtanen et al. 2020).")
                .append(System.lineSeparator()).append(System.lineSeparator()).append("References")
                .append(System.lineSeparator());
        s.append("- ").append(SCATS).append(System.lineSeparator());
        if (c.rule() == ClassificationRule.tardieu()) {
            s.append("- ").append(TARDIEU).append(System.lineSeparator());
        }
        s.append("- ").append(SCIPY).append(System.lineSeparator());
        s.append("- ").append(WELCH).append(System.lineSeparator());
        return s.toString();
    }

    private static String n(double v) {
        return Fmt.num(v);
    }
}
