package io.clonus.dsp;

/**
 * Minimal immutable complex number for filter design (not for hot loops). Operations follow
 * numpy's formulas (Smith's division, principal square root) so designs agree with scipy to the
 * last few bits.
 */
final class Complex {
    static final Complex ZERO = new Complex(0, 0);
    static final Complex ONE = new Complex(1, 0);

    final double re;
    final double im;

    Complex(double re, double im) {
        this.re = re;
        this.im = im;
    }

    static Complex real(double re) {
        return new Complex(re, 0);
    }

    /** numpy's np.isreal: imaginary part exactly zero. */
    boolean isReal() {
        return im == 0;
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /** Complex times a real promoted to complex (numpy promotes the scalar, then multiplies). */
    Complex times(double d) {
        return times(real(d));
    }

    /** Smith's algorithm, as numpy's complex division. */
    Complex div(Complex o) {
        double ar = Math.abs(o.re);
        double ai = Math.abs(o.im);
        if (ar >= ai) {
            if (ar == 0 && ai == 0) {
                return new Complex(re / ar, im / ai);
            }
            double rat = o.im / o.re;
            double scl = 1.0 / (o.re + o.im * rat);
            return new Complex((re + im * rat) * scl, (im - re * rat) * scl);
        }
        double rat = o.re / o.im;
        double scl = 1.0 / (o.im + o.re * rat);
        return new Complex((re * rat + im) * scl, (im * rat - re) * scl);
    }

    Complex div(double d) {
        return div(real(d));
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /**
     * Principal square root (branch cut on the negative real axis), following glibc's csqrt
     * case by case so that the sign of zero and the last bits agree with numpy.
     */
    Complex sqrt() {
        if (im == 0) {
            if (re < 0) {
                return new Complex(0, Math.copySign(Math.sqrt(-re), im));
            }
            return new Complex(Math.abs(Math.sqrt(re)), Math.copySign(0.0, im));
        }
        if (re == 0) {
            double r = Math.abs(im) >= 2 * Double.MIN_NORMAL
                    ? Math.sqrt(0.5 * Math.abs(im)) : 0.5 * Math.sqrt(2 * Math.abs(im));
            return new Complex(r, Math.copySign(r, im));
        }
        double d = Math.hypot(re, im);
        double r;
        double s;
        if (re > 0) {
            r = Math.sqrt(0.5 * (d + re));
            s = 0.5 * (im / r);
        } else {
            s = Math.sqrt(0.5 * (d - re));
            r = Math.abs(0.5 * (im / s));
        }
        return new Complex(r, Math.copySign(s, im));
    }

    /** exp(z) = e^re (cos im + j sin im). */
    Complex exp() {
        double e = Math.exp(re);
        return new Complex(e * Math.cos(im), e * Math.sin(im));
    }

    @Override
    public String toString() {
        return re + (im < 0 ? "-" : "+") + Math.abs(im) + "j";
    }
}
