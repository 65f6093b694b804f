package io.clonus.dsp;

/** Transform and ring sizes: the package's one rounding to a power of two. Static and thread-safe. */
public final class PowerOfTwo {
    private PowerOfTwo() {
    }

    /**
     * @param n a positive size
     * @return the smallest power of two at least {@code n}
     * @throws IllegalArgumentException if n is not positive or above 2^30
     */
    public static int atLeast(int n) {
        if (n < 1 || n > (1 << 30)) {
            throw new IllegalArgumentException("size must be 1 to 2^30, got " + n);
        }
        int p = Integer.highestOneBit(n);
        return p == n ? n : p << 1;
    }
}
