package io.clonus.condition;

import io.clonus.detect.DetectorConfig;
import io.clonus.detect.InvalidSignalException;
import io.clonus.detect.Fmt;
import io.clonus.detect.Conditioning;
import io.clonus.detect.DetectionSink;
import io.clonus.detect.MainsSetting;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;
import io.clonus.dsp.Spectrum;
import java.util.Arrays;

/**
 * Turns raw EMG into the envelope in which beats are found, causally and in constant memory, so that the
 * offline and the real-time detector see the same envelope.
 *
 * <ol>
 * <li>Band-pass {@code emgLowHz}–{@code emgHighHz} (Butterworth, capped at 0.45 × sample rate), starting
 *     in the steady state of the first sample, so a DC offset causes no transient.</li>
 * <li>Mains interference at the mains frequency and those of its harmonics that stand out is subtracted
 *     as a sinusoid learned while the muscle is quiet ({@link MainsCanceller}); unlike a notch, this leaves
 *     no ringing after a burst to fill the relaxation between beats.</li>
 * <li>Samples where the raw input has not reversed direction for two periods of the search range's low
 *     edge ({@link MonotoneGate}: a ramp, or a ramp quantised into a staircase) are set to zero: they hold
 *     no oscillation, and a staircase's steps would pass the band-pass as a train of bursts.</li>
 * <li>Full-wave rectification.</li>
 * <li>Averaging over blocks of M samples (M = sample rate / 250, rounded), which decimates the envelope
 *     to about 250 Hz without aliasing the rhythm.</li>
 * <li>Two 4th-order Butterworth low-passes of the decimated envelope: {@code envelopeCutoffHz} (beats)
 *     and {@code burstCutoffHz} (burst width).</li>
 * </ol>
 *
 * <p>With {@link MainsSetting#AUTO} the first {@code mainsProbeS} seconds are held back, the mains
 * frequency is decided from their spectrum (a line at 50 or 60 Hz at least 10 dB above its neighbours in
 * the periodogram of any one second), and then processing goes on; the envelope is the same however the samples are split into calls.
 * Not thread-safe.
 */
public final class EmgConditioner {
    /**
     * The mains canceller learns from each sample's error clipped at this many quiet RMS (an electrode pop
     * must not throw it).
     */
    public static final double MAINS_LEARNING_CLIP = MainsCanceller.CLIP_FACTOR;
    /** Target rate of the decimated envelope, Hz. */
    public static final double ENVELOPE_RATE_HZ = 250.0;
    /** A mains line must stand this many times (power) above its neighbours to be cancelled: 10 dB. */
    static final double LINE_RATIO = 10.0;
    private static final int CHUNK = 4096;

    private final DetectorConfig cfg;
    private final double fs;
    private final DetectionSink sink;
    private final int decimation;
    private final double highHz;
    private final Sos slowSos;
    private final SosFilter slow;
    private final double[] work = new double[CHUNK];
    /** Running maximum of |raw| up to each sample of the current chunk, filled only when the maximum grows. */
    private final double[] maxUpTo = new double[CHUNK];
    private final MonotoneGate gate;
    /** Samples of the current chunk whose raw input the gate shut, set to zero after the band-pass. */
    private final boolean[] shut = new boolean[CHUNK];
    private double rawMax;
    private double reportedMax;

    private double[] probe;
    private int probeLength;
    private SosFilter filter;
    private Sos bandPass;
    private MainsCanceller canceller;
    private double mainsHz;
    private java.util.List<Double> mainsLines = java.util.List.of();
    private double sum;
    private double sumSquares;
    private int inBlock;
    private boolean envelopeStarted;
    private final double[] delayLine;
    private final double[] delayLinePower;
    private long emitted;
    private long samples;

    /**
     * @param config       detector parameters
     * @param sampleRateHz EMG sample rate, Hz; at least {@link DetectorConfig#MIN_EMG_SAMPLE_RATE_HZ}
     * @param sink         receives the envelope
     * @throws InvalidSignalException if the sample rate is too low for EMG
     */
    public EmgConditioner(DetectorConfig config, double sampleRateHz, DetectionSink sink) {
        this.cfg = config;
        this.fs = sampleRateHz;
        this.sink = sink;
        if (!(sampleRateHz >= DetectorConfig.MIN_EMG_SAMPLE_RATE_HZ)) {
            throw new InvalidSignalException("", "EMG sampled at " + Fmt.num(sampleRateHz) + " Hz is too slow: the "
                    + Fmt.num(config.emgLowHz()) + "-" + Fmt.num(config.emgHighHz()) + " Hz EMG band needs about "
                    + Fmt.num(DetectorConfig.RECOMMENDED_EMG_SAMPLE_RATE_HZ) + " Hz (at least "
                    + Fmt.num(DetectorConfig.MIN_EMG_SAMPLE_RATE_HZ) + " Hz is accepted)");
        }
        this.highHz = config.emgHighHzAt(sampleRateHz);
        if (highHz <= config.emgLowHz()) {
            throw new InvalidSignalException("", "EMG band " + config.emgLowHz() + "-" + config.emgHighHz()
                    + " Hz does not fit below the Nyquist frequency " + sampleRateHz / 2 + " Hz");
        }
        this.decimation = Math.max(1, (int) Math.round(sampleRateHz / ENVELOPE_RATE_HZ));
        double rate = sampleRateHz / decimation;
        this.slowSos = Butterworth.lowPass(4, config.envelopeCutoffHz(), rate);
        this.slow = SosFilter.of(slowSos);
        this.delayLine = new double[Math.max(1, (int) Math.round(delayS() * rate))];
        this.delayLinePower = new double[delayLine.length];
        this.gate = new MonotoneGate(sampleRateHz, config.searchLowHz());
        switch (config.mains()) {
            case OFF -> configure(0, new double[0]);
            case HZ_50 -> configure(50, harmonicsBelow(50, 3));
            case HZ_60 -> configure(60, harmonicsBelow(60, 3));
            case AUTO -> probe = new double[Math.max(1, (int) Math.round(config.mainsProbeS() * sampleRateHz))];
            default -> throw new IllegalStateException();
        }
    }

    private double[] harmonicsBelow(double f0, int count) {
        double[] lines = new double[count];
        int n = 0;
        for (int h = 1; h <= count; h++) {
            if (h * f0 < highHz && h * f0 < 0.45 * fs) {
                lines[n++] = h * f0;
            }
        }
        return Arrays.copyOf(lines, n);
    }

    private void configure(double mains, double[] lines) {
        this.bandPass = Butterworth.bandPass(cfg.emgFilterOrder(), cfg.emgLowHz(), highHz, fs);
        this.mainsHz = lines.length == 0 ? 0 : mains;
        this.mainsLines = java.util.Arrays.stream(lines).boxed().toList();
        this.filter = SosFilter.of(bandPass);
        this.canceller = lines.length == 0 ? null : new MainsCanceller(mains, lines, fs);
    }

    /** @return the rate of the envelope handed to the sink, Hz */
    public double envelopeRateHz() {
        return fs / decimation;
    }

    /** @return samples averaged into one envelope sample */
    public int decimation() {
        return decimation;
    }

    /**
     * @return time in seconds, from the record start, of envelope sample 0 after correcting for the delay of
     *         the averaging and of the envelope low-pass at the clonus band's centre
     */
    public double time0S() {
        return (decimation - 1) / (2 * fs) - delayS();
    }

    /** @return delay of the envelope low-pass at the centre of the clonus band, seconds */
    public double delayS() {
        return FilterMath.groupDelayS(slowSos, 0.5 * (cfg.bandLowHz() + cfg.bandHighHz()), envelopeRateHz());
    }

    /**
     * @return the conditioning applied; with {@link MainsSetting#AUTO} the mains fields are known only after
     *         the probe (or {@link #finish()})
     */
    public Conditioning conditioning() {
        return new Conditioning(cfg.emgLowHz(), highHz, cfg.emgFilterOrder(), mainsHz, mainsLines, envelopeRateHz(),
                delayS());
    }

    /**
     * Feeds raw samples.
     *
     * @param x      samples, not modified
     * @param offset first sample
     * @param length number of samples
     */
    public void accept(double[] x, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (filter == null) {
            int n = Math.min(length, probe.length - probeLength);
            System.arraycopy(x, offset, probe, probeLength, n);
            probeLength += n;
            i += n;
            if (probeLength == probe.length) {
                releaseProbe();
            } else {
                return;
            }
        }
        while (i < end) {
            int n = Math.min(CHUNK, end - i);
            System.arraycopy(x, i, work, 0, n);
            run(work, n);
            i += n;
        }
    }

    /** Ends the input: a record shorter than the mains probe is processed now. */
    public void finish() {
        if (filter == null) {
            releaseProbe();
        }
    }

    private void releaseProbe() {
        double f0 = probeLength >= fs ? detectMains(probe, probeLength) : 0;
        configure(f0, f0 == 0 ? new double[0] : standingLines(f0));
        double[] held = probe;
        int n = probeLength;
        probe = null;
        if (canceller != null && n > 0) {
            // learn the hum over the probe first, so that cancelling works from the first sample
            SosFilter f = SosFilter.of(bandPass);
            f.initSteadyState(held[0]);
            double[] copy = new double[CHUNK];
            boolean fused = canceller.canFilter(bandPass.sectionCount());
            double[] coef = fused ? flatCoefficients(bandPass) : null;
            double[] state = fused ? f.state() : null;
            for (int i = 0; i < n; i += CHUNK) {
                int m = Math.min(CHUNK, n - i);
                System.arraycopy(held, i, copy, 0, m);
                if (fused) {
                    canceller.filterAndProcess(coef, state, copy, m);
                } else {
                    f.process(copy, 0, copy, 0, m);
                    canceller.process(copy, m);
                }
            }
            canceller.rewind();
        }
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            System.arraycopy(held, i, work, 0, m);
            run(work, m);
        }
    }

    private Spectrum[] probeSpectra;

    /** The cascade's coefficients, six per section (b0, b1, b2, a0, a1, a2), in one array. */
    private static double[] flatCoefficients(Sos sos) {
        double[][] rows = sos.toArray();
        double[] flat = new double[6 * rows.length];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(rows[s], 0, flat, 6 * s, 6);
        }
        return flat;
    }
    /** When not null, {@link #run} band-passes with these and cancels the hum in one pass. */
    private double[] fusedCoef;
    private double[] fusedState;

    /**
     * 50, 60 or 0: the mains line that stands out most, if either stands at least 10 dB above its
     * neighbours in some one-second stretch of the probe. Judging each second alone keeps a burst of muscle
     * activity in one second from hiding the line that the quiet seconds show.
     */
    private double detectMains(double[] x, int n) {
        int seg = (int) Math.min(n, Math.round(fs));
        int count = Math.max(1, n / seg);
        probeSpectra = new Spectrum[count];
        for (int i = 0; i < count; i++) {
            probeSpectra[i] = Spectrum.periodogram(x, i * seg, i * seg + seg, fs, seg);
        }
        double r50 = lineRatio(50);
        double r60 = lineRatio(60);
        if (Math.max(r50, r60) < LINE_RATIO) {
            return 0;
        }
        return r50 >= r60 ? 50 : 60;
    }

    private double[] standingLines(double f0) {
        double[] lines = new double[5];
        int n = 0;
        for (int h = 1; h <= 5 && h * f0 < highHz && h * f0 < 0.45 * fs; h++) {
            if (h == 1 || lineRatio(h * f0) >= LINE_RATIO) {
                lines[n++] = h * f0;
            }
        }
        return Arrays.copyOf(lines, n);
    }

    /** Largest, over the probe's seconds, of the power at f (±1 Hz) over the median power 3–10 Hz away. */
    private double lineRatio(double f) {
        double best = 0;
        for (Spectrum sp : probeSpectra) {
            double[] fr = sp.frequencyHz();
            double[] p = sp.psd();
            double line = 0;
            double[] around = new double[fr.length];
            int m = 0;
            for (int i = 0; i < fr.length; i++) {
                double d = Math.abs(fr[i] - f);
                if (d <= 1.0) {
                    line = Math.max(line, p[i]);
                } else if (d >= 3 && d <= 10) {
                    around[m++] = p[i];
                }
            }
            if (m == 0 || line == 0) {
                continue;
            }
            Arrays.sort(around, 0, m);
            double median = around[m / 2];
            best = Math.max(best, median > 0 ? line / median : Double.POSITIVE_INFINITY);
        }
        return best;
    }

    private void run(double[] buf, int n) {
        // the input's magnitude, for the floor's precision limit, as of each envelope sample
        double chunkMax = 0;
        for (int i = 0; i < n; i++) {
            chunkMax = Math.max(chunkMax, Math.abs(buf[i]));
        }
        boolean grows = chunkMax > rawMax;
        if (grows) {
            double m = rawMax;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, Math.abs(buf[i]));
                maxUpTo[i] = m;
            }
            rawMax = m;
        }
        // which samples hold no oscillation, judged on the raw input before it is filtered in place
        boolean anyShut = false;
        for (int i = 0; i < n; i++) {
            boolean s = !gate.open(buf[i]);
            shut[i] = s;
            anyShut |= s;
        }
        if (samples == 0) {
            filter.initSteadyState(buf[0]);
            if (canceller != null && canceller.canFilter(bandPass.sectionCount())) {
                // band-pass and canceller in one pass, from the filter's starting state (the same bits)
                fusedState = filter.state();
                fusedCoef = flatCoefficients(bandPass);
            }
        }
        samples += n;
        if (fusedState != null) {
            canceller.filterAndProcess(fusedCoef, fusedState, buf, n);
        } else {
            filter.process(buf, 0, buf, 0, n);
            if (canceller != null) {
                canceller.process(buf, n);
            }
        }
        if (anyShut) {
            for (int i = 0; i < n; i++) {
                if (shut[i]) {
                    buf[i] = 0;
                }
            }
        }
        // rectify and average over blocks of m samples; the sums run in locals, in sample order, so the
        // block means are the same bits whatever the chunking
        int m = decimation;
        int i = 0;
        while (i < n) {
            int take = Math.min(n - i, m - inBlock);
            int end = i + take;
            double s1 = sum;
            double s2 = sumSquares;
            for (; i < end; i++) {
                double y = buf[i];
                s1 += Math.abs(y);
                s2 += y * y;
            }
            inBlock += take;
            if (inBlock == m) {
                // the largest |raw| up to the block's last sample, whichever chunk raised it
                double upTo = grows ? maxUpTo[end - 1] : rawMax;
                if (upTo > reportedMax) {
                    reportedMax = upTo;
                    sink.inputMagnitude(reportedMax);
                }
                emit(s1 / m, s2 / m);
                sum = 0;
                sumSquares = 0;
                inBlock = 0;
            } else {
                sum = s1;
                sumSquares = s2;
            }
        }
    }

    private void emit(double v, double power) {
        if (!envelopeStarted) {
            slow.initSteadyState(v);
            java.util.Arrays.fill(delayLine, v);
            java.util.Arrays.fill(delayLinePower, power);
            envelopeStarted = true;
        }
        // delay the unsmoothed block values by the low-pass's delay so that all describe the same instant
        int slot = (int) (emitted % delayLine.length);
        double level = delayLine[slot];
        double delayedPower = delayLinePower[slot];
        delayLine[slot] = v;
        delayLinePower[slot] = power;
        emitted++;
        sink.accept(slow.process(v), level, delayedPower);
    }
}
