package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every signal-in, signal-out operation of the package keeps (one suite run against
 * each implementation, EJML style): defined behaviour for empty and one-sample input, no failure
 * and finite output on a million samples, the input left alone unless the operation is in place,
 * and in-place equal to out-of-place. Then chunk-size invariance of {@link SosFilter} and the
 * refused parameters with messages that name the offending value.
 */
class FilterContractTest {
    /** A filter-like operation under contract. */
    record Operation(String name, UnaryOperator<double[]> apply, int minLength, boolean inPlace) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Sos BAND_PASS = Butterworth.bandPass(4, 20, 450, 2000);
    static final Sos LOW_PASS_5 = Butterworth.lowPass(5, 40, 200);
    /** 50 Hz and 8 harmonics: nine sections, the blocked path for more than four sections. */
    static final Sos MAINS = Mains.suppressor(50, 2000, 450);

    static Stream<Operation> operations() {
        return Stream.of(
            new Operation("SosFilter.process(in, 0, out, 0, n), 4 sections", x -> block(BAND_PASS, x), 0, false),
            new Operation("SosFilter.process(in, 0, out, 0, n), 9 sections", x -> block(MAINS, x), 0, false),
            new Operation("SosFilter.process(double) sample by sample", x -> perSample(LOW_PASS_5, x), 0, false),
            new Operation("SosFilter.processInPlace", x -> {
                SosFilter.of(BAND_PASS).processInPlace(x);
                return x;
            }, 0, true),
            new Operation("ZeroPhase.filtfilt(sos, x)", x -> ZeroPhase.filtfilt(BAND_PASS, x), 28, false),
            new Operation("ZeroPhase.filtfilt(sos, x, x) in place", x -> {
                ZeroPhase.filtfilt(BAND_PASS, x, x);
                return x;
            }, 28, true),
            new Operation("Hilbert.envelope", Hilbert::envelope, 0, false));
    }

    static double[] block(Sos sos, double[] x) {
        double[] y = new double[x.length];
        SosFilter.of(sos).process(x, 0, y, 0, x.length);
        return y;
    }

    static double[] perSample(Sos sos, double[] x) {
        SosFilter f = SosFilter.of(sos);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.process(x[i]);
        }
        return y;
    }

    static double[] noise(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + 0.5 * Math.sin(0.05 * i);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyInputIsDefined(Operation op) {
        if (op.minLength() == 0) {
            assertEquals(0, op.apply().apply(new double[0]).length);
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply().apply(new double[0]));
            assertTrue(e.getMessage().contains("signal of 0 samples is too short"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void singleSampleIsDefined(Operation op) {
        double[] x = {2.5};
        if (op.minLength() <= 1) {
            double[] y = op.apply().apply(x);
            assertEquals(1, y.length);
            assertTrue(Double.isFinite(y[0]));
        } else {
            assertThrows(IllegalArgumentException.class, () -> op.apply().apply(x));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void shortestAcceptedInputWorks(Operation op) {
        int n = Math.max(op.minLength(), 2);
        double[] y = op.apply().apply(noise(n, 3));
        assertEquals(n, y.length);
        for (double v : y) {
            assertTrue(Double.isFinite(v));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void millionSamplesGiveFiniteOutput(Operation op) {
        double[] y = op.apply().apply(noise(1_000_000, 5));
        assertEquals(1_000_000, y.length);
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new AssertionError("non-finite output " + v);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void inputIsNotModifiedUnlessInPlace(Operation op) {
        double[] x = noise(5000, 7);
        double[] copy = x.clone();
        double[] y = op.apply().apply(x);
        if (op.inPlace()) {
            assertTrue(y == x, "in-place operation must return its input array");
        } else {
            assertArrayEquals(copy, x, 0.0);
            assertTrue(y != x);
        }
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        double[] x = noise(5000, 11);
        double[] a = block(BAND_PASS, x);
        double[] b = x.clone();
        SosFilter.of(BAND_PASS).processInPlace(b);
        assertArrayEquals(a, b, 0.0);
        double[] c = ZeroPhase.filtfilt(BAND_PASS, x);
        double[] d = x.clone();
        ZeroPhase.filtfilt(BAND_PASS, d, d);
        assertArrayEquals(c, d, 0.0);
    }

    // ------------------------------------------------------------------ SosFilter chunking

    static Stream<Arguments> chunking() {
        Sos[] filters = {
            Butterworth.highPass(2, 0.5, 100),             // 1 section
            Butterworth.bandPass(2, 3, 12, 100),           // 2
            Butterworth.lowPass(5, 40, 200),               // 3
            BAND_PASS,                                     // 4
            Butterworth.lowPass(10, 100, 1000),            // 5
            Butterworth.bandPass(8, 5, 15, 200),           // 8
            MAINS,                                         // 9
        };
        return Stream.of(filters).flatMap(sos -> IntStream.of(1, 7, 256, 10_000)
                .mapToObj(chunk -> Arguments.of(sos.sectionCount() + " sections, chunks of " + chunk, sos, chunk)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunking")
    void chunkedFilteringIsBitwiseIdenticalToWhole(String name, Sos sos, int chunk) {
        double[] x = noise(10_000, 13);
        double[] whole = block(sos, x);
        SosFilter f = SosFilter.of(sos);
        double[] y = new double[x.length];
        for (int start = 0; start < x.length; start += chunk) {
            f.process(x, start, y, start, Math.min(chunk, x.length - start));
        }
        assertArrayEquals(whole, y, 0.0);
        // and the single-sample path agrees bit for bit as well
        assertArrayEquals(whole, perSample(sos, x), 0.0);
    }

    @Test
    void stateRoundTripResumesExactly() {
        double[] x = noise(3000, 17);
        double[] whole = block(MAINS, x);
        SosFilter first = SosFilter.of(MAINS);
        double[] y = new double[x.length];
        first.process(x, 0, y, 0, 1234);
        SosFilter second = SosFilter.of(MAINS);
        second.setState(first.state());
        second.process(x, 1234, y, 1234, x.length - 1234);
        assertArrayEquals(whole, y, 0.0);
    }

    @Test
    void steadyStateStartHasNoTransient() {
        SosFilter f = SosFilter.of(Butterworth.lowPass(4, 10, 2000));
        f.initSteadyState(3.0);
        for (int i = 0; i < 100; i++) {
            // poles near z = 1 make the steady state ill-conditioned: ~1e-13 relative, as in scipy
            assertEquals(3.0, f.process(3.0), 1e-9);
        }
        f.reset();
        assertArrayEquals(new double[4], f.state(), 0.0);
    }

    // ------------------------------------------------------------------ refused parameters

    static Stream<Arguments> refused() {
        return Stream.of(
            refuse("cut-off at Nyquist", () -> Butterworth.lowPass(4, 500, 1000),
                "cut-off 500.0 Hz must be below the Nyquist frequency 500.0 Hz (sample rate 1000.0 Hz)"),
            refuse("cut-off above Nyquist", () -> Butterworth.highPass(4, 1000, 1000),
                "cut-off 1000.0 Hz must be below the Nyquist frequency 500.0 Hz (sample rate 1000.0 Hz)"),
            refuse("zero cut-off", () -> Butterworth.highPass(2, 0, 100), "cut-off 0.0 Hz must be above 0 Hz"),
            refuse("order 0", () -> Butterworth.lowPass(0, 10, 1000), "order must be positive, got 0"),
            refuse("negative order", () -> Butterworth.bandPass(-3, 20, 450, 2000), "order must be positive, got -3"),
            refuse("absurd order", () -> Butterworth.lowPass(500, 10, 1000), "order 500 is too high"),
            refuse("reversed band", () -> Butterworth.bandPass(4, 450, 20, 2000),
                "band edges reversed: low 450.0 Hz >= high 20.0 Hz"),
            refuse("empty band", () -> Butterworth.bandStop(4, 50, 50, 1000),
                "band edges reversed: low 50.0 Hz >= high 50.0 Hz"),
            refuse("band edge above Nyquist", () -> Butterworth.bandPass(4, 20, 600, 1000),
                "high band edge 600.0 Hz must be below the Nyquist frequency 500.0 Hz"),
            refuse("zero sample rate", () -> Butterworth.lowPass(4, 10, 0), "got 0.0 Hz"),
            refuse("negative sample rate", () -> Butterworth.bandPass(4, 20, 450, -2000), "got -2000.0 Hz"),
            refuse("NaN sample rate", () -> Butterworth.lowPass(4, 10, Double.NaN), "got NaN Hz"),
            refuse("NaN cut-off", () -> Butterworth.lowPass(4, Double.NaN, 1000), "cut-off must be a finite number of Hz, got NaN Hz"),
            refuse("NaN band edge", () -> Butterworth.bandStop(2, 45, Double.NaN, 1000), "got NaN Hz"),
            refuse("infinite sample rate", () -> Butterworth.lowPass(4, 10, Double.POSITIVE_INFINITY), "got Infinity Hz"),
            refuse("notch above Nyquist", () -> Notch.design(600, 30, 1000), "notch frequency 600.0 Hz must be below the Nyquist"),
            refuse("notch Q zero", () -> Notch.design(50, 0, 1000), "quality factor must be positive and finite, got 0.0"),
            refuse("notch Q NaN", () -> Notch.design(50, Double.NaN, 1000), "got NaN"),
            refuse("signal shorter than padding", () -> ZeroPhase.filtfilt(BAND_PASS, new double[20]),
                "signal of 20 samples is too short for zero-phase filtering: needs more than 27 samples (3 x filter length)"),
            refuse("signal exactly the padding", () -> ZeroPhase.filtfilt(BAND_PASS, new double[27]),
                "signal of 27 samples is too short"),
            refuse("filtfilt output of other length", () -> ZeroPhase.filtfilt(BAND_PASS, new double[100], new double[99]),
                "output length 99 differs from the signal length 100"),
            refuse("state of wrong length", () -> SosFilter.of(BAND_PASS).setState(new double[3]),
                "state must have 8 values (2 per section for 4 sections), got 3"),
            refuse("overlapping in/out ranges", () -> {
                double[] a = new double[100];
                SosFilter.of(BAND_PASS).process(a, 0, a, 10, 50);
            }, "overlap"),
            refuse("section of 5 coefficients", () -> Sos.of(new double[][] {{1, 0, 0, 1, 0}}), "section 0 has 5 coefficients"),
            refuse("a0 = 0", () -> Sos.of(new double[][] {{1, 0, 0, 0, 0.5, 0}}), "section 0 has a0 = 0"),
            refuse("NaN coefficient", () -> Sos.of(new double[][] {{1, Double.NaN, 0, 1, 0, 0}}), "coefficient 1 is NaN"),
            refuse("no sections", () -> Sos.of(new double[0][]), "got 0 rows"),
            refuse("magnitude at rate 0", () -> BAND_PASS.magnitude(50, 0), "got 0.0 Hz"));
    }

    private static Arguments refuse(String what, Executable call, String message) {
        return Arguments.of(what, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedParameterNamesTheValue(String what, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), "message was: " + e.getMessage());
    }
}
