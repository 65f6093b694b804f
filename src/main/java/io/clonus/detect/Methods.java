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
        Thresholds t = c.thresholds();
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
                        .append(" was removed by subtracting a sinusoid learned while the muscle was quiet (each")
                        .append(" sample's error clipped at ").append(n(io.clonus.condition.EmgConditioner.MAINS_LEARNING_CLIP))
                        .append(" times the quiet RMS, so that artefacts could not throw it)");
            }
            s.append(", full-wave rectified, averaged to ").append(n(k.detectionRateHz()))
                    .append(" Hz and low-pass filtered at ").append(n(c.envelopeCutoffHz()))
                    .append(" Hz (4th-order Butterworth) to form the envelope. A beat candidate was an envelope peak")
                    .append(" whose envelope fell to at most ").append(pct(1 - t.minRelaxation()))
                    .append(" of the peak on both sides, around which the rectified EMG relaxed to at most ")
                    .append(n(t.maxRelaxedLevel())).append(" times the noise floor (or its lowest 20 ms mean to ")
                    .append(pct(t.relaxedShare())).append(" of the burst level and its lowest 4 ms block to ")
                    .append(pct(t.relaxedBlockShare())).append(" of the envelope peak), and whose level (the largest ").append(n(1000 * t.burstWindowS()))
                    .append(" ms mean of the rectified EMG) was at least ").append(n(t.weakSalience()))
                    .append(" times the noise floor (weak) or ").append(n(t.strongSalience()))
                    .append(" times (strong); the floor was the ").append(pct(t.floorQuantile()))
                    .append(" quantile of the medians of quarter-second blocks of rectified EMG over the preceding ")
                    .append(n(c.floorWindowS())).append(" s, and never below ").append(sci(t.precisionFloor()))
                    .append(" of the largest input magnitude. A burst shorter than ").append(n(1000 * t.minBurstS()))
                    .append(" ms in effective duration ((sum |x|)^2 / sum x^2) with ").append(pct(t.singleUnitShare()))
                    .append(" of its energy within about 8 ms was marked as a single motor-unit potential. A burst that")
                    .append(" did not relax that far but whose lowest 20 ms mean stayed within ").append(pct(t.pedestalShare()))
                    .append(" of its level and lowest 4 ms block within ").append(pct(t.pedestalBlockShare()))
                    .append(" of its peak was a beat on a pedestal (clonus on a tonic contraction). ");
        } else {
            s.append("Each axis of the ").append(n(r.sampleRateHz())).append(" Hz motion signal was band-pass filtered at ")
                    .append(n(k.filterLowHz())).append('-').append(n(k.filterHighHz()))
                    .append(" Hz (causal 2nd-order Butterworth) and projected onto the principal axis of a running")
                    .append(" covariance (time constant ").append(n(c.axisTimeConstantS()))
                    .append(" s). A beat candidate was one oscillation cycle: a peak standing ")
                    .append(pct(t.minRiseShare())).append(" of the local range above the local mean that fell by")
                    .append(" at least ").append(pct(t.minCycleProminence()))
                    .append(" of the local range to a trough on one side and by at least ").append(pct(t.minFallShare()))
                    .append(" on the other. ");
        }
        s.append("Candidates were linked into chains whose consecutive intervals differed by at most ")
                .append(pct(t.linkTolerance())).append(" and whose amplitudes differed by at most a factor of ")
                .append(n(r.type() == SignalType.EMG ? t.amplitudeRatio() : t.cycleAmplitudeRatio()))
                .append(". A chain of at least ").append(c.minBeats())
                .append(" beats, at least ").append(t.minStrongBeats()).append(" of them strong, became an episode when its frequency")
                .append(" (1 / mean interval) lay in the ").append(n(c.bandLowHz())).append('-').append(n(c.bandHighHz()))
                .append(" Hz clonus band; its beat-to-beat jitter (from successive interval differences) was not")
                .append(" significantly above ").append(pct(t.maxJitterCv())).append(" (one-sided ")
                .append(pct(t.jitterConfidence())).append(" chi-square bound)");
        if (r.type() == SignalType.EMG) {
            s.append("; between beats the envelope stayed below half the smaller beat's peak for at least ")
                    .append(pct(t.minRelaxedShare())).append(" of the interval on average (")
                    .append(pct(t.pedestalRelaxedShare())).append(" for a chain or an episode holding beats on a")
                    .append(" pedestal, and such a chain at least ").append(t.openBeats())
                    .append(" beats to open an episode unless its first beat was its largest, its last at most ")
                    .append(pct(t.pedestalDecay())).append(" of the first, and no other candidate of ")
                    .append(pct(t.pedestalAmplitude())).append(" of its median amplitude lay between its beats or")
                    .append(" within ").append(n(1 + t.extendTolerance())).append(" periods around it; such beats were never counted as strays); at most ")
                    .append(pct(t.maxUnitShare())).append(" of its beats were single motor-unit potentials");
        } else {
            s.append("; a chain of fewer than ").append(t.selfEvidentBeats()).append(" cycles had a median amplitude of")
                    .append(" at least ").append(n(t.minCycleSalience())).append(" noise floors; the signal, divided by")
                    .append(" its running RMS over one period, correlated with itself one period later by at least ")
                    .append(n(t.minCyclePeriodicity()));
        }
        if (r.type() == SignalType.EMG) {
            s.append("; no other strong candidate lay within one period before its first or after its last beat, nor")
                    .append(" between the beats of a chain of fewer than ").append(t.openBeats()).append(" beats (at most ")
                    .append(pct(t.maxStrayShare())).append(" of the beats of longer chains)");
        }
        s.append("; and the periodogram of its stretch of detection signal peaked within ")
                .append(pct(t.spectralAgreement())).append(" of the beat frequency. Chains shorter than ")
                .append(t.openBeats()).append(" beats were judged once the silence after them was known, and a chain")
                .append(" that failed was judged again without its first or last beat. An episode was then extended")
                .append(" by strong and weak candidates at its rhythm (within ").append(pct(t.extendTolerance()))
                .append(" of its recent period): by up to ").append(t.maxBackfillBeats())
                .append(" beats before its first beat, and after its last for as long as beats came, across at most ")
                .append(t.maxMissedBeats())
                .append(" missing beats in a row");
        if (r.type() == SignalType.EMG) {
            s.append(" (a beat on a pedestal only with at least ").append(pct(t.pedestalAmplitude()))
                    .append(" of the episode's typical beat amplitude)");
        }
        s.append("; the grown episode was judged again as a whole, and growth that")
                .append(" broke its rhythm was left out. Episode frequency is the inverse of the mean beat interval;")
                .append(" duration is the number of beats times that interval. ");
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

    private static String pct(double fraction) {
        return Fmt.num(100 * fraction) + " %";
    }

    private static String sci(double v) {
        return String.format(java.util.Locale.ROOT, "%.0e", v);
    }

    private static String n(double v) {
        return Fmt.num(v);
    }
}
