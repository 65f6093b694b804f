package io.clonus.dsp;

/** Argument checks shared by the package, with messages a researcher can act on. */
final class Checks {
    private Checks() {
    }

    static void sampleRate(double sampleRateHz) {
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException(
                    "sample rate must be a positive finite number of Hz, got " + sampleRateHz + " Hz");
        }
    }

    static void order(int order) {
        if (order <= 0) {
            throw new IllegalArgumentException("order must be positive, got " + order);
        }
        if (order > Butterworth.MAX_ORDER) {
            throw new IllegalArgumentException("order " + order + " is too high: at most "
                    + Butterworth.MAX_ORDER + " is supported");
        }
    }

    /** A frequency strictly between 0 and Nyquist. */
    static void belowNyquist(String what, double frequencyHz, double sampleRateHz) {
        if (Double.isNaN(frequencyHz) || Double.isInfinite(frequencyHz)) {
            throw new IllegalArgumentException(what + " must be a finite number of Hz, got " + frequencyHz + " Hz");
        }
        if (frequencyHz <= 0) {
            throw new IllegalArgumentException(what + " " + frequencyHz + " Hz must be above 0 Hz");
        }
        double nyquist = sampleRateHz / 2;
        if (frequencyHz >= nyquist) {
            throw new IllegalArgumentException(what + " " + frequencyHz + " Hz must be below the Nyquist frequency "
                    + nyquist + " Hz (sample rate " + sampleRateHz + " Hz)");
        }
    }

    static void band(double lowHz, double highHz, double sampleRateHz) {
        belowNyquist("low band edge", lowHz, sampleRateHz);
        belowNyquist("high band edge", highHz, sampleRateHz);
        if (lowHz >= highHz) {
            throw new IllegalArgumentException("band edges reversed: low " + lowHz + " Hz >= high " + highHz + " Hz");
        }
    }

    static void finite(String what, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
    }

    static void range(int length, int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IllegalArgumentException("segment [" + from + ", " + to + ") does not lie within the "
                    + length + " samples of the signal");
        }
    }
}
