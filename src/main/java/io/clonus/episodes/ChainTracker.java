package io.clonus.episodes;

import io.clonus.beats.CandidateSink;
import io.clonus.beats.DetectionHistory;
import io.clonus.beats.NoiseFloor;
import io.clonus.detect.AcceptanceRule;
import io.clonus.detect.Beat;
import io.clonus.detect.Classification;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Episode;
import io.clonus.detect.RejectedRun;
import io.clonus.detect.SignalType;
import io.clonus.detect.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * Links beat candidates into chains, hands chains to {@link EpisodeAcceptance}, and grows an accepted
 * chain into an episode on both sides; {@link EpisodeBuilder} turns it into an {@link Episode}.
 *
 * <p><b>Chains.</b> Every candidate is linked to each recent candidate that could precede it (an interval in the search range, amplitudes within {@code amplitudeRatio}), continuing the longest
 * chain through that predecessor whose last interval differs from the new one by at most
 * {@code linkTolerance} (relative): consecutive intervals are compared, not a period fixed by the first,
 * so that jitter and a drifting frequency keep a chain together. Several chains are kept per candidate,
 * so a stray peak neither starts a false rhythm nor hides a true one. A chain needs at least {@code minStrongBeats}
 * strong beats to be judged at all: weak candidates complete a rhythm, they do not make one. Through each
 * predecessor the longest chain of relaxed candidates is kept and, when it differs, the longest holding
 * candidates on a pedestal too; the latter opens an episode only under the stricter conditions of
 * {@link EpisodeAcceptance} for such chains, and a chain of relaxed beats continued only by it is still judged
 * on its own. Candidates on a pedestal never count as strays.
 *
 * <p><b>Acceptance.</b> A chain of at least {@code openBeats} beats is judged whenever it grows; a shorter
 * one (from {@code minBeats}) once it can no longer grow, when the silence after it is known. Each chain
 * that can no longer grow and was not accepted is reported with the rule it failed.
 *
 * <p><b>Growing.</b> Once accepted, the episode is extended backwards from its first beat (by up to
 * {@code maxBackfillBeats} beats) at the rhythm of its first intervals, and forwards at the median of its latest
 * three intervals, by strong and weak candidates alike (the largest in each window of {@code extendTolerance};
 * one on a pedestal with at least {@code pedestalAmplitude} of the episode's typical beat); up to {@code maxMissedBeats}
 * missing beats in a row are bridged when a beat follows at the rhythm. It ends when no beat comes; a beat
 * after a gap that nothing follows is dropped. The grown episode is judged again as a whole; when it fails
 * (drifted out of the band, took noise at an end), it keeps the accepted chain and the growth on one side
 * if that passes, else the chain alone.
 *
 * <p>Memory is bounded: the last 256 candidates with up to 12 chains each, the open episode's beats and
 * its stretch of signal. Nothing is allocated per sample; per candidate only when a chain is reported or
 * an episode starts or ends. Not thread-safe.
 */
public final class ChainTracker implements CandidateSink, EpisodeAcceptance.Strays {
    private static final int CANDIDATES = 256;
    private static final int MASK = CANDIDATES - 1;
    private static final int STATES = 12;
    private static final int PENDING = 256;
    /**
     * Windows after a gap reach at most this many periods either side of the k-th period, so that the
     * windows for consecutive k do not overlap.
     */
    public static final double MAX_WINDOW_REACH = 0.5;

    private final DetectorConfig cfg;
    private final Thresholds t;
    private final DetectionHistory h;
    private final DetectionListener listener;
    private final boolean reportRejections;
    private final EpisodeAcceptance acceptance;
    private final EpisodeBuilder builder;
    private final double amplitudeRatio;
    private final double minIv;
    private final double maxIv;
    private final double hi;
    private final double lo;

    // candidates
    private final double[] cT = new double[CANDIDATES];
    private final double[] cA = new double[CANDIDATES];
    private final boolean[] cStrong = new boolean[CANDIDATES];
    private final boolean[] cUnit = new boolean[CANDIDATES];
    /** False for a burst on a pedestal: it never counts as a stray, and chains holding it are judged strictly. */
    private final boolean[] cRelaxed = new boolean[CANDIDATES];
    private long count;
    private long firstFree;
    /** Candidates before this belong to (or precede) a kept episode: they are no strays of later chains. */
    private long strayFrom;

    // chains ending at each candidate: predecessor, its chain, length, sum of intervals, last interval,
    // sum of squared successive interval differences, and whether a later candidate continued it
    private final int[] sN = new int[CANDIDATES];
    private final long[][] sPred = new long[CANDIDATES][STATES];
    private final int[][] sPredSt = new int[CANDIDATES][STATES];
    private final int[][] sLen = new int[CANDIDATES][STATES];
    private final double[][] sSum = new double[CANDIDATES][STATES];
    private final double[][] sLast = new double[CANDIDATES][STATES];
    private final double[][] sSsd = new double[CANDIDATES][STATES];
    /** How many kept chains of later candidates continue each chain (0: it can still be judged). */
    private final int[][] sExt = new int[CANDIDATES][STATES];
    private final int[][] sStrong = new int[CANDIDATES][STATES];
    /** Whether every beat of the chain is relaxed (none on a pedestal). */
    private final boolean[][] sPure = new boolean[CANDIDATES][STATES];

    // chains waiting for the silence after them
    private final long[] pSeq = new long[PENDING];
    private final int[] pSt = new int[PENDING];
    private final double[] pDue = new double[PENDING];
    private int pN;

    private final long[] walk = new long[CANDIDATES];
    private final Run probe = new Run();
    private final Run trimmed = new Run();
    private final Run accepted = new Run();
    private int chainLength;
    private int backfilled;
    private final Run run = new Run();
    private boolean open;
    private boolean heldBeat;
    private int episodeNumber;
    private double frontierS = Double.NEGATIVE_INFINITY;
    private final List<Episode> episodes = new ArrayList<>();

    /**
     * @param config   detector parameters
     * @param type     signal type
     * @param history  the detection signal (for the spectral check and the episode's estimates)
     * @param floor    its noise floor
     * @param listener hears beats, episodes and rejected runs; may be null
     */
    public ChainTracker(DetectorConfig config, SignalType type, DetectionHistory history, NoiseFloor floor,
            DetectionListener listener) {
        this.cfg = config;
        this.t = config.thresholds();
        this.h = history;
        this.listener = listener == null ? new DetectionListener() { } : listener;
        this.reportRejections = listener != null;
        this.acceptance = new EpisodeAcceptance(config, type, history, floor, this);
        this.builder = new EpisodeBuilder(config, history);
        this.amplitudeRatio = type == SignalType.EMG ? t.amplitudeRatio() : t.cycleAmplitudeRatio();
        this.minIv = 1 / config.searchHighHz();
        this.maxIv = 1 / config.searchLowHz();
        this.hi = 1 + t.linkTolerance();
        this.lo = 1 / hi;
    }

    /** @return the episodes finished so far, in time order */
    public List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** @param value the newest detection sample (kept for the open episode's estimates) */
    public void sample(double value) {
        if (open) {
            builder.add(value);
        }
    }

    @Override
    public void candidate(long index, double timeS, double amplitude, double salience, boolean strong,
            boolean unitLike, boolean relaxed) {
        long q = count++;
        int s = (int) (q & MASK);
        cT[s] = timeS;
        cA[s] = amplitude;
        cStrong[s] = strong;
        cUnit[s] = unitLike;
        cRelaxed[s] = relaxed;
        sN[s] = 0;
        if (!open) {
            link(q);
        }
    }

    /**
     * Every candidate up to {@code timeS} has been delivered: decides what that settles.
     *
     * @param timeS the frontier, seconds
     */
    public void advance(double timeS) {
        frontierS = timeS;
        // each pass closes an episode or opens one from fewer candidates than before, so this ends; the guard
        // only turns a broken invariant into an error instead of a hang
        for (int guard = 0; guard <= 4 * CANDIDATES; guard++) {
            if (open) {
                extend();
                if (open) {
                    return;
                }
            }
            if (!settlePending()) {
                return;
            }
        }
        throw new IllegalStateException("episode tracking did not settle at " + timeS + " s");
    }

    /** Ends the record: every chain is judged with what exists, and an open episode is closed. */
    public void finish() {
        advance(Double.POSITIVE_INFINITY);
    }

    // ---------------------------------------------------------------- chains

    private void link(long q) {
        int sq = (int) (q & MASK);
        double tq = cT[sq];
        double ar = amplitudeRatio;
        long stop = Math.max(firstFree, count - CANDIDATES);
        for (long p = q - 1; p >= stop; p--) {
            int sp = (int) (p & MASK);
            double dt = tq - cT[sp];
            if (dt > maxIv * hi) {
                break; // older candidates are further away still
            }
            double ratio = cA[sq] / cA[sp];
            if (dt < minIv || !(ratio <= ar && ratio >= 1 / ar)) {
                continue;
            }
            // the longest chain of relaxed beats only, and the longest with beats on a pedestal too (held to the
            // stricter rules for such chains); both are kept when they differ
            boolean pure = cRelaxed[sq] && cRelaxed[sp];
            if (pure) {
                extendBest(sq, sp, p, dt, pure, true);
            }
            if (!pure || anyMixed(sp)) {
                extendBest(sq, sp, p, dt, pure, false);
            }
        }
        // judge the long chains now, and queue the others for when they can no longer grow
        for (int st = 0; st < sN[sq]; st++) {
            if (sLen[sq][st] >= t.openBeats() && sStrong[sq][st] >= t.minStrongBeats()) {
                load(q, st, probe);
                if (acceptance.judge(probe, true) == null) {
                    openEpisode(probe);
                    return;
                }
            }
        }
        for (int st = 0; st < sN[sq]; st++) {
            if (sLen[sq][st] >= cfg.minBeats() && sStrong[sq][st] >= t.minStrongBeats()) {
                queue(q, st, tq + hi * sLast[sq][st]);
            }
        }
    }

    /**
     * Links candidate slot sq to predecessor p (slot sp, dt before it) through the longest chain ending at p
     * whose last interval matches: among chains of relaxed beats only when {@code pureOnly}, else among all
     * (a mixed result is kept only when it differs from a pure one). {@code pairRelaxed}: both candidates are
     * relaxed.
     */
    private void extendBest(int sq, int sp, long p, double dt, boolean pairRelaxed, boolean pureOnly) {
        int bestLen = 0;
        int bestSt = -1;
        double bestSum = 0;
        double bestSsd = 0;
        int bestStrong = 0;
        boolean bestPure = pairRelaxed;
        int own = cStrong[sq] ? 1 : 0;
        if (dt <= maxIv && (!pureOnly || bestPure)) {
            bestLen = 2;
            bestSum = dt;
            bestStrong = own + (cStrong[sp] ? 1 : 0);
        }
        for (int st = 0; st < sN[sp]; st++) {
            if (pureOnly && !sPure[sp][st]) {
                continue;
            }
            double last = sLast[sp][st];
            double r = dt / last;
            if (r < lo || r > hi) {
                continue;
            }
            int len = sLen[sp][st] + 1;
            double d = dt - last;
            double ssd = sSsd[sp][st] + d * d;
            double sum = sSum[sp][st] + dt;
            if (len > bestLen || len == bestLen && jitter(ssd, len, sum) < jitter(bestSsd, bestLen, bestSum)) {
                bestLen = len;
                bestSt = st;
                bestSum = sum;
                bestSsd = ssd;
                bestStrong = sStrong[sp][st] + own;
                bestPure = sPure[sp][st] && cRelaxed[sq];
            }
        }
        if (bestLen == 0 || !pureOnly && bestPure) {
            return; // nothing, or the same chain as the pure one already kept (a pure chain needs a relaxed pair)
        }
        // a chain of relaxed beats continued only by a mixed one is still judged on its own
        if (keep(sq, p, bestSt, bestLen, bestSum, dt, bestSsd, bestStrong, bestPure) && bestSt >= 0
                && (bestPure || !sPure[sp][bestSt])) {
            sExt[sp][bestSt]++;
        }
    }

    /** Whether a chain ending at candidate slot s holds a beat on a pedestal. */
    private boolean anyMixed(int s) {
        for (int st = 0; st < sN[s]; st++) {
            if (!sPure[s][st]) {
                return true;
            }
        }
        return false;
    }

    private static double jitter(double ssd, int len, double sum) {
        int m = len - 1;
        return m < 2 ? 0 : ssd / (m - 1) / ((sum / m) * (sum / m));
    }

    /** Keeps a chain for candidate slot s, replacing the shortest when all places are taken. */
    private boolean keep(int s, long pred, int predSt, int len, double sum, double last, double ssd, int strong,
            boolean pure) {
        int at = sN[s];
        if (at == STATES) {
            at = 0;
            for (int st = 1; st < STATES; st++) {
                if (sLen[s][st] < sLen[s][at]) {
                    at = st;
                }
            }
            if (sLen[s][at] >= len) {
                return false;
            }
            // the replaced chain no longer continues its predecessor's
            forget(s, at);
        } else {
            sN[s]++;
        }
        sPred[s][at] = pred;
        sPredSt[s][at] = predSt;
        sLen[s][at] = len;
        sSum[s][at] = sum;
        sLast[s][at] = last;
        sSsd[s][at] = ssd;
        sStrong[s][at] = strong;
        sPure[s][at] = pure;
        sExt[s][at] = 0;
        return true;
    }

    private void forget(int s, int st) {
        long p = sPred[s][st];
        int pst = sPredSt[s][st];
        if (pst >= 0 && p >= count - CANDIDATES) {
            int sp = (int) (p & MASK);
            if (pst < sN[sp] && sExt[sp][pst] > 0 && (sPure[s][st] || !sPure[sp][pst])) {
                sExt[sp][pst]--;
            }
        }
    }

    /** Copies the chain ending at candidate q through its chain st into {@code out}, in time order. */
    private void load(long q, int st, Run out) {
        int n = 0;
        long oldest = Math.max(firstFree, count - CANDIDATES);
        long cur = q;
        int state = st;
        walk[n++] = cur;
        while (n < walk.length) {
            int s = (int) (cur & MASK);
            long p = sPred[s][state];
            if (p < oldest) {
                break;
            }
            walk[n++] = p;
            state = sPredSt[s][state];
            if (state < 0) {
                break;
            }
            cur = p;
        }
        out.clear();
        for (int i = n - 1; i >= 0; i--) {
            int s = (int) (walk[i] & MASK);
            out.add(cT[s], cA[s], walk[i], cUnit[s], cStrong[s], cRelaxed[s], 0);
        }
    }

    private void queue(long q, int st, double dueS) {
        if (pN == PENDING) {
            settle(0); // the oldest is judged early rather than forgotten
        }
        pSeq[pN] = q;
        pSt[pN] = st;
        pDue[pN] = dueS;
        pN++;
    }

    /** Judges the queued chains that can no longer grow; returns whether one opened an episode. */
    private boolean settlePending() {
        for (int i = 0; i < pN; i++) {
            if (pDue[i] < frontierS) {
                if (settle(i)) {
                    return true;
                }
                i--;
            }
        }
        return false;
    }

    /** Takes queued chain i out and judges it unless it was continued; returns whether it opened an episode. */
    private boolean settle(int i) {
        long q = pSeq[i];
        int st = pSt[i];
        System.arraycopy(pSeq, i + 1, pSeq, i, pN - i - 1);
        System.arraycopy(pSt, i + 1, pSt, i, pN - i - 1);
        System.arraycopy(pDue, i + 1, pDue, i, pN - i - 1);
        pN--;
        int s = (int) (q & MASK);
        if (q < firstFree || q < count - CANDIDATES || st >= sN[s] || sExt[s][st] > 0) {
            return false;
        }
        load(q, st, probe);
        AcceptanceRule failed = acceptance.judge(probe, true);
        if (failed == null) {
            openEpisode(probe);
            return true;
        }
        RejectedRun rejected = reportRejections ? new RejectedRun(probe.firstS(), probe.lastS(), probe.size(),
                1 / probe.meanPeriodS(), failed, acceptance.measured(), acceptance.limit()) : null;
        // a chain may have taken one stray beat at either end (a ring-out cycle, a burst of the stretch that
        // evoked it): the chain without it is judged too
        for (int dropFirst = 0; dropFirst <= 1; dropFirst++) {
            for (int dropLast = 0; dropLast <= 1; dropLast++) {
                if (dropFirst + dropLast == 0 || probe.size() - dropFirst - dropLast < cfg.minBeats()) {
                    continue;
                }
                trimmed.copyRange(probe, dropFirst, probe.size() - dropLast);
                if (acceptance.judge(trimmed, true) == null) {
                    openEpisode(trimmed);
                    return true;
                }
            }
        }
        if (rejected != null) {
            listener.onRejectedRun(rejected);
        }
        return false;
    }

    @Override
    public int count(Run r, double fromS, double toS, double minAmplitude) {
        return count(r, fromS, toS, minAmplitude, false);
    }

    @Override
    public int countAll(Run r, double fromS, double toS, double minAmplitude) {
        return count(r, fromS, toS, minAmplitude, true);
    }

    private int count(Run r, double fromS, double toS, double minAmplitude, boolean all) {
        int n = 0;
        int k = 0;
        for (long q = Math.max(strayFrom, count - CANDIDATES); q < count; q++) {
            int s = (int) (q & MASK);
            if (cT[s] < fromS || !all && (!cStrong[s] || !cRelaxed[s]) || cA[s] < minAmplitude) {
                continue;
            }
            if (cT[s] > toS) {
                break;
            }
            while (k < r.size() && r.seq(k) < q) {
                k++;
            }
            if (k < r.size() && r.seq(k) == q) {
                continue;
            }
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- episodes

    private void openEpisode(Run chain) {
        run.copyFrom(chain);
        chainLength = run.size();
        backfill();
        backfilled = run.size() - chainLength;
        pN = 0;
        open = true;
        heldBeat = false;
        episodeNumber++;
        double period = run.meanPeriodS();
        builder.begin(h.indexAt(run.firstS() - period));
        listener.onEpisodeStart(episodeNumber, run.firstS() - period / 2, 1 / period);
        for (int i = 0; i < run.size(); i++) {
            listener.onBeat(episodeNumber, new Beat(run.timeS(i), run.amplitude(i)));
        }
    }

    /** Links earlier candidates, weak ones too, at the rhythm of the first intervals. */
    private void backfill() {
        double typical = run.medianAmplitude();
        double earliest = h.timeS(h.oldest());
        for (int added = 0; added < t.maxBackfillBeats() && run.size() >= 2; added++) {
            double t0 = run.firstS();
            double period = run.earlyPeriodS(3);
            double from = t0 - (1 + t.extendTolerance()) * period;
            double to = t0 - period / (1 + t.extendTolerance());
            long best = -1;
            for (long q = run.seq(0) - 1; q >= Math.max(firstFree, count - CANDIDATES); q--) {
                int s = (int) (q & MASK);
                if (cT[s] > to) {
                    continue;
                }
                if (cT[s] < from) {
                    break;
                }
                if (fits(s, typical) && cT[s] > earliest
                        && (best < 0 || cA[s] > cA[(int) (best & MASK)])) {
                    best = q;
                }
            }
            if (best < 0) {
                return;
            }
            int s = (int) (best & MASK);
            run.addFirst(cT[s], cA[s], best, cUnit[s], cStrong[s], cRelaxed[s]);
        }
    }

    /** Takes the next beats whose windows are complete; ends the episode when none comes. */
    private void extend() {
        while (open) {
            double last = run.lastS();
            double period = run.recentPeriodS(3);
            double typical = run.typicalAmplitude();
            long after = run.seq(run.size() - 1);
            boolean taken = false;
            double ext = t.extendTolerance();
            double reach = Math.min(ext, MAX_WINDOW_REACH);
            for (int k = 1; k <= 1 + t.maxMissedBeats() && !taken; k++) {
                // window k: the k-th beat from the last, the first k - 1 missing; windows do not overlap
                double from = k == 1 ? last + period / (1 + ext) : last + (k - reach) * period;
                double to = last + (k + reach) * period;
                if (run.missedBefore(run.size() - 1) > 0 && k > 1) {
                    break; // a beat after a gap must be followed at the rhythm before another gap
                }
                if (frontierS < to) {
                    return; // the window is not complete yet
                }
                long best = best(after, from, to, typical);
                if (best >= 0) {
                    take(best, k - 1);
                    taken = true;
                }
            }
            if (!taken) {
                close();
            }
        }
    }

    /** The largest candidate after seq {@code after} in [fromS, toS] within the amplitude ratio, or -1. */
    private long best(long after, double fromS, double toS, double typical) {
        long best = -1;
        for (long q = Math.max(after + 1, count - CANDIDATES); q < count; q++) {
            int s = (int) (q & MASK);
            if (cT[s] > toS) {
                break;
            }
            if (cT[s] >= fromS && fits(s, typical)
                    && (best < 0 || cA[s] > cA[(int) (best & MASK)])) {
                best = q;
            }
        }
        return best;
    }

    /**
     * Whether candidate slot s may continue an episode whose typical beat amplitude is {@code typical}: within
     * the amplitude ratio, and for a burst on a pedestal at least {@code pedestalAmplitude} of it.
     */
    private boolean fits(int s, double typical) {
        double a = cA[s];
        double low = cRelaxed[s] ? typical / amplitudeRatio : Math.max(typical / amplitudeRatio,
                t.pedestalAmplitude() * typical);
        return a >= low && a <= typical * amplitudeRatio;
    }

    private void take(long q, int missed) {
        int s = (int) (q & MASK);
        if (heldBeat) {
            // the beat after the previous gap is confirmed by this one
            listener.onBeat(episodeNumber, new Beat(run.lastS(), run.amplitude(run.size() - 1)));
            heldBeat = false;
        }
        run.add(cT[s], cA[s], q, cUnit[s], cStrong[s], cRelaxed[s], missed);
        if (missed == 0) {
            listener.onBeat(episodeNumber, new Beat(cT[s], cA[s]));
        } else {
            heldBeat = true;
        }
    }

    /** Leaves the episode state: later candidates may start chains, those that came during the end are linked. */
    private void endEpisode() {
        firstFree = run.seq(run.size() - 1) + 1;
        open = false;
        heldBeat = false;
        run.clear();
        pN = 0;
        // candidates that arrived during the episode's last windows may begin the next chain
        for (long q = Math.max(firstFree, count - CANDIDATES); q < count && !open; q++) {
            int s = (int) (q & MASK);
            sN[s] = 0;
            link(q);
        }
    }

    /** Ends the open episode without a result: it failed once what followed it was known. */
    private void discard(AcceptanceRule failed) {
        builder.cancel();
        listener.onEpisodeDiscarded(episodeNumber, run.size(), run.size() * run.meanPeriodS());
        if (reportRejections) {
            listener.onRejectedRun(new RejectedRun(run.firstS(), run.lastS(), run.size(), 1 / run.meanPeriodS(), failed,
                    acceptance.measured(), acceptance.limit()));
        }
        endEpisode();
    }

    private void close() {
        if (run.size() > 1 && run.missedBefore(run.size() - 1) > 0) {
            run.removeLast(); // a beat after a gap that nothing followed is not part of the episode
        }
        if (run.size() > chainLength && acceptance.judge(run, false) != null) {
            // grown by beats that break the rhythm of the whole (a drift out of the band, a tail of noise): the
            // episode is the accepted chain with whichever growth keeps the whole acceptable
            int extended = run.size() - backfilled - chainLength;
            accepted.copyFrom(run);
            boolean kept = false;
            if (backfilled > 0) {
                run.copyRange(accepted, backfilled, accepted.size());
                kept = acceptance.judge(run, false) == null;
            }
            if (!kept && extended > 0) {
                run.copyRange(accepted, 0, backfilled + chainLength);
                kept = acceptance.judge(run, false) == null;
            }
            if (!kept) {
                run.copyRange(accepted, backfilled, backfilled + chainLength);
                kept = acceptance.judge(run, false) == null;
            }
            if (!kept) {
                // the chain itself fails now that what follows it is known (a burst off its rhythm right after)
                discard(acceptance.judge(run, false));
                return;
            }
        } else if (run.size() == chainLength && acceptance.judge(run, false) != null) {
            discard(acceptance.judge(run, false));
            return;
        }
        Episode e = builder.build(run);
        strayFrom = run.seq(run.size() - 1) + 1;
        if (e.classification() == Classification.NONE) {
            listener.onEpisodeDiscarded(episodeNumber, e.beatCount(), e.durationS());
        } else {
            episodes.add(e);
            listener.onEpisodeEnd(episodeNumber, e);
        }
        endEpisode();
    }
}
