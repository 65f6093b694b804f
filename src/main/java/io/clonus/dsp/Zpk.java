package io.clonus.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Zeros, poles and gain of a filter, with the steps of scipy's {@code iirfilter} that act on them:
 * the frequency transformations ({@code lp2lp_zpk} ...), {@code bilinear_zpk} and
 * {@code zpk2sos(pairing='nearest')}. Each method mirrors scipy's arithmetic in the same order so
 * that the resulting coefficients agree to rounding; the comments name the scipy line they follow.
 * Not thread-safe (mutable lists), but only ever used locally inside one design call.
 */
final class Zpk {
    /** numpy's default tolerance in _cplxreal: 100 * eps(float64). */
    private static final double CPLX_TOL = 100 * Math.ulp(1.0);

    final List<Complex> z;
    final List<Complex> p;
    final double k;

    Zpk(List<Complex> z, List<Complex> p, double k) {
        this.z = z;
        this.p = p;
        this.k = k;
    }

    /** scipy.signal.buttap(N): no zeros, poles -exp(j pi m / (2N)) for m = -N+1, -N+3, ..., N-1. */
    static Zpk buttap(int order) {
        List<Complex> poles = new ArrayList<>(order);
        Complex jpi = new Complex(0, Math.PI);
        Complex twoN = Complex.real(2.0 * order);
        for (int m = -order + 1; m < order; m += 2) {
            // -exp(1j * pi * m / (2 * N)); m = 0 gives exactly -1
            poles.add(jpi.times((double) m).div(twoN).exp().negate());
        }
        return new Zpk(new ArrayList<>(), poles, 1.0);
    }

    private int degree() {
        return p.size() - z.size();
    }

    /** lp2lp_zpk: scale radially by wo. */
    Zpk lp2lp(double wo) {
        List<Complex> zz = new ArrayList<>();
        for (Complex c : z) {
            zz.add(c.times(wo));
        }
        List<Complex> pp = new ArrayList<>();
        for (Complex c : p) {
            pp.add(c.times(wo));
        }
        return new Zpk(zz, pp, k * Math.pow(wo, degree()));
    }

    /** lp2hp_zpk: invert about the unit circle, zeros at infinity move to the origin. */
    Zpk lp2hp(double wo) {
        Complex w = Complex.real(wo);
        List<Complex> zz = new ArrayList<>();
        for (Complex c : z) {
            zz.add(w.div(c));
        }
        List<Complex> pp = new ArrayList<>();
        for (Complex c : p) {
            pp.add(w.div(c));
        }
        for (int i = 0; i < degree(); i++) {
            zz.add(Complex.ZERO);
        }
        // k * real(prod(-z) / prod(-p))
        double kk = k * prodNeg(z).div(prodNeg(p)).re;
        return new Zpk(zz, pp, kk);
    }

    /** lp2bp_zpk: wideband low-pass to band-pass, degree zeros at the origin. */
    Zpk lp2bp(double wo, double bw) {
        List<Complex> zz = new ArrayList<>();
        shiftPair(scaled(z, bw), wo, zz);
        List<Complex> pp = new ArrayList<>();
        shiftPair(scaled(p, bw), wo, pp);
        for (int i = 0; i < degree(); i++) {
            zz.add(Complex.ZERO);
        }
        return new Zpk(zz, pp, k * Math.pow(bw, degree()));
    }

    /** lp2bs_zpk: invert to a high-pass of the bandwidth, then shift to +-wo; zeros at +-j wo. */
    Zpk lp2bs(double wo, double bw) {
        Complex half = Complex.real(bw / 2);
        List<Complex> zh = new ArrayList<>();
        for (Complex c : z) {
            zh.add(half.div(c));
        }
        List<Complex> ph = new ArrayList<>();
        for (Complex c : p) {
            ph.add(half.div(c));
        }
        List<Complex> zz = new ArrayList<>();
        shiftPair(zh, wo, zz);
        List<Complex> pp = new ArrayList<>();
        shiftPair(ph, wo, pp);
        int degree = degree();
        for (int i = 0; i < degree; i++) {
            zz.add(new Complex(0, wo));
        }
        for (int i = 0; i < degree; i++) {
            zz.add(new Complex(0, -wo));
        }
        double kk = k * prodNeg(z).div(prodNeg(p)).re;
        return new Zpk(zz, pp, kk);
    }

    /** z * bw / 2, evaluated left to right as numpy does. */
    private static List<Complex> scaled(List<Complex> v, double bw) {
        List<Complex> out = new ArrayList<>(v.size());
        for (Complex c : v) {
            out.add(c.times(bw).div(2.0));
        }
        return out;
    }

    /** Appends v + sqrt(v^2 - wo^2) for all v, then v - sqrt(v^2 - wo^2) for all v. */
    private static void shiftPair(List<Complex> v, double wo, List<Complex> out) {
        Complex wo2 = Complex.real(wo * wo);
        List<Complex> roots = new ArrayList<>(v.size());
        for (Complex c : v) {
            roots.add(c.times(c).minus(wo2).sqrt());
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i).plus(roots.get(i)));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i).minus(roots.get(i)));
        }
    }

    /** prod(-v), 1 for an empty list. */
    private static Complex prodNeg(List<Complex> v) {
        Complex acc = null;
        for (Complex c : v) {
            acc = acc == null ? c.negate() : acc.times(c.negate());
        }
        return acc == null ? Complex.ONE : acc;
    }

    /** bilinear_zpk with scipy's fs = 2 (the normalised design rate). */
    Zpk bilinear(double fs) {
        Complex fs2 = Complex.real(2.0 * fs);
        List<Complex> zz = new ArrayList<>();
        for (Complex c : z) {
            zz.add(fs2.plus(c).div(fs2.minus(c)));
        }
        List<Complex> pp = new ArrayList<>();
        for (Complex c : p) {
            pp.add(fs2.plus(c).div(fs2.minus(c)));
        }
        for (int i = 0; i < degree(); i++) {
            zz.add(Complex.real(-1.0));
        }
        // k * real(prod(fs2 - z) / prod(fs2 - p))
        double kk = k * prodDiff(fs2, z).div(prodDiff(fs2, p)).re;
        return new Zpk(zz, pp, kk);
    }

    private static Complex prodDiff(Complex a, List<Complex> v) {
        Complex acc = null;
        for (Complex c : v) {
            Complex d = a.minus(c);
            acc = acc == null ? d : acc.times(d);
        }
        return acc == null ? Complex.ONE : acc;
    }

    // ---------------------------------------------------------------- zpk2sos(pairing='nearest')

    private enum Which { REAL, COMPLEX, ANY }

    /** Flat sos array (6 per section), scipy's zpk2sos(z, p, k, pairing='nearest'). */
    double[] toSos() {
        if (z.isEmpty() && p.isEmpty()) {
            return new double[] {k, 0, 0, 1, 0, 0};
        }
        List<Complex> zs = new ArrayList<>(z);
        List<Complex> ps = new ArrayList<>(p);
        // same number of poles and zeros, padding with the origin
        while (ps.size() < zs.size()) {
            ps.add(Complex.ZERO);
        }
        while (zs.size() < ps.size()) {
            zs.add(Complex.ZERO);
        }
        int nSections = (ps.size() + 1) / 2;
        if (ps.size() % 2 == 1) {
            ps.add(Complex.ZERO);
            zs.add(Complex.ZERO);
        }
        zs = cplxreal(zs);
        ps = cplxreal(ps);

        double[] sos = new double[6 * nSections];
        // build from the last section backwards so that the poles nearest the unit circle come last
        for (int si = nSections - 1; si >= 0; si--) {
            Complex p1 = ps.remove(idxWorst(ps));
            if (p1.isReal() && countReal(ps) == 0) {
                // special case (1): last remaining real pole
                Complex z1 = zs.remove(nearest(zs, p1, Which.REAL));
                section(sos, si, List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (ps.size() + 1 == zs.size() && !p1.isReal()
                    && countReal(ps) == 1 && countReal(zs) == 1) {
                // special case (2): must pair the complex pole with a complex zero
                Complex z1 = zs.remove(nearest(zs, p1, Which.COMPLEX));
                section(sos, si, List.of(z1, z1.conj()), List.of(p1, p1.conj()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    List<Integer> realIdx = new ArrayList<>();
                    List<Complex> reals = new ArrayList<>();
                    for (int i = 0; i < ps.size(); i++) {
                        if (ps.get(i).isReal()) {
                            realIdx.add(i);
                            reals.add(ps.get(i));
                        }
                    }
                    p2 = ps.remove((int) realIdx.get(idxWorst(reals)));
                } else {
                    p2 = p1.conj();
                }
                if (!zs.isEmpty()) {
                    Complex z1 = zs.remove(nearest(zs, p1, Which.ANY));
                    if (!z1.isReal()) {
                        section(sos, si, List.of(z1, z1.conj()), List.of(p1, p2));
                    } else if (!zs.isEmpty()) {
                        Complex z2 = zs.remove(nearest(zs, p1, Which.REAL));
                        section(sos, si, List.of(z1, z2), List.of(p1, p2));
                    } else {
                        section(sos, si, List.of(z1), List.of(p1, p2));
                    }
                } else {
                    section(sos, si, List.of(), List.of(p1, p2));
                }
            }
        }
        // the whole gain goes into the first section's numerator
        sos[0] *= k;
        sos[1] *= k;
        sos[2] *= k;
        return sos;
    }

    /** np.argmin(np.abs(1 - np.abs(p))): the pole closest to the unit circle, first on ties. */
    private static int idxWorst(List<Complex> v) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            double d = Math.abs(1 - v.get(i).abs());
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static int countReal(List<Complex> v) {
        int n = 0;
        for (Complex c : v) {
            if (c.isReal()) {
                n++;
            }
        }
        return n;
    }

    /** _nearest_real_complex_idx: closest element of the requested kind (stable on ties). */
    private static int nearest(List<Complex> from, Complex to, Which which) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < from.size(); i++) {
            Complex c = from.get(i);
            if (which == Which.REAL && !c.isReal() || which == Which.COMPLEX && c.isReal()) {
                continue;
            }
            double d = c.minus(to).abs();
            if (best < 0 || d < bestD) {
                bestD = d;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + which + " zero left to pair with pole " + to);
        }
        return best;
    }

    /** _single_zpksos: b = poly(z), a = poly(p), right-aligned in the six-entry row. */
    private static void section(double[] sos, int si, List<Complex> zeros, List<Complex> poles) {
        double[] b = poly(zeros);
        double[] a = poly(poles);
        System.arraycopy(b, 0, sos, 6 * si + 3 - b.length, b.length);
        System.arraycopy(a, 0, sos, 6 * si + 6 - a.length, a.length);
    }

    /** np.poly for up to two roots, real part (the roots are real or a conjugate pair). */
    private static double[] poly(List<Complex> roots) {
        if (roots.isEmpty()) {
            return new double[] {1.0};
        }
        if (roots.size() == 1) {
            return new double[] {1.0, roots.get(0).negate().re};
        }
        Complex m1 = roots.get(0).negate();
        Complex m2 = roots.get(1).negate();
        return new double[] {1.0, m2.plus(m1).re, m1.times(m2).re};
    }

    /**
     * scipy's _cplxreal followed by concatenation: complex roots merged into their
     * positive-imaginary representative (sorted by real part, then by imaginary magnitude within
     * runs of equal real part) followed by the real roots sorted by value.
     */
    private static List<Complex> cplxreal(List<Complex> v) {
        if (v.isEmpty()) {
            return new ArrayList<>();
        }
        List<Complex> sorted = new ArrayList<>(v);
        // np.lexsort((abs(z.imag), z.real)) is stable: real part first, then |imag|
        sorted.sort(Comparator.<Complex>comparingDouble(c -> c.re).thenComparingDouble(c -> Math.abs(c.im)));
        List<Complex> reals = new ArrayList<>();
        List<Complex> pos = new ArrayList<>();
        List<Complex> neg = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im) <= CPLX_TOL * c.abs()) {
                reals.add(Complex.real(c.re));
            } else if (c.im > 0) {
                pos.add(c);
            } else {
                neg.add(c);
            }
        }
        if (pos.size() != neg.size()) {
            throw new IllegalStateException("complex root without a conjugate partner");
        }
        // runs of (approximately) the same real part are re-sorted by |imag|
        int i = 0;
        while (i < pos.size()) {
            int j = i;
            while (j + 1 < pos.size() && pos.get(j + 1).re - pos.get(j).re <= CPLX_TOL * pos.get(j).abs()) {
                j++;
            }
            if (j > i) {
                pos.subList(i, j + 1).sort(Comparator.comparingDouble(c -> Math.abs(c.im)));
                neg.subList(i, j + 1).sort(Comparator.comparingDouble(c -> Math.abs(c.im)));
            }
            i = j + 1;
        }
        List<Complex> out = new ArrayList<>(pos.size() + reals.size());
        for (int m = 0; m < pos.size(); m++) {
            Complex zp = pos.get(m);
            Complex zn = neg.get(m);
            if (zp.minus(zn.conj()).abs() > CPLX_TOL * zn.abs()) {
                throw new IllegalStateException("complex root " + zp + " has no matching conjugate");
            }
            // average out rounding differences between the pair
            out.add(zp.plus(zn.conj()).div(2.0));
        }
        out.addAll(reals);
        return out;
    }
}
