package io.clonus.detect;

import java.util.Arrays;

/**
 * Remembers one value computed from a prefix of an array, so that a caller asking again with the same
 * inputs gets it without recomputing. The inputs are compared value for value (a copy is kept), so the memo
 * is right however and wherever the array is changed in between. Not thread-safe.
 */
final class Memo {
    private final double[] copy;
    private double[] source;
    private int tag;
    /** The remembered value; valid after {@link #holds} returned true. */
    double value;

    /** @param capacity the longest prefix that will be remembered */
    Memo(int capacity) {
        this.copy = new double[capacity];
    }

    /**
     * @param array the inputs
     * @param tag   their count, negated to tell apart two kinds of call on the same array
     * @return whether {@link #value} was computed from {@code array}'s first {@code |tag|} values as they are
     *         now (never for an empty prefix)
     */
    boolean holds(double[] array, int tag) {
        int n = Math.abs(tag);
        return n > 0 && array == source && tag == this.tag && Arrays.equals(array, 0, n, copy, 0, n);
    }

    /**
     * @param array the inputs
     * @param tag   as for {@link #holds}
     * @param v     the value computed from them
     * @return {@code v}
     */
    double keep(double[] array, int tag, double v) {
        int n = Math.abs(tag);
        if (n > 0 && n <= copy.length) {
            System.arraycopy(array, 0, copy, 0, n);
            source = array;
            this.tag = tag;
            value = v;
        } else {
            source = null;
        }
        return v;
    }
}
