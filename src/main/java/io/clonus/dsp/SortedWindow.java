package io.clonus.dsp;

/**
 * The values of a sliding window kept in sorted order ({@link Double#compare}'s order, the order of
 * {@link java.util.Arrays#sort(double[])}), so that a quantile is read in constant time instead of sorting
 * the window each time it is asked for. Replacing a value costs a binary search and a shift. Not
 * thread-safe.
 */
public final class SortedWindow {
    private final double[] sorted;
    private int size;

    /** @param capacity the most values held at once */
    public SortedWindow(int capacity) {
        this.sorted = new double[capacity];
    }

    /** @return how many values are held */
    public int size() {
        return size;
    }

    /**
     * @param i rank, 0 .. size() - 1
     * @return the i-th smallest value: what {@code Arrays.sort} of the held values puts at index i
     */
    public double get(int i) {
        return sorted[i];
    }

    /**
     * Takes out one value equal to {@code old} (if {@code removeOld}) and puts {@code v} in.
     *
     * @param removeOld whether a value leaves the window
     * @param old       the value that leaves; must be held
     * @param v         the value that enters
     * @throws IllegalStateException if {@code old} is not held, or the window is full and none leaves
     */
    public void replace(boolean removeOld, double old, double v) {
        if (removeOld) {
            int at = lowerBound(old);
            if (at >= size || Double.compare(sorted[at], old) != 0) {
                throw new IllegalStateException("value " + old + " is not in the window");
            }
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
        if (size == sorted.length) {
            throw new IllegalStateException("window of " + size + " values is full");
        }
        int at = lowerBound(v);
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = v;
        size++;
    }

    /** First index whose value is not less than v. */
    private int lowerBound(double v) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
