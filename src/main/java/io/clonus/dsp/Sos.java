package io.clonus.dsp;

import java.util.Arrays;

/**
 * An immutable cascade of second-order IIR sections in scipy's layout: each row is
 * {@code [b0, b1, b2, a0, a1, a2]} with {@code a0 == 1}, the transfer function of one section being
 * {@code (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)} and the cascade the product of its
 * sections, first row first.
 *
 * <p>Instances are created by {@link #of(double[][])}, {@link Butterworth}, {@link Notch} or
 * {@link Mains#suppressor}; they never change and may be shared freely between threads. The
 * coefficients are dimensionless; only {@link #magnitude(double, double)} needs a sample rate.
 */
public final class Sos {
    /** Row-major copy of the coefficients, six per section, normalised so that a0 == 1. */
    private final double[] c;

    private Sos(double[] c) {
        this.c = c;
    }

    /**
     * Creates a cascade from rows {@code [b0, b1, b2, a0, a1, a2]} (scipy's {@code sos} array).
     * Each row is divided by its {@code a0}, so rows with {@code a0 == 1} are kept bit for bit.
     *
     * @param rows one row of six coefficients per section, at least one row; not modified (copied)
     * @return the cascade
     * @throws IllegalArgumentException if there is no row, a row does not have six entries, a
     *         coefficient is NaN or infinite, or {@code a0 == 0}
     * @throws NullPointerException if {@code rows} or a row is null
     */
    public static Sos of(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a second-order-section cascade needs at least one section, got 0 rows");
        }
        double[] c = new double[6 * rows.length];
        for (int s = 0; s < rows.length; s++) {
            double[] row = rows[s];
            if (row.length != 6) {
                throw new IllegalArgumentException("section " + s + " has " + row.length
                        + " coefficients; expected 6: b0, b1, b2, a0, a1, a2");
            }
            for (int i = 0; i < 6; i++) {
                if (!Double.isFinite(row[i])) {
                    throw new IllegalArgumentException("section " + s + " coefficient " + i + " is " + row[i]
                            + "; coefficients must be finite");
                }
            }
            double a0 = row[3];
            if (a0 == 0) {
                throw new IllegalArgumentException("section " + s + " has a0 = 0; the leading denominator "
                        + "coefficient must be non-zero");
            }
            for (int i = 0; i < 6; i++) {
                // a0 == 1 divides exactly, so scipy-produced rows stay bit-identical
                c[6 * s + i] = row[i] / a0;
            }
        }
        return new Sos(c);
    }

    /** Wraps an already normalised coefficient array without copying (package use only). */
    static Sos wrap(double[] coefficients) {
        return new Sos(coefficients);
    }

    /**
     * Number of second-order sections.
     *
     * @return at least 1
     */
    public int sectionCount() {
        return c.length / 6;
    }

    /**
     * The coefficients as a new {@code sectionCount() x 6} array in scipy's layout.
     *
     * @return a fresh copy; changing it does not change this cascade
     */
    public double[][] toArray() {
        double[][] rows = new double[sectionCount()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = Arrays.copyOfRange(c, 6 * s, 6 * s + 6);
        }
        return rows;
    }

    /**
     * One coefficient.
     *
     * @param section section number, 0-based
     * @param index   0..5 for b0, b1, b2, a0, a1, a2
     * @return the coefficient
     * @throws IndexOutOfBoundsException if either index is out of range
     */
    public double coefficient(int section, int index) {
        if (section < 0 || section >= sectionCount()) {
            throw new IndexOutOfBoundsException("section " + section + " out of range 0.." + (sectionCount() - 1));
        }
        if (index < 0 || index > 5) {
            throw new IndexOutOfBoundsException("coefficient index " + index + " out of range 0..5");
        }
        return c[6 * section + index];
    }

    /** Direct access to the internal flat array for the filters of this package; never modify. */
    double[] flat() {
        return c;
    }

    /**
     * The cascade of this filter followed by {@code other}: its sections are this one's, then
     * {@code other}'s (like {@code np.vstack([sos, other])}).
     *
     * @param other the filter applied after this one; not modified
     * @return a new cascade with {@code sectionCount() + other.sectionCount()} sections
     */
    public Sos cascade(Sos other) {
        double[] joined = Arrays.copyOf(c, c.length + other.c.length);
        System.arraycopy(other.c, 0, joined, c.length, other.c.length);
        return new Sos(joined);
    }

    /**
     * Initial conditions for the step-response steady state, equal to
     * {@code scipy.signal.sosfilt_zi(sos)}: a {@code sectionCount() x 2} array of transposed
     * direct-form-II states such that filtering a constant input of 1 from these states produces
     * a constant output. Multiply by the first sample to start without a transient.
     *
     * <p>Each section's state solves scipy's {@code lfilter_zi} 2x2 system by Gaussian elimination
     * with partial pivoting (as LAPACK does), scaled by the DC gain of the sections before it. If a
     * section has a pole at z = 1 (DC gain undefined) the result contains infinities or NaN.
     *
     * @return a fresh array
     */
    public double[][] steadyStateZi() {
        int n = sectionCount();
        double[][] zi = new double[n][2];
        double scale = 1.0;
        for (int s = 0; s < n; s++) {
            int o = 6 * s;
            double b0 = c[o];
            double b1 = c[o + 1];
            double b2 = c[o + 2];
            double a1 = c[o + 4];
            double a2 = c[o + 5];
            // lfilter_zi: (I - companion(a).T) zi = b[1:] - a[1:] * b[0]
            double m00 = 1 + a1;
            double m01 = -1;
            double m10 = a2;
            double m11 = 1;
            double r0 = b1 - a1 * b0;
            double r1 = b2 - a2 * b0;
            double z0;
            double z1;
            if (Math.abs(m10) > Math.abs(m00)) {
                // pivot on the second row, as LAPACK's partial pivoting would
                double l = m00 / m10;
                double u11 = m01 - l * m11;
                double y1 = r0 - l * r1;
                z1 = y1 / u11;
                z0 = (r1 - m11 * z1) / m10;
            } else {
                double l = m10 / m00;
                double u11 = m11 - l * m01;
                double y1 = r1 - l * r0;
                z1 = y1 / u11;
                z0 = (r0 - m01 * z1) / m00;
            }
            zi[s][0] = scale * z0;
            zi[s][1] = scale * z1;
            // DC gain of this section: sum(b) / sum(a), summed left to right like numpy
            scale *= (b0 + b1 + b2) / (c[o + 3] + a1 + a2);
        }
        return zi;
    }

    /**
     * Magnitude of the frequency response |H(e^{jw})| at one frequency, equal to
     * {@code np.abs(scipy.signal.sosfreqz(sos, worN=[f], fs=fs)[1])}.
     *
     * @param frequencyHz  frequency in Hz; any finite value (the response is periodic in the
     *                     sample rate and symmetric about 0)
     * @param sampleRateHz sample rate in Hz, positive
     * @return the gain (linear, not dB); NaN if {@code frequencyHz} is NaN
     * @throws IllegalArgumentException if the sample rate is not positive and finite
     */
    public double magnitude(double frequencyHz, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        // z^-1 = exp(-jw); each polynomial is evaluated by Horner's rule in z^-1 like numpy's polyval
        double zr = Math.cos(w);
        double zi = -Math.sin(w);
        double hr = 1;
        double hi = 0;
        for (int s = 0; s < sectionCount(); s++) {
            int o = 6 * s;
            double nr = c[o + 1] + c[o + 2] * zr;
            double ni = c[o + 2] * zi;
            double tr = c[o] + (nr * zr - ni * zi);
            double ti = nr * zi + ni * zr;
            double dr = c[o + 4] + c[o + 5] * zr;
            double di = c[o + 5] * zi;
            double ur = c[o + 3] + (dr * zr - di * zi);
            double ui = dr * zi + di * zr;
            // h *= t / u
            double den = ur * ur + ui * ui;
            double qr = (tr * ur + ti * ui) / den;
            double qi = (ti * ur - tr * ui) / den;
            double pr = hr * qr - hi * qi;
            hi = hr * qi + hi * qr;
            hr = pr;
        }
        return Math.hypot(hr, hi);
    }

    /**
     * The number of samples {@code scipy.signal.sosfiltfilt} pads at each end by default:
     * {@code 3 * (2 * sectionCount() + 1 - min(#sections with b2 == 0, #sections with a2 == 0))}.
     *
     * @return the pad length in samples; a signal must be strictly longer for {@link ZeroPhase}
     */
    public int filtfiltPadLength() {
        int n = sectionCount();
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (int s = 0; s < n; s++) {
            if (c[6 * s + 2] == 0) {
                zeroB2++;
            }
            if (c[6 * s + 5] == 0) {
                zeroA2++;
            }
        }
        return 3 * (2 * n + 1 - Math.min(zeroB2, zeroA2));
    }

    /** Equal when the coefficients are bitwise equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sos && Arrays.equals(c, ((Sos) o).c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return "Sos" + Arrays.deepToString(toArray());
    }
}
