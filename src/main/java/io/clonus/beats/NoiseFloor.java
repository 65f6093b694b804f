package io.clonus.beats;

import io.clonus.dsp.Select;
import io.clonus.dsp.SortedWindow;

/**
 * The level of the signal at rest, against which bursts are judged: a low quantile of the medians of
 * quarter-second blocks of the level (mean rectified EMG per 4 ms block, or |ACC|) over a trailing
 * window. The median of a block ignores the bursts inside it; the low quantile of the blocks finds
 * relaxation even when a contraction or clonus fills most of the window. A single outlying sample moves
 * one block median at most, so it cannot raise the floor.
 *
 * <p>The floor is never below {@code precisionFloor} times the largest input magnitude seen so far: after
 * the band-pass, a smooth input (a ramp, a constant) leaves only round-off, whose structure must not be
 * taken for bursts. Constant memory; nothing allocated per sample. Not thread-safe.
 */
public final class NoiseFloor {
    /** Length of the blocks whose medians are taken, seconds. */
    public static final double BLOCK_S = 0.25;

    private final int blockLength;
    private final double[] blockValues;
    private final double[] scratch;
    private final double[] medians;
    private final SortedWindow sorted;
    private final double quantile;
    private final double precisionFloor;
    private int fill;
    private long blocks;
    private double magnitude;

    /**
     * @param rateHz         rate of the level samples, Hz
     * @param windowS        trailing window over which the quantile is taken, seconds
     * @param quantile       quantile of the block medians, 0-1
     * @param precisionFloor smallest floor as a fraction of the largest input magnitude
     */
    public NoiseFloor(double rateHz, double windowS, double quantile, double precisionFloor) {
        this.blockLength = Math.max(1, (int) Math.round(BLOCK_S * rateHz));
        int count = Math.max(1, (int) Math.ceil(windowS / BLOCK_S));
        this.blockValues = new double[blockLength];
        this.scratch = new double[blockLength];
        this.medians = new double[count];
        this.sorted = new SortedWindow(count);
        this.quantile = quantile;
        this.precisionFloor = precisionFloor;
    }

    /** @param level the next level sample */
    public void add(double level) {
        blockValues[fill] = level;
        if (++fill == blockLength) {
            // the element a sort would put at blockLength / 2 (blockValues is refilled from 0 afterwards)
            double median = Select.kth(blockValues, blockLength, blockLength / 2);
            int slot = (int) (blocks % medians.length);
            sorted.replace(blocks >= medians.length, medians[slot], median);
            medians[slot] = median;
            blocks++;
            fill = 0;
        }
    }

    /** @param maxAbs the largest absolute input sample so far (only increases are taken) */
    public void inputMagnitude(double maxAbs) {
        magnitude = Math.max(magnitude, maxAbs);
    }

    /** @return the floor now, in the level's unit; 0 before the first sample */
    public double value() {
        double q;
        int n = (int) Math.min(blocks, medians.length);
        if (n == 0) {
            if (fill == 0) {
                return precisionFloor * magnitude;
            }
            System.arraycopy(blockValues, 0, scratch, 0, fill);
            q = Select.kth(scratch, fill, fill / 2);
        } else {
            q = sorted.get((int) (quantile * (n - 1)));
        }
        return Math.max(Math.max(0, q), precisionFloor * magnitude);
    }
}
