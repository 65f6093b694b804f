package io.clonus.detect;

import io.clonus.beats.BurstFinder;
import io.clonus.beats.CandidateSink;
import io.clonus.beats.CycleFinder;
import io.clonus.beats.DetectionHistory;
import io.clonus.beats.NoiseFloor;
import io.clonus.episodes.ChainTracker;
import java.util.List;

/**
 * The stages after conditioning, wired in order for one signal: each detection sample goes into the
 * {@link DetectionHistory}, the {@link NoiseFloor} and the record's {@link RhythmAccumulator}; one
 * longest beat interval later its sample is examined as a beat candidate ({@link BurstFinder} for EMG,
 * {@link CycleFinder} for ACC), and the {@link ChainTracker} links candidates into chains, accepts
 * episodes and grows them. The offline and the real-time detector both run this, so they agree exactly.
 * Not thread-safe.
 */
final class DetectionStages implements DetectionSink, CandidateSink {
    /** Seconds of detection signal kept for looking around candidates and back along episodes. */
    static final double HISTORY_S = 8.0;
    /**
     * A candidate this close to an outlying raw sample is that sample's response, not a beat, seconds: the
     * envelope's (or the motion band-pass's) smearing of one sample, about 1 / 20 Hz.
     */
    static final double ARTEFACT_REACH_S = 0.05;
    /** Outlying samples whose candidates may still come, in time order (grown only for a burst of spikes). */
    private double[] artefactS = new double[16];
    private int artefactCount;
    private double examinedS = Double.NEGATIVE_INFINITY;

    private final DetectorConfig cfg;
    private final DetectionHistory history;
    private final NoiseFloor floor;
    private final BurstFinder bursts;
    private final CycleFinder cycles;
    private final ChainTracker tracker;
    private final RhythmAccumulator rhythm;
    private final int lookAhead;
    private long examined;

    /**
     * @param config   detector parameters
     * @param type     signal type (decides what a beat is)
     * @param rateHz   rate of the detection signal, Hz
     * @param time0S   time of detection sample 0 from the record's start, conditioning delay corrected
     * @param listener hears beats, episodes and rejected runs; may be null
     */
    DetectionStages(DetectorConfig config, SignalType type, double rateHz, double time0S,
            DetectionListener listener) {
        this.cfg = config;
        Thresholds t = config.thresholds();
        this.history = new DetectionHistory(rateHz, time0S, HISTORY_S);
        this.floor = new NoiseFloor(rateHz, config.floorWindowS(),
                type == SignalType.EMG ? t.floorQuantile() : t.cycleFloorQuantile(), t.precisionFloor());
        this.tracker = new ChainTracker(config, type, history, floor, listener);
        if (type == SignalType.EMG) {
            bursts = new BurstFinder(t, history, floor, config.searchLowHz(), config.searchHighHz(), this);
            cycles = null;
        } else {
            cycles = new CycleFinder(t, history, floor, config.searchLowHz(), config.searchHighHz(), this);
            bursts = null;
        }
        this.rhythm = new RhythmAccumulator(rateHz, config.searchLowHz(), config.searchHighHz());
        this.lookAhead = BurstFinder.lookAround(rateHz, config.searchLowHz());
    }

    @Override
    public void accept(double value, double level, double power) {
        long j = history.add(value, level, power);
        floor.add(level);
        rhythm.add(value);
        tracker.sample(value);
        long k = j - lookAhead;
        if (k >= 1) {
            examine(k, j);
        }
    }

    /** @param timeS time of an outlying raw sample, seconds from the record's start */
    void artefactAtS(double timeS) {
        // forget the spikes whose candidates have all been examined; the rest stay, however many
        int keep = 0;
        for (int i = 0; i < artefactCount; i++) {
            if (artefactS[i] >= examinedS - ARTEFACT_REACH_S) {
                artefactS[keep++] = artefactS[i];
            }
        }
        artefactCount = keep;
        if (artefactCount == artefactS.length) {
            artefactS = java.util.Arrays.copyOf(artefactS, 2 * artefactS.length);
        }
        artefactS[artefactCount++] = timeS;
    }

    /** Passes a candidate on to the tracker unless it is the response to an outlying sample. */
    @Override
    public void candidate(long index, double timeS, double amplitude, double salience, boolean strong,
            boolean unitLike, boolean relaxed) {
        for (int i = 0; i < artefactCount; i++) {
            if (Math.abs(timeS - artefactS[i]) <= ARTEFACT_REACH_S) {
                return;
            }
        }
        tracker.candidate(index, timeS, amplitude, salience, strong, unitLike, relaxed);
    }

    @Override
    public void inputMagnitude(double maxAbs) {
        floor.inputMagnitude(maxAbs);
    }

    private void examine(long k, long last) {
        if (bursts != null) {
            bursts.examine(k, last);
        } else {
            cycles.examine(k, last);
        }
        examined = k;
        examinedS = history.timeS(k);
        tracker.advance(examinedS);
    }

    /** Ends the record: the last samples are examined with what exists, and every chain is judged. */
    void finish() {
        long last = history.newest();
        for (long k = Math.max(1, examined + 1); k < last; k++) {
            examine(k, last);
        }
        tracker.finish();
    }

    /** @return the episodes found, in time order */
    List<Episode> episodes() {
        return tracker.episodes();
    }

    /** @return the rhythm of everything received */
    RhythmEstimate rhythm() {
        return rhythm.estimate(cfg);
    }

    /** @return how long after a beat it is known, seconds: one longest beat interval of look-ahead */
    double beatLatencyS() {
        return lookAhead / history.rateHz();
    }
}
