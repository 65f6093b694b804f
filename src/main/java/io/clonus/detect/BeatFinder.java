package io.clonus.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds beats, and episodes of beats, in a detection signal delivered one sample at a time; the heart of
 * both the offline and the real-time detector, so that the two give the same answer.
 *
 * <p><b>Beats.</b> A candidate is a local maximum that is the highest within 0.8 of the shortest beat
 * interval (1 / {@link DetectorConfig#searchHighHz()}) on both sides. Its prominence is measured within one
 * longest interval (1 / {@link DetectorConfig#searchLowHz()}) on each side, as scipy's {@code find_peaks}
 * does with that window. For EMG the candidate must be a burst separated by relaxation: the peak stands
 * {@code minSalience} times above the noise floor (the 20th percentile of the medians of quarter-second
 * blocks of rectified EMG over the trailing {@code floorWindowS}: relaxation even in a record that is
 * clonus throughout, and still rest while a contraction fills most of the window); the envelope falls to
 * at most {@code 1 - minRelaxation} of the peak on both sides; the rectified EMG comes down to
 * {@code maxRelaxedLevel} noise floors (or 15 % of the peak) on both sides. Each EMG beat is also marked
 * when it looks like a single motor-unit potential (shorter than {@code minBurstS} in effective duration
 * with its energy in about 8 ms); a chain whose beats are mostly such potentials is a single unit firing
 * regularly, not clonus. For ACC each oscillation cycle is a candidate: its peak falls to a trough by at least
 * {@code minCycleProminence} of the signal's range in the same window on one side (the first cycle of an
 * oscillation rises from rest) and by at least a tenth of it on the other, and it stands a fifth of the
 * range above the local mean.
 *
 * <p><b>Episodes.</b> Before an episode is open, every recent candidate is kept with the longest chains of
 * candidates through it whose intervals agree within {@code intervalTolerance} of the chain's period and
 * whose amplitudes are within a factor of 5. A chain becomes an episode once it has {@code minBeats}
 * beats, its frequency lies in the clonus band, its intervals vary by at most {@code maxIntervalCv}, the
 * detection signal's autocorrelation over the chain at the beat period is at least
 * {@code minPeriodicity} while that at half the period is clearly lower, most of its beats are not
 * single motor-unit potentials (otherwise the beats would be every
 * other cycle of a faster rhythm), and the periodogram of the same stretch peaks within 20 % of the beat
 * frequency (FFT and autocorrelation must agree with the beats). For ACC a chain of fewer than
 * {@code selfEvidentBeats} cycles must also stand out from the background: its typical amplitude at least
 * {@code minCycleSalience} noise floors. Within an episode one missing beat (an interval of two periods)
 * is bridged and one early extra peak is skipped; the episode ends when no beat arrives at its period. A
 * chain of exactly {@code minBeats} beats is only judged once its period has passed without another
 * candidate: the shortest episode must be followed by silence, not by a peak that breaks its rhythm (a
 * motor unit speeding up, as in needle EMG, or the tail of a voluntary burst).
 *
 * <p><b>Latency.</b> A candidate is judged once one longest interval of signal after it has arrived
 * ({@link #beatLatencyS()}); an episode is reported ended at most {@code 2 + intervalTolerance} periods
 * after its last beat plus that latency.
 *
 * <p>Memory is bounded (a few seconds of signal, 64 recent candidates, up to {@code maxEpisodeEvidenceS}
 * of the current episode's signal for its estimates, and the current episode's beats); nothing is
 * allocated per sample except when an episode starts or ends or a beat is reported. The output does not
 * depend on how samples are grouped into calls. Not thread-safe.
 */
public final class BeatFinder implements DetectionSink {
    /** The autocorrelation at half the period must stay this far below that at the period. */
    static final double HALF_PERIOD_MARGIN = 0.15;
    /** Relative agreement needed between the beat frequency and the stretch's spectral peak. */
    static final double SPECTRAL_AGREEMENT = 0.2;
    /** ACC: the smaller fall on either side of a cycle's peak, as a fraction of the local range. */
    static final double MIN_FALL_SHARE = 0.1;
    /** ACC: how far a cycle's peak stands above the local mean, as a fraction of the local range. */
    static final double MIN_RISE_SHARE = 0.2;
    /** Share of a burst's energy in two adjacent blocks from which a short burst is a single motor unit. */
    static final double SINGLE_UNIT_SHARE = 0.85;
    /** Largest ratio between a beat's amplitude and the typical amplitude of its run. */
    static final double AMPLITUDE_RATIO = 5.0;
    /** Between bursts the rectified EMG may stay up to this fraction of the envelope peak (filter tails). */
    static final double RELAXED_SHARE = 0.15;
    private static final double FLOOR_BLOCK_S = 0.25;
    /** Quantile of the blocks' medians taken as the noise floor. */
    static final double FLOOR_QUANTILE = 0.2;

    private final DetectorConfig cfg;
    private final SignalType type;
    private final double rateHz;
    private final double time0S;
    private final DetectionListener listener;

    private final double[] ringD;
    private final double[] ringW;
    private final double[] ringQ;
    private final int mask;
    private final int half;
    private final int distance;
    private final int evidenceMax;
    private long newest = -1;
    private long examined = 0;

    // noise floor: medians of quarter-second blocks of the block-averaged rectified EMG, or of |ACC|
    private final int blockLength;
    private final double[] blockMinima;
    private final SortedWindow sortedMinima;
    private int blockFill;
    private final double[] blockValues;
    private final double[] sortScratch2;
    private long blocksDone;

    // current run of beats
    private double[] runTimes = new double[64];
    private double[] runAmps = new double[64];
    private long[] runIndex = new long[64];
    private boolean[] runBridged = new boolean[64];
    private boolean[] runUnit = new boolean[64];
    private int runSize;

    // candidates kept while no episode is open: each with the longest consistent chain ending at it
    private static final int CANDIDATES = 64;
    private final double[] cTime = new double[CANDIDATES];
    private final double[] cAmp = new double[CANDIDATES];
    private final long[] cIndex = new long[CANDIDATES];
    private final boolean[] cUnit = new boolean[CANDIDATES];
    private static final int STATES = 8;
    private final int[] sCount = new int[CANDIDATES];
    private final long[][] sPrev = new long[CANDIDATES][STATES];
    private final int[][] sVia = new int[CANDIDATES][STATES];
    private final int[][] sLength = new int[CANDIDATES][STATES];
    private final double[][] sPeriod = new double[CANDIDATES][STATES];
    private long candidateSeq;
    private long candidateFirst;
    // a chain of exactly minBeats beats waiting for the silence after it
    private long pendingSeq = -1;
    private int pendingState;
    private double pendingDeadline;
    private final double[] recentIntervals = new double[8];
    private final Memo periodMemo = new Memo(8);
    private final double[] periodScratch = new double[8];
    private int recentCount;
    private int earlySkips;
    private boolean accepted;
    private double acceptedPeriodicity;
    private int episodeCount;

    // evidence of the current episode
    private final double[] evidence;
    private long evidenceStart;
    private int evidenceLength;
    private final double[] scratch;
    private final Evidence stats;

    private final RhythmAccumulator rhythm;
    private final List<Episode> episodes = new ArrayList<>();

    /**
     * @param config   detector parameters
     * @param type     signal type (decides what a beat is)
     * @param rateHz   sample rate of the detection signal, Hz
     * @param time0S   time of detection sample 0 in seconds from the record start, including the
     *                 conditioning delay correction
     * @param listener hears beats and episodes; may be null
     */
    public BeatFinder(DetectorConfig config, SignalType type, double rateHz, double time0S, DetectionListener listener) {
        this.cfg = config;
        this.type = type;
        this.rateHz = rateHz;
        this.time0S = time0S;
        this.listener = listener == null ? new DetectionListener() { } : listener;
        this.half = Math.max(2, (int) Math.ceil(rateHz / config.searchLowHz()));
        this.distance = Math.max(1, (int) Math.floor(0.8 * rateHz / config.searchHighHz()));
        this.evidenceMax = (int) Math.ceil(4.0 * rateHz) + half;
        int need = evidenceMax + 2 * half + 2;
        int size = Integer.highestOneBit(need) << 1;
        this.ringD = new double[size];
        this.ringW = new double[size];
        this.ringQ = new double[size];
        this.mask = size - 1;
        this.blockLength = Math.max(1, (int) Math.round(FLOOR_BLOCK_S * rateHz));
        int blocks = Math.max(1, (int) Math.ceil(config.floorWindowS() / FLOOR_BLOCK_S));
        this.blockMinima = new double[blocks];
        this.sortedMinima = new SortedWindow(blocks);
        this.blockValues = new double[blockLength];
        this.sortScratch2 = new double[blockLength];
        this.evidence = new double[(int) Math.ceil((config.maxEpisodeEvidenceS() + 2.0 / config.searchLowHz()) * rateHz)
                + size];
        this.scratch = new double[size];
        this.stats = new Evidence(rateHz, config.searchLowHz(), config.searchHighHz());
        this.rhythm = new RhythmAccumulator(rateHz, config.searchLowHz(), config.searchHighHz());
    }

    /** @return how long after a beat it is known, seconds (one longest beat interval of look-ahead) */
    public double beatLatencyS() {
        return half / rateHz;
    }

    /** @return sample rate of the detection signal, Hz */
    public double rateHz() {
        return rateHz;
    }

    @Override
    public void accept(double value, double level, double power) {
        long j = ++newest;
        int slot = (int) (j & mask);
        ringD[slot] = value;
        ringW[slot] = level;
        ringQ[slot] = power;
        updateFloor(level);
        rhythm.add(value);
        if (accepted && evidenceLength < evidence.length) {
            evidence[evidenceLength++] = value;
        }
        long k = j - half;
        if (k >= 1) {
            examine(k, j);
            examined = k;
            checkTimeout(k);
        }
    }

    /**
     * Ends the record: judges the last candidates with the signal that exists and closes the open episode.
     * No sample may follow.
     */
    public void finish() {
        for (long k = Math.max(1, examined + 1); k < newest; k++) {
            examine(k, newest);
            examined = k;
            checkTimeout(k);
        }
        if (!accepted && pendingSeq >= 0 && timeOf(newest) > pendingDeadline) {
            checkTimeout(newest);
        }
        endRun();
    }

    /** @return the episodes finished so far, in time order */
    public List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** @return the rhythm of everything received so far */
    public RhythmEstimate rhythm() {
        return rhythm.estimate(cfg);
    }

    /** @return number of detection samples received */
    public long sampleCount() {
        return newest + 1;
    }

    private double d(long i) {
        return ringD[(int) (i & mask)];
    }

    private double w(long i) {
        return ringW[(int) (i & mask)];
    }

    private double timeOf(double index) {
        return index / rateHz + time0S;
    }

    // ---------------------------------------------------------------- noise floor

    private void updateFloor(double v) {
        blockValues[blockFill] = v;
        if (++blockFill == blockLength) {
            // the element a sort would put at blockLength / 2 (blockValues is refilled from 0 afterwards)
            double median = Select.kth(blockValues, blockLength, blockLength / 2);
            int slot = (int) (blocksDone % blockMinima.length);
            sortedMinima.replace(blocksDone >= blockMinima.length, blockMinima[slot], median);
            blockMinima[slot] = median;
            blocksDone++;
            blockFill = 0;
        }
    }

    private double floor() {
        int n = (int) Math.min(blocksDone, blockMinima.length);
        if (n == 0) {
            if (blockFill == 0) {
                return 0;
            }
            System.arraycopy(blockValues, 0, sortScratch2, 0, blockFill);
            return Math.max(0, Select.kth(sortScratch2, blockFill, blockFill / 2));
        }
        // a low quantile, so that the floor stays at relaxation while a contraction fills most of the window
        // (sortedMinima holds the n block minima in sorted order)
        return Math.max(0, sortedMinima.get((int) (FLOOR_QUANTILE * (n - 1))));
    }

    // ---------------------------------------------------------------- candidates

    private void examine(long k, long last) {
        double dk = d(k);
        if (!(dk > d(k - 1) && dk >= d(k + 1))) {
            return;
        }
        long lo = Math.max(0, k - distance);
        long hi = Math.min(last, k + distance);
        for (long i = lo; i < k; i++) {
            if (d(i) >= dk) {
                return;
            }
        }
        for (long i = k + 1; i <= hi; i++) {
            if (d(i) > dk) {
                return;
            }
        }
        long wlo = Math.max(0, k - half);
        long whi = Math.min(last, k + half);
        double minL = dk;
        long iL = k;
        for (long i = k - 1; i >= wlo; i--) {
            double v = d(i);
            if (v > dk) {
                break;
            }
            if (v < minL) {
                minL = v;
                iL = i;
            }
        }
        double minR = dk;
        long iR = k;
        for (long i = k + 1; i <= whi; i++) {
            double v = d(i);
            if (v > dk) {
                break;
            }
            if (v < minR) {
                minR = v;
                iR = i;
            }
        }
        double prominence = dk - Math.max(minL, minR);
        double amplitude;
        boolean unitLike = false;
        if (type == SignalType.EMG) {
            double floor = floor();
            if (!(dk > 0) || prominence < cfg.minRelaxation() * dk || dk < cfg.minSalience() * floor) {
                return;
            }
            if (!relaxesBothSides(k, wlo, whi, floor)) {
                return;
            }
            unitLike = singleUnit(k, wlo, whi);
            amplitude = dk;
        } else {
            double max = dk;
            double min = dk;
            double sum = 0;
            for (long i = wlo; i <= whi; i++) {
                double v = d(i);
                max = Math.max(max, v);
                min = Math.min(min, v);
                sum += v;
            }
            double mean = sum / (whi - wlo + 1);
            // a cycle's peak stands above the local mean and falls on both sides, by a cycle's depth on at
            // least one: the first peak of an oscillation rises from rest, so only its fall to the next
            // trough has the full depth; a bump of noise or ringing next to the oscillation stays near the mean
            double range = max - min;
            double fall = dk - Math.min(minL, minR);
            if (!(range > 0) || fall < cfg.minCycleProminence() * range || prominence < MIN_FALL_SHARE * range
                    || dk - mean < MIN_RISE_SHARE * range) {
                return;
            }
            amplitude = fall / 2;
        }
        double a = d(k - 1);
        double c = d(k + 1);
        double den = a - 2 * dk + c;
        double delta = den == 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den));
        onCandidate(k, timeOf(k + delta), amplitude, unitLike);
    }

    /**
     * Whether the block-averaged rectified EMG returns to relaxation on both sides of the peak at k: its
     * minimum between the peak and each neighbouring valley of the envelope (searched up to the window edges
     * lo and hi) is at most {@code maxRelaxedLevel} times the noise floor, or {@link #RELAXED_SHARE} of the
     * envelope peak for strong bursts whose filter tails stay above the floor. A tonic contraction whose
     * envelope merely swings never comes back down.
     */
    private boolean relaxesBothSides(long k, long lo, long hi, double floor) {
        double limit = Math.max(cfg.maxRelaxedLevel() * floor, RELAXED_SHARE * d(k));
        double min = w(k);
        for (long i = valleyLeft(k, lo); i < k; i++) {
            min = Math.min(min, w(i));
        }
        if (min > limit) {
            return false;
        }
        min = w(k);
        for (long i = valleyRight(k, hi); i > k; i--) {
            min = Math.min(min, w(i));
        }
        return min <= limit;
    }

    /**
     * The envelope's valley before the peak at k: walking down past any shallow dip that stays above half
     * the peak (a burst's envelope may waver), to the first local minimum below it; not beyond lo.
     */
    private long valleyLeft(long k, long lo) {
        double half = 0.5 * d(k);
        long i = k;
        while (i > lo && (d(i - 1) <= d(i) || d(i - 1) > half)) {
            i--;
        }
        return i;
    }

    /** Like {@link #valleyLeft} after the peak; not beyond hi. */
    private long valleyRight(long k, long hi) {
        double half = 0.5 * d(k);
        long i = k;
        while (i < hi && (d(i + 1) <= d(i) || d(i + 1) > half)) {
            i++;
        }
        return i;
    }

    /**
     * Whether the burst at k is a single motor-unit potential rather than a burst of many units: its
     * effective duration, (Σ|x|)² / Σx² / rate over the raw samples of the blocks between the valleys next
     * to the peak whose mean |x| exceeds a base level (the larger of its median over that stretch and a fifth
     * of its maximum), is below {@code minBurstS}, and two adjacent blocks (about 8 ms) hold at least
     * {@link #SINGLE_UNIT_SHARE} of the energy of the blocks above the median. A motor-unit potential lasts
     * a few milliseconds; a clonus burst of many units tens of milliseconds, and even a spiky one spreads its
     * energy over more blocks, so requiring both keeps noisy bursts.
     */
    private boolean singleUnit(long k, long lo, long hi) {
        long iL = valleyLeft(k, lo);
        long iR = valleyRight(k, hi);
        int n = (int) (iR - iL + 1);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double v = w(iL + i);
            scratch[i] = v;
            max = Math.max(max, v);
        }
        Arrays.sort(scratch, 0, n);
        double median = scratch[n / 2];
        double base = Math.max(median, 0.2 * max);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        double pair = 0;
        for (long i = iL; i <= iR; i++) {
            double q = ringQ[(int) (i & mask)];
            if (w(i) > base) {
                s1 += w(i);
                s2 += q;
            }
            if (w(i) > median) {
                energy += q;
            }
            if (i < iR) {
                pair = Math.max(pair, q + ringQ[(int) ((i + 1) & mask)]);
            }
        }
        double duration = s2 > 0 ? s1 * s1 / s2 / rateHz : 0;
        return duration < cfg.minBurstS() && energy > 0 && pair >= SINGLE_UNIT_SHARE * energy;
    }

    // ---------------------------------------------------------------- runs

    private void onCandidate(long k, double t, double amplitude, boolean unitLike) {
        if (accepted) {
            extendEpisode(k, t, amplitude, unitLike);
        } else {
            chain(k, t, amplitude, unitLike);
        }
    }

    /**
     * Before an episode is recognised: links the candidate to each recent candidate that could precede it,
     * extending the longest consistently spaced chain through that predecessor, and tries to accept the
     * chains that are long enough. Keeping every recent candidate and several chains through each, rather
     * than one run, means stray peaks (noise before an episode, an artefact between beats, a chain at
     * another period) neither start a false rhythm nor hide a true one.
     */
    private void chain(long k, double t, double amplitude, boolean unitLike) {
        long seq = candidateSeq++;
        int slot = (int) (seq % CANDIDATES);
        double minIv = 1 / cfg.searchHighHz();
        double maxIv = 1 / cfg.searchLowHz();
        double tol = cfg.intervalTolerance();
        cTime[slot] = t;
        cAmp[slot] = amplitude;
        cIndex[slot] = k;
        cUnit[slot] = unitLike;
        int count = 0;
        for (long j = seq - 1; j >= Math.max(candidateFirst, seq - CANDIDATES + 1); j--) {
            int js = (int) (j % CANDIDATES);
            double dt = t - cTime[js];
            if (dt > maxIv * (1 + tol)) {
                break; // older candidates are further away still
            }
            if (dt < minIv || amplitude < cAmp[js] / AMPLITUDE_RATIO || amplitude > cAmp[js] * AMPLITUDE_RATIO) {
                continue;
            }
            int length = 0;
            int via = -1;
            double period = dt;
            for (int st = 0; st < sCount[js]; st++) {
                double p = sPeriod[js][st];
                if (Math.abs(dt - p) <= tol * p && sLength[js][st] > length) {
                    length = sLength[js][st];
                    via = st;
                    period = (p * (length - 1) + dt) / length;
                }
            }
            if (via < 0) {
                if (dt > maxIv) {
                    continue;
                }
                length = 1; // the chain starts at j
            }
            count = keepState(slot, count, j, via, length + 1, period);
        }
        sCount[slot] = count;
        pendingSeq = -1;
        for (int st = 0; st < count && !accepted; st++) {
            double f = 1 / sPeriod[slot][st];
            if (sLength[slot][st] >= cfg.minBeats() && f >= cfg.bandLowHz() * (1 - tol)
                    && f <= cfg.bandHighHz() * (1 + tol)) {
                if (sLength[slot][st] == cfg.minBeats()) {
                    // the shortest episode must be followed by silence, not by a peak that breaks its rhythm
                    // (a motor unit speeding up, the tail of a voluntary burst): decide when its period has passed
                    if (pendingSeq < 0) {
                        pendingSeq = seq;
                        pendingState = st;
                        pendingDeadline = t + (1 + tol) * sPeriod[slot][st];
                    }
                    continue;
                }
                loadChain(seq, st);
                tryAccept();
                if (!accepted) {
                    clearRun();
                }
            }
        }
        if (accepted) {
            pendingSeq = -1;
        }
    }

    /** Stores a chain state, dropping the shortest when all places are taken; returns the new count. */
    private int keepState(int slot, int count, long prev, int via, int length, double period) {
        int at = count;
        if (count == STATES) {
            at = 0;
            for (int st = 1; st < STATES; st++) {
                if (sLength[slot][st] < sLength[slot][at]) {
                    at = st;
                }
            }
            if (sLength[slot][at] >= length) {
                return count;
            }
        }
        sPrev[slot][at] = prev;
        sVia[slot][at] = via;
        sLength[slot][at] = length;
        sPeriod[slot][at] = period;
        return Math.max(count, at + 1);
    }

    /** Copies the chain through state {@code st} of candidate {@code seq} into the run arrays. */
    private void loadChain(long seq, int st) {
        int n = sLength[(int) (seq % CANDIDATES)][st];
        clearRun();
        ensureRunCapacity(n);
        long j = seq;
        int state = st;
        int i = n - 1;
        while (i >= 0 && j >= candidateFirst && j > candidateSeq - 1 - CANDIDATES) {
            int js = (int) (j % CANDIDATES);
            runTimes[i] = cTime[js];
            runAmps[i] = cAmp[js];
            runIndex[i] = cIndex[js];
            runUnit[i] = cUnit[js];
            runBridged[i] = false;
            i--;
            if (state < 0) {
                break;
            }
            long prev = sPrev[js][state];
            state = sVia[js][state];
            j = prev;
        }
        // a chain longer than the candidates kept starts at the oldest one still kept
        int first = i + 1;
        if (first > 0) {
            System.arraycopy(runTimes, first, runTimes, 0, n - first);
            System.arraycopy(runAmps, first, runAmps, 0, n - first);
            System.arraycopy(runIndex, first, runIndex, 0, n - first);
        }
        runSize = n - first;
        for (int m = 1; m < runSize; m++) {
            recentIntervals[recentCount % recentIntervals.length] = runTimes[m] - runTimes[m - 1];
            recentCount++;
        }
    }

    /** Within an episode: extends it, bridges one missing beat, skips one early extra peak, or ends it. */
    private void extendEpisode(long k, double t, double amplitude, boolean unitLike) {
        double dt = t - runTimes[runSize - 1];
        double period = period();
        double tol = cfg.intervalTolerance() * period;
        double typical = typicalAmplitude();
        if (amplitude < typical / AMPLITUDE_RATIO || amplitude > typical * AMPLITUDE_RATIO) {
            dt = Double.POSITIVE_INFINITY; // a beat five times smaller or larger than its episode does not belong to it
        }
        if (Math.abs(dt - period) <= tol) {
            if (runBridged[runSize - 1]) {
                listener.onBeat(episodeCount, new Beat(runTimes[runSize - 1], runAmps[runSize - 1]));
            }
            append(k, t, amplitude, false, unitLike);
            listener.onBeat(episodeCount, new Beat(t, amplitude));
            earlySkips = 0;
        } else if (!runBridged[runSize - 1] && Math.abs(dt - 2 * period) <= tol) {
            // one beat too weak to pass: bridge the gap; the beat after it is reported once the episode goes on
            append(k, t, amplitude, true, unitLike);
            earlySkips = 0;
        } else if (dt < period - tol && earlySkips == 0) {
            earlySkips++; // an extra peak inside a cycle: skip it once
        } else {
            endRun();
            chain(k, t, amplitude, unitLike);
        }
    }

    private void ensureRunCapacity(int n) {
        if (n > runTimes.length) {
            int cap = Math.max(n, runTimes.length * 2);
            runTimes = Arrays.copyOf(runTimes, cap);
            runAmps = Arrays.copyOf(runAmps, cap);
            runIndex = Arrays.copyOf(runIndex, cap);
            runBridged = Arrays.copyOf(runBridged, cap);
            runUnit = Arrays.copyOf(runUnit, cap);
        }
    }

    private void append(long k, double t, double amplitude, boolean bridged, boolean unitLike) {
        ensureRunCapacity(runSize + 1);
        if (!bridged) {
            recentIntervals[recentCount % recentIntervals.length] = t - runTimes[runSize - 1];
            recentCount++;
        }
        runTimes[runSize] = t;
        runAmps[runSize] = amplitude;
        runIndex[runSize] = k;
        runUnit[runSize] = unitLike;
        runBridged[runSize] = bridged;
        runSize++;
    }

    /** Median amplitude of the run's last (up to 8) beats. */
    private double typicalAmplitude() {
        int n = Math.min(runSize, periodScratch.length);
        System.arraycopy(runAmps, runSize - n, periodScratch, 0, n);
        Arrays.sort(periodScratch, 0, n);
        return n % 2 == 1 ? periodScratch[n / 2] : 0.5 * (periodScratch[n / 2 - 1] + periodScratch[n / 2]);
    }

    /** Median of the recent intervals (bridged ones excluded), seconds. */
    private double period() {
        int n = Math.min(recentCount, recentIntervals.length);
        // asked for at every sample while an episode is open, changed only at a beat
        if (periodMemo.holds(recentIntervals, n)) {
            return periodMemo.value;
        }
        return periodMemo.keep(recentIntervals, n, medianOfRecent(n));
    }

    private double medianOfRecent(int n) {
        double[] s = periodScratch;
        System.arraycopy(recentIntervals, 0, s, 0, n);
        Arrays.sort(s, 0, n);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private void clearRun() {
        runSize = 0;
        recentCount = 0;
        earlySkips = 0;
        accepted = false;
    }

    private void checkTimeout(long frontier) {
        if (!accepted) {
            if (pendingSeq >= 0 && timeOf(frontier) > pendingDeadline) {
                long seq = pendingSeq;
                pendingSeq = -1;
                if (seq >= candidateFirst) {
                    loadChain(seq, pendingState);
                    tryAccept();
                    if (!accepted) {
                        clearRun();
                    }
                }
            }
            return;
        }
        double since = timeOf(frontier) - runTimes[runSize - 1];
        double period = period();
        double limit = (runBridged[runSize - 1] ? 1 : 2) * period + cfg.intervalTolerance() * period;
        if (since > limit) {
            endRun();
        }
    }

    // ---------------------------------------------------------------- episodes

    private void tryAccept() {
        double period = period();
        double f = 1 / period;
        if (!cfg.inBand(f) || intervalCv() > cfg.maxIntervalCv()) {
            return;
        }
        int units = 0;
        for (int i = 0; i < runSize; i++) {
            units += runUnit[i] ? 1 : 0;
        }
        if (2 * units > runSize) {
            return; // most beats look like one motor unit's potential: a single unit firing regularly
        }
        if (type == SignalType.ACC && runSize < cfg.selfEvidentBeats()
                && typicalAmplitude() < cfg.minCycleSalience() * floor()) {
            return; // a few cycles no larger than the background could be chance
        }
        // the run's own stretch, half a period beyond its first and last beat (at most the last few seconds)
        long halfPeriod = (long) Math.ceil(0.5 * period * rateHz);
        long to = Math.min(newest, runIndex[runSize - 1] + halfPeriod);
        long from = Math.max(runIndex[0] - halfPeriod, Math.max(0, to - evidenceMax));
        from = Math.max(from, newest - mask);
        int n = (int) (to - from + 1);
        for (int i = 0; i < n; i++) {
            scratch[i] = d(from + i);
        }
        double lag = period * rateHz;
        double r = Evidence.correlation(scratch, 0, n, lag);
        if (r < cfg.minPeriodicity()) {
            return;
        }
        double rHalf = Evidence.correlation(scratch, 0, n, lag / 2);
        if (rHalf > r - HALF_PERIOD_MARGIN) {
            return; // the signal repeats at half the period: these beats are every other cycle
        }
        OptionalDouble spectral = stats.spectralHz(scratch, 0, n);
        if (spectral.isEmpty() || Math.abs(spectral.getAsDouble() - f) > SPECTRAL_AGREEMENT * f) {
            return;
        }
        accepted = true;
        acceptedPeriodicity = r;
        episodeCount++;
        // keep the signal from a period before the first beat, for the episode's own estimates
        long evFrom = Math.max(Math.max(0, newest - mask), runIndex[0] - (long) Math.ceil(period * rateHz));
        evidenceStart = evFrom;
        evidenceLength = 0;
        for (long i = evFrom; i <= newest && evidenceLength < evidence.length; i++) {
            evidence[evidenceLength++] = d(i);
        }
        listener.onEpisodeStart(episodeCount, runTimes[0] - period / 2, f);
        for (int i = 0; i < runSize; i++) {
            listener.onBeat(episodeCount, new Beat(runTimes[i], runAmps[i]));
        }
    }

    private double intervalCv() {
        int n = 0;
        double s = 0;
        double ss = 0;
        for (int i = 1; i < runSize; i++) {
            if (!runBridged[i]) {
                double dt = runTimes[i] - runTimes[i - 1];
                s += dt;
                ss += dt * dt;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = s / n;
        double var = Math.max(0, (ss - n * mean * mean) / (n - 1));
        return Math.sqrt(var) / mean;
    }

    private void endRun() {
        if (accepted) {
            if (runBridged[runSize - 1]) {
                runSize--; // a beat after a gap that nothing followed is not part of the episode
            }
            Episode e = buildEpisode();
            episodes.add(e);
            listener.onEpisodeEnd(episodeCount, e);
        }
        clearRun();
        candidateFirst = candidateSeq; // no chain reaches back into or before an episode
    }

    private Episode buildEpisode() {
        List<Beat> beats = new ArrayList<>(runSize);
        double[] intervals = new double[runSize];
        int n = 0;
        for (int i = 0; i < runSize; i++) {
            beats.add(new Beat(runTimes[i], runAmps[i]));
            if (i > 0 && !runBridged[i]) {
                intervals[n++] = runTimes[i] - runTimes[i - 1];
            }
        }
        // the mean interval: the median would snap to the sampling grid in slowly sampled motion signals
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += intervals[i];
        }
        double period = sum / n;
        double start = runTimes[0] - period / 2;
        double end = runTimes[runSize - 1] + period / 2;
        // the episode's own stretch of the detection signal, as far as it was kept
        int from = (int) Math.max(0, Math.round((start - time0S) * rateHz) - evidenceStart);
        int to = (int) Math.min(evidenceLength, Math.round((end - time0S) * rateHz) - evidenceStart + 1);
        OptionalDouble spectral = OptionalDouble.empty();
        OptionalDouble acf = OptionalDouble.empty();
        if (to - from >= 8) {
            spectral = stats.spectralHz(evidence, from, to);
            acf = stats.autocorrelationHz(evidence, from, to);
        }
        double duration = end - start;
        Classification c = cfg.rule().classify(runSize, duration);
        return new Episode(start, end, beats, 1 / period, intervalCv(), acceptedPeriodicity, spectral, acf, c,
                ScatsGrade.of(duration));
    }
}
