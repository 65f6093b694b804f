package io.clonus.dsp;

import java.util.Objects;

/**
 * A causal, stateful IIR filter running a {@link Sos} cascade in transposed direct form II, sample
 * for sample the arithmetic of {@code scipy.signal.sosfilt}: per section
 * <pre>
 *   y  = b0 x + z0
 *   z0 = b1 x - a1 y + z1
 *   z1 = b2 x - a2 y
 * </pre>
 * evaluated in that order without fused multiply-add, so outputs agree with scipy to rounding.
 *
 * <p>The state (two values per section) carries over between calls, so a signal can be filtered
 * whole or in chunks of any size with bitwise identical output. A new filter starts at rest
 * (zero state, like {@code sosfilt} without {@code zi}).
 *
 * <p><b>Not thread-safe:</b> an instance holds mutable state; confine it to one thread or give
 * each thread its own ({@link #of(Sos)} is cheap). The {@link Sos} itself may be shared.
 *
 * <p>NaN or infinite input samples propagate into the output and into the state; after that every
 * later output is NaN until {@link #reset()} or {@link #setState(double[])}.
 */
public final class SosFilter {
    /** Samples per block when cascades longer than four sections are run four sections at a time. */
    private static final int BLOCK = 256;

    private final double[] c;
    private final int sections;
    /** z0, z1 of section 0, then of section 1, ... */
    private final double[] state;
    private final double[][] zi;

    private SosFilter(Sos sos) {
        this.c = sos.flat();
        this.sections = sos.sectionCount();
        this.state = new double[2 * sections];
        this.zi = sos.steadyStateZi();
    }

    /**
     * Creates a filter at rest (zero state).
     *
     * @param sos the cascade; immutable, so it may be shared with other filters
     * @return a new filter owning its own state
     */
    public static SosFilter of(Sos sos) {
        return new SosFilter(Objects.requireNonNull(sos, "sos"));
    }

    /** Sets the state to zero, as if no sample had been filtered. */
    public void reset() {
        java.util.Arrays.fill(state, 0.0);
    }

    /**
     * Sets the state to the step-response steady state for a constant input {@code x0}: state =
     * {@code sosfilt_zi(sos) * x0}, like scipy's {@code sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0])}.
     * Filtering a signal that starts at {@code x0} then has no start-up transient.
     *
     * @param x0 the level the signal starts at (usually its first sample), in signal units; NaN
     *           makes the state NaN
     */
    public void initSteadyState(double x0) {
        for (int s = 0; s < sections; s++) {
            state[2 * s] = zi[s][0] * x0;
            state[2 * s + 1] = zi[s][1] * x0;
        }
    }

    /**
     * Filters one sample.
     *
     * @param x input sample
     * @return output sample
     */
    public double process(double x) {
        double[] c = this.c;
        double[] st = this.state;
        double cur = x;
        for (int s = 0, o = 0; s < sections; s++, o += 6) {
            double y = c[o] * cur + st[2 * s];
            st[2 * s] = c[o + 1] * cur - c[o + 4] * y + st[2 * s + 1];
            st[2 * s + 1] = c[o + 2] * cur - c[o + 5] * y;
            cur = y;
        }
        return cur;
    }

    /**
     * Filters {@code length} samples of {@code in} starting at {@code inOffset} into {@code out}
     * starting at {@code outOffset}. This is the fast path: every sample goes through all sections
     * with the state held in local variables, and nothing is allocated.
     *
     * <p>{@code in} and {@code out} may be the same array: in place when the offsets are equal;
     * otherwise the two ranges must not overlap. {@code in} is not modified (unless it is
     * {@code out}); {@code out[outOffset .. outOffset + length)} is overwritten. A length of 0 does
     * nothing.
     *
     * @param in        input samples
     * @param inOffset  first input index
     * @param out       destination
     * @param outOffset first output index
     * @param length    number of samples, at least 0
     * @throws IndexOutOfBoundsException if a range does not fit its array or the length is negative
     * @throws IllegalArgumentException if the same array is used with distinct overlapping ranges
     */
    public void process(double[] in, int inOffset, double[] out, int outOffset, int length) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        if (in == out && inOffset != outOffset && inOffset < outOffset + length && outOffset < inOffset + length) {
            throw new IllegalArgumentException("input range [" + inOffset + ", " + (inOffset + length)
                    + ") and output range [" + outOffset + ", " + (outOffset + length)
                    + ") of the same array overlap; use equal offsets for in-place filtering");
        }
        if (sections <= 4) {
            run(0, sections, in, inOffset, out, outOffset, length);
            return;
        }
        // Longer cascades: four sections at a time over short blocks that stay in L1 cache.
        for (int start = 0; start < length; start += BLOCK) {
            int n = Math.min(BLOCK, length - start);
            run(0, 4, in, inOffset + start, out, outOffset + start, n);
            for (int s = 4; s < sections; s += 4) {
                run(s, Math.min(4, sections - s), out, outOffset + start, out, outOffset + start, n);
            }
        }
    }

    /**
     * Filters the whole array in place.
     *
     * @param x samples; overwritten with the filtered signal (an empty array is left as is)
     */
    public void processInPlace(double[] x) {
        process(x, 0, x, 0, x.length);
    }

    /**
     * The current state, {@code [z0, z1]} of section 0, then of section 1, and so on (scipy's
     * {@code zf} flattened row by row).
     *
     * @return a copy of length {@code 2 * sectionCount}
     */
    public double[] state() {
        return state.clone();
    }

    /**
     * Replaces the state, e.g. to resume from a saved {@link #state()} or to use scipy's
     * {@code zi} flattened row by row.
     *
     * @param newState {@code 2 * sectionCount} values; copied, not modified
     * @throws IllegalArgumentException if the length is wrong
     */
    public void setState(double[] newState) {
        if (newState.length != state.length) {
            throw new IllegalArgumentException("state must have " + state.length + " values (2 per section for "
                    + sections + " sections), got " + newState.length);
        }
        System.arraycopy(newState, 0, state, 0, state.length);
    }

    private void run(int first, int count, double[] in, int inOffset, double[] out, int outOffset, int length) {
        switch (count) {
            case 1:
                run1(c, 6 * first, state, 2 * first, in, inOffset, out, outOffset, length);
                break;
            case 2:
                run2(c, 6 * first, state, 2 * first, in, inOffset, out, outOffset, length);
                break;
            case 3:
                run3(c, 6 * first, state, 2 * first, in, inOffset, out, outOffset, length);
                break;
            default:
                run4(c, 6 * first, state, 2 * first, in, inOffset, out, outOffset, length);
                break;
        }
    }

    // The kernels below are the same recurrence unrolled over 1..4 sections, coefficients and
    // state in locals so the JIT keeps them in registers. Sections of consecutive samples overlap
    // in the CPU pipeline; the loop-carried latency is one section's recurrence, not four.

    private static void run1(double[] c, int o, double[] st, int so,
                             double[] in, int ip, double[] out, int op, int n) {
        final double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 4], a2 = c[o + 5];
        double z0 = st[so], z1 = st[so + 1];
        for (int i = 0; i < n; i++) {
            double x = in[ip + i];
            double y = b0 * x + z0;
            z0 = b1 * x - a1 * y + z1;
            z1 = b2 * x - a2 * y;
            out[op + i] = y;
        }
        st[so] = z0;
        st[so + 1] = z1;
    }

    private static void run2(double[] c, int o, double[] st, int so,
                             double[] in, int ip, double[] out, int op, int n) {
        final double b00 = c[o], b01 = c[o + 1], b02 = c[o + 2], a01 = c[o + 4], a02 = c[o + 5];
        final double b10 = c[o + 6], b11 = c[o + 7], b12 = c[o + 8], a11 = c[o + 10], a12 = c[o + 11];
        double z00 = st[so], z01 = st[so + 1], z10 = st[so + 2], z11 = st[so + 3];
        for (int i = 0; i < n; i++) {
            double x = in[ip + i];
            double y0 = b00 * x + z00;
            z00 = b01 * x - a01 * y0 + z01;
            z01 = b02 * x - a02 * y0;
            double y1 = b10 * y0 + z10;
            z10 = b11 * y0 - a11 * y1 + z11;
            z11 = b12 * y0 - a12 * y1;
            out[op + i] = y1;
        }
        st[so] = z00;
        st[so + 1] = z01;
        st[so + 2] = z10;
        st[so + 3] = z11;
    }

    private static void run3(double[] c, int o, double[] st, int so,
                             double[] in, int ip, double[] out, int op, int n) {
        final double b00 = c[o], b01 = c[o + 1], b02 = c[o + 2], a01 = c[o + 4], a02 = c[o + 5];
        final double b10 = c[o + 6], b11 = c[o + 7], b12 = c[o + 8], a11 = c[o + 10], a12 = c[o + 11];
        final double b20 = c[o + 12], b21 = c[o + 13], b22 = c[o + 14], a21 = c[o + 16], a22 = c[o + 17];
        double z00 = st[so], z01 = st[so + 1], z10 = st[so + 2], z11 = st[so + 3];
        double z20 = st[so + 4], z21 = st[so + 5];
        for (int i = 0; i < n; i++) {
            double x = in[ip + i];
            double y0 = b00 * x + z00;
            z00 = b01 * x - a01 * y0 + z01;
            z01 = b02 * x - a02 * y0;
            double y1 = b10 * y0 + z10;
            z10 = b11 * y0 - a11 * y1 + z11;
            z11 = b12 * y0 - a12 * y1;
            double y2 = b20 * y1 + z20;
            z20 = b21 * y1 - a21 * y2 + z21;
            z21 = b22 * y1 - a22 * y2;
            out[op + i] = y2;
        }
        st[so] = z00;
        st[so + 1] = z01;
        st[so + 2] = z10;
        st[so + 3] = z11;
        st[so + 4] = z20;
        st[so + 5] = z21;
    }

    /**
     * Four sections, software-pipelined: in each iteration section k works on sample i - k, so the four
     * sections' recurrences are independent within the iteration and the CPU overlaps them without having
     * to look several iterations ahead (about a fifth faster than {@link #run4Plain} here). Every sample
     * still goes through the same operations in the same order, so the output is the same bits.
     */
    private static void run4(double[] c, int o, double[] st, int so,
                             double[] in, int ip, double[] out, int op, int n) {
        if (n < 4) {
            run4Plain(c, o, st, so, in, ip, out, op, n);
            return;
        }
        final double b00 = c[o], b01 = c[o + 1], b02 = c[o + 2], a01 = c[o + 4], a02 = c[o + 5];
        final double b10 = c[o + 6], b11 = c[o + 7], b12 = c[o + 8], a11 = c[o + 10], a12 = c[o + 11];
        final double b20 = c[o + 12], b21 = c[o + 13], b22 = c[o + 14], a21 = c[o + 16], a22 = c[o + 17];
        final double b30 = c[o + 18], b31 = c[o + 19], b32 = c[o + 20], a31 = c[o + 22], a32 = c[o + 23];
        double z00 = st[so], z01 = st[so + 1], z10 = st[so + 2], z11 = st[so + 3];
        double z20 = st[so + 4], z21 = st[so + 5], z30 = st[so + 6], z31 = st[so + 7];
        double x;
        double y0;
        double y1;
        double y2;
        double y3;
        // p0, p1, p2: outputs of sections 0, 1, 2 waiting for the next section
        // prologue: samples 0, 1, 2 into the first sections
        x = in[ip];
        y0 = b00 * x + z00;
        z00 = b01 * x - a01 * y0 + z01;
        z01 = b02 * x - a02 * y0;
        double p0 = y0;
        x = in[ip + 1];
        y1 = b10 * p0 + z10;
        z10 = b11 * p0 - a11 * y1 + z11;
        z11 = b12 * p0 - a12 * y1;
        y0 = b00 * x + z00;
        z00 = b01 * x - a01 * y0 + z01;
        z01 = b02 * x - a02 * y0;
        double p1 = y1;
        p0 = y0;
        x = in[ip + 2];
        y2 = b20 * p1 + z20;
        z20 = b21 * p1 - a21 * y2 + z21;
        z21 = b22 * p1 - a22 * y2;
        y1 = b10 * p0 + z10;
        z10 = b11 * p0 - a11 * y1 + z11;
        z11 = b12 * p0 - a12 * y1;
        y0 = b00 * x + z00;
        z00 = b01 * x - a01 * y0 + z01;
        z01 = b02 * x - a02 * y0;
        double p2 = y2;
        p1 = y1;
        p0 = y0;
        // steady state: sample i enters section 0 while sample i - 3 leaves section 3 (in place is safe:
        // out[i - 3] was read three iterations ago)
        for (int i = 3; i < n; i++) {
            x = in[ip + i];
            y3 = b30 * p2 + z30;
            z30 = b31 * p2 - a31 * y3 + z31;
            z31 = b32 * p2 - a32 * y3;
            y2 = b20 * p1 + z20;
            z20 = b21 * p1 - a21 * y2 + z21;
            z21 = b22 * p1 - a22 * y2;
            y1 = b10 * p0 + z10;
            z10 = b11 * p0 - a11 * y1 + z11;
            z11 = b12 * p0 - a12 * y1;
            y0 = b00 * x + z00;
            z00 = b01 * x - a01 * y0 + z01;
            z01 = b02 * x - a02 * y0;
            out[op + i - 3] = y3;
            p2 = y2;
            p1 = y1;
            p0 = y0;
        }
        // epilogue: the last three samples through the remaining sections
        y3 = b30 * p2 + z30;
        z30 = b31 * p2 - a31 * y3 + z31;
        z31 = b32 * p2 - a32 * y3;
        y2 = b20 * p1 + z20;
        z20 = b21 * p1 - a21 * y2 + z21;
        z21 = b22 * p1 - a22 * y2;
        y1 = b10 * p0 + z10;
        z10 = b11 * p0 - a11 * y1 + z11;
        z11 = b12 * p0 - a12 * y1;
        out[op + n - 3] = y3;
        p2 = y2;
        p1 = y1;
        y3 = b30 * p2 + z30;
        z30 = b31 * p2 - a31 * y3 + z31;
        z31 = b32 * p2 - a32 * y3;
        y2 = b20 * p1 + z20;
        z20 = b21 * p1 - a21 * y2 + z21;
        z21 = b22 * p1 - a22 * y2;
        out[op + n - 2] = y3;
        p2 = y2;
        y3 = b30 * p2 + z30;
        z30 = b31 * p2 - a31 * y3 + z31;
        z31 = b32 * p2 - a32 * y3;
        out[op + n - 1] = y3;
        st[so] = z00;
        st[so + 1] = z01;
        st[so + 2] = z10;
        st[so + 3] = z11;
        st[so + 4] = z20;
        st[so + 5] = z21;
        st[so + 6] = z30;
        st[so + 7] = z31;
    }

    private static void run4Plain(double[] c, int o, double[] st, int so,
                                  double[] in, int ip, double[] out, int op, int n) {
        final double b00 = c[o], b01 = c[o + 1], b02 = c[o + 2], a01 = c[o + 4], a02 = c[o + 5];
        final double b10 = c[o + 6], b11 = c[o + 7], b12 = c[o + 8], a11 = c[o + 10], a12 = c[o + 11];
        final double b20 = c[o + 12], b21 = c[o + 13], b22 = c[o + 14], a21 = c[o + 16], a22 = c[o + 17];
        final double b30 = c[o + 18], b31 = c[o + 19], b32 = c[o + 20], a31 = c[o + 22], a32 = c[o + 23];
        double z00 = st[so], z01 = st[so + 1], z10 = st[so + 2], z11 = st[so + 3];
        double z20 = st[so + 4], z21 = st[so + 5], z30 = st[so + 6], z31 = st[so + 7];
        for (int i = 0; i < n; i++) {
            double x = in[ip + i];
            double y0 = b00 * x + z00;
            z00 = b01 * x - a01 * y0 + z01;
            z01 = b02 * x - a02 * y0;
            double y1 = b10 * y0 + z10;
            z10 = b11 * y0 - a11 * y1 + z11;
            z11 = b12 * y0 - a12 * y1;
            double y2 = b20 * y1 + z20;
            z20 = b21 * y1 - a21 * y2 + z21;
            z21 = b22 * y1 - a22 * y2;
            double y3 = b30 * y2 + z30;
            z30 = b31 * y2 - a31 * y3 + z31;
            z31 = b32 * y2 - a32 * y3;
            out[op + i] = y3;
        }
        st[so] = z00;
        st[so + 1] = z01;
        st[so + 2] = z10;
        st[so + 3] = z11;
        st[so + 4] = z20;
        st[so + 5] = z21;
        st[so + 6] = z30;
        st[so + 7] = z31;
    }
}
