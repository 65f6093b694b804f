package io.clonus.dsp;

/**
 * Selection of the k-th smallest value, the element {@link java.util.Arrays#sort(double[], int, int)} would
 * put at index k, in linear expected time instead of a sort's n log n. Reorders the array. With a NaN
 * among the values the sort's total order is used (NaN last, -0.0 before 0.0), so the result is the sort's
 * bit for bit; without, only the sign of a zero result may differ from the sort's when both zeros are
 * present.
 */
public final class Select {
    private Select() {
    }

    /**
     * @param a values; reordered
     * @param n how many, from index 0 (at least 1)
     * @param k rank wanted, 0 .. n - 1
     * @return the k-th smallest of {@code a[0..n)} (equal, as a number, to the sort's {@code a[k]})
     */
    public static double kth(double[] a, int n, int k) {
        for (int i = 0; i < n; i++) {
            if (a[i] != a[i]) {
                return kthTotalOrder(a, n, k);
            }
        }
        // no NaN: plain comparisons, which differ from the total order only in taking -0.0 and 0.0 as
        // equal; the k-th value is then the same but for the sign of a zero
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** {@link #kth} in {@link Double#compare}'s order: NaN is rare enough for a sort. */
    public static double kthTotalOrder(double[] a, int n, int k) {
        java.util.Arrays.sort(a, 0, n);
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
