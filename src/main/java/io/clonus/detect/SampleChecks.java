package io.clonus.detect;

import java.util.List;
import java.util.Locale;

/**
 * The checks every input goes through, sample by sample so that the offline and the real-time detector
 * apply them alike: NaN or infinite samples are refused at once, naming the sample; at the end a flat line
 * (every axis constant) is refused, a flat axis of a multi-axis sensor, an axis that never reverses
 * direction (a ramp or drift, which the conditioners treat as silence, {@code io.clonus.condition.MonotoneGate}), clipping
 * (runs of 3 or more samples at the extreme values, more than 0.1 % of the samples) and gross outlying
 * samples (a single sample or a pair far outside the surrounding level and its neighbours,
 * {@link SpikeScan}: an electrode pop, a glitch or a knock, which is left in the signal) are reported as
 * warnings. Not thread-safe.
 */
final class SampleChecks {
    /** Fraction of samples at the extremes from which a signal is reported as clipped. */
    static final double CLIPPED_FRACTION = 0.001;

    private final String label;
    private final double fs;
    private final int axes;
    private final SignalType type;
    private final SpikeScan[] spikes;
    // direction of each axis, followed only until its first reversal (within a few samples of real signals)
    private final boolean[] reversed;
    private final int[] direction;
    private final double[] previous;
    private final double[] min;
    private final double[] max;
    private final int[] runAtMin;
    private final int[] runAtMax;
    private final long[] countAtMin;
    private final long[] countAtMax;
    private long n;
    // checkBlock's results per axis, kept only when every axis of the block is finite
    private final double[] newMin;
    private final double[] newMax;
    private final int[] newRunAtMin;
    private final int[] newRunAtMax;
    private final long[] newCountAtMin;
    private final long[] newCountAtMax;

    /**
     * @param label channel or sensor name, for messages
     * @param fs    sample rate, Hz
     * @param axes  number of axes
     * @param type  signal type (names the likely cause of an outlier in its warning)
     */
    /**
     * @param listener told the sample index of every outlying sample (any axis) as soon as it is judged, which
     *                 is a few samples after it arrived, before the conditioners have passed it on; may be null
     */
    void onSpike(java.util.function.LongConsumer listener) {
        for (SpikeScan s : spikes) {
            s.onSpike(listener);
        }
    }

    SampleChecks(String label, double fs, int axes, SignalType type) {
        this.label = label;
        this.fs = fs;
        this.axes = axes;
        this.type = type;
        this.reversed = new boolean[axes];
        this.direction = new int[axes];
        this.previous = new double[axes];
        this.spikes = new SpikeScan[axes];
        for (int a = 0; a < axes; a++) {
            spikes[a] = new SpikeScan(fs);
        }
        this.min = new double[axes];
        this.max = new double[axes];
        this.runAtMin = new int[axes];
        this.runAtMax = new int[axes];
        this.countAtMin = new long[axes];
        this.countAtMax = new long[axes];
        this.newMin = new double[axes];
        this.newMax = new double[axes];
        this.newRunAtMin = new int[axes];
        this.newRunAtMax = new int[axes];
        this.newCountAtMin = new long[axes];
        this.newCountAtMax = new long[axes];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Checks one sample of one axis; call for every axis, then {@link #next()}. */
    void check(int axis, double x) {
        if (!Double.isFinite(x)) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "sample %d%s (t = %.4f s) is %s: fill or cut gaps before analysis", n,
                    axes > 1 ? " of axis " + (axis + 1) : "", n / fs, Double.isNaN(x) ? "NaN" : "infinite"));
        }
        spikes[axis].add(x);
        if (!reversed[axis]) {
            follow(axis, x, n == 0);
        }
        if (x > max[axis]) {
            max[axis] = x;
            runAtMax[axis] = 1;
            countAtMax[axis] = 0;
        } else if (x == max[axis]) {
            countAtMax[axis] += ++runAtMax[axis] == 3 ? 3 : runAtMax[axis] > 3 ? 1 : 0;
        } else {
            runAtMax[axis] = 0;
        }
        if (x < min[axis]) {
            min[axis] = x;
            runAtMin[axis] = 1;
            countAtMin[axis] = 0;
        } else if (x == min[axis]) {
            countAtMin[axis] += ++runAtMin[axis] == 3 ? 3 : runAtMin[axis] > 3 ? 1 : 0;
        } else {
            runAtMin[axis] = 0;
        }
    }

    /**
     * Checks {@code length} samples of every axis from {@code offset}: the same as {@link #check} of each axis
     * then {@link #next()}, sample after sample, with the running state in locals. A non-finite sample
     * sends the block through that per-sample path, which refuses it at the exact sample and axis.
     *
     * @param x      one array per axis ({@code axes} of them)
     * @param offset first sample
     * @param length number of samples
     */
    void checkBlock(double[][] x, int offset, int length) {
        for (int a = 0; a < axes; a++) {
            if (!scanAxis(a, x[a], offset, length)) {
                for (int i = offset; i < offset + length; i++) {
                    for (int b = 0; b < axes; b++) {
                        check(b, x[b][i]);
                    }
                    next();
                }
                return;
            }
        }
        for (int a = 0; a < axes; a++) {
            min[a] = newMin[a];
            max[a] = newMax[a];
            runAtMin[a] = newRunAtMin[a];
            runAtMax[a] = newRunAtMax[a];
            countAtMin[a] = newCountAtMin[a];
            countAtMax[a] = newCountAtMax[a];
            spikes[a].add(x[a], offset, length);
            for (int i = offset; i < offset + length && !reversed[a]; i++) {
                follow(a, x[a][i], n + (i - offset) == 0);
            }
        }
        n += length;
    }

    /** One axis of {@link #checkBlock} into the new* arrays; false (and nothing kept) at a non-finite sample. */
    private boolean scanAxis(int axis, double[] x, int offset, int length) {
        double mx = max[axis];
        double mn = min[axis];
        int rMax = runAtMax[axis];
        int rMin = runAtMin[axis];
        long cMax = countAtMax[axis];
        long cMin = countAtMin[axis];
        boolean finite = true;
        for (int i = offset; i < offset + length; i++) {
            double v = x[i];
            finite &= Math.abs(v) <= Double.MAX_VALUE;
            if (v < mx && v > mn) {
                // strictly inside the range so far, the usual case: both runs at the extremes end
                rMax = 0;
                rMin = 0;
                continue;
            }
            if (v > mx) {
                mx = v;
                rMax = 1;
                cMax = 0;
            } else if (v == mx) {
                cMax += ++rMax == 3 ? 3 : rMax > 3 ? 1 : 0;
            } else {
                rMax = 0;
            }
            if (v < mn) {
                mn = v;
                rMin = 1;
                cMin = 0;
            } else if (v == mn) {
                cMin += ++rMin == 3 ? 3 : rMin > 3 ? 1 : 0;
            } else {
                rMin = 0;
            }
        }
        newMax[axis] = mx;
        newMin[axis] = mn;
        newRunAtMax[axis] = rMax;
        newRunAtMin[axis] = rMin;
        newCountAtMax[axis] = cMax;
        newCountAtMin[axis] = cMin;
        return finite;
    }

    /** Follows an axis's direction of change (plateaus keep it) until it first reverses. */
    private void follow(int axis, double x, boolean first) {
        double d = x - previous[axis];
        previous[axis] = x;
        if (first || d == 0) {
            return;
        }
        int dir = d > 0 ? 1 : -1;
        reversed[axis] = direction[axis] != 0 && dir != direction[axis];
        direction[axis] = dir;
    }

    void next() {
        n++;
    }

    long samples() {
        return n;
    }

    /**
     * @param warnings receives warnings about flat axes, axes that never reverse, clipping and outlying
     *                 samples; modified
     * @throws InvalidSignalException if the record is too short or every axis is flat
     */
    void finish(List<String> warnings) {
        if (n == 0) {
            throw new InvalidSignalException(label, "no samples");
        }
        if (n / fs < DetectorConfig.MIN_DURATION_S) {
            throw new InvalidSignalException(label, "record of " + n + (n == 1 ? " sample (" : " samples (")
                    + Fmt.num(n / fs) + " s at "
                    + Fmt.num(fs) + " Hz) is too short: at least " + Fmt.num(DetectorConfig.MIN_DURATION_S)
                    + " s is needed");
        }
        int flat = 0;
        for (int a = 0; a < axes; a++) {
            if (min[a] == max[a]) {
                flat++;
                if (axes > 1) {
                    warnings.add(String.format(Locale.ROOT, "axis %d is flat (all samples %s)", a + 1, fmt(min[a])));
                }
                continue;
            }
            if (!reversed[a]) {
                warnings.add(String.format(Locale.ROOT,
                        "%s never reverses direction: it %s from %s to %s, a ramp or drift with no oscillation, analysed as silence",
                        axes > 1 ? "axis " + (a + 1) : "the signal", direction[a] > 0 ? "rises" : "falls",
                        fmt(direction[a] > 0 ? min[a] : max[a]), fmt(direction[a] > 0 ? max[a] : min[a])));
            }
            long clipped = countAtMin[a] + countAtMax[a];
            if (clipped > CLIPPED_FRACTION * n) {
                warnings.add(String.format(Locale.ROOT,
                        "%s%d samples (%.2g %%) sit in runs at the extreme values %s and %s: the signal may be clipped",
                        axes > 1 ? "axis " + (a + 1) + ": " : "", clipped, 100.0 * clipped / n, fmt(min[a]), fmt(max[a])));
            }
            spikes[a].finish();
            if (spikes[a].count() > 0) {
                warnings.add(outlierWarning(a, spikes[a]));
            }
        }
        if (flat == axes) {
            throw new InvalidSignalException(label, String.format(Locale.ROOT,
                    "flat line: all %d samples%s are equal (%s); is the electrode or sensor connected?", n,
                    axes > 1 ? " of every axis" : "", fmt(min[0])));
        }
    }

    /** "sample 12344 (t = 6.1720 s) is 52 times the surrounding level: an electrode pop or spike? it was left in". */
    private String outlierWarning(int axis, SpikeScan s) {
        StringBuilder w = new StringBuilder();
        if (axes > 1) {
            w.append("axis ").append(axis + 1).append(": ");
        }
        w.append(String.format(Locale.ROOT, "sample %s is %s times the surrounding level: %s it was left in",
                where(s.firstIndex()), times(s.firstRatio()),
                type == SignalType.EMG ? "an electrode pop or spike?" : "a knock or spike?"));
        long more = s.count() - 1;
        if (more > 0) {
            w.append(String.format(Locale.ROOT, "; %d more such sample%s", more, more > 1 ? "s" : ""));
            if (s.largestIndex() != s.firstIndex()) {
                w.append(String.format(Locale.ROOT, ", the largest %s times at sample %s", times(s.largestRatio()),
                        where(s.largestIndex())));
            }
        }
        return w.toString();
    }

    /**
     * Sample number counted from 0, as the index of the array the samples came in (so sample k lies at
     * t = k / rate), and its time from the record start, as in the NaN message.
     */
    private String where(long index) {
        return String.format(Locale.ROOT, "%d (t = %.4f s)", index, index / fs);
    }

    private static String times(double ratio) {
        return Fmt.num(Math.round(ratio));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
