package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Butterworth designs beyond the reference file: odd and high orders against coefficients
 * hard-coded from scipy 1.17.1 (numpy 2.4.6), and response properties for orders 1..12.
 */
class ButterworthTest {
    static Stream<Arguments> scipyDesigns() {
        return Stream.of(
            design("scipy.signal.butter(1, 100, 'lowpass', fs=1000, output='sos')",
                () -> Butterworth.lowPass(1, 100, 1000), new double[][] {
                    {0.24523727525278557, 0.24523727525278557, 0.0, 1.0, -0.5095254494944288, 0.0}}),
            design("scipy.signal.butter(3, 0.5, 'highpass', fs=100, output='sos')",
                () -> Butterworth.highPass(3, 0.5, 100), new double[][] {
                    {0.969071174031813, -0.969071174031813, 0.0, 1.0, -0.9690674171937933, 0.0},
                    {1.0, -2.0, 1.0, 1.0, -1.9681033112560975, 0.9690749308698331}}),
            design("scipy.signal.butter(7, 100, 'lowpass', fs=1000, output='sos')",
                () -> Butterworth.lowPass(7, 100, 1000), new double[][] {
                    {9.034896251980826e-05, 0.00018069792503961653, 9.034896251980826e-05, 1.0, -0.5095254494944288, 0.0},
                    {1.0, 2.0, 1.0, 1.0, -1.057831557951442, 0.3075517143724905},
                    {1.0, 2.0, 1.0, 1.0, -1.1840906753880338, 0.463616566303247},
                    {1.0, 1.0, 0.0, 1.0, -1.430882406486711, 0.7686679222260606}}),
            design("scipy.signal.butter(8, [5, 15], 'bandpass', fs=200, output='sos')",
                () -> Butterworth.bandPass(8, 5, 15, 200), new double[][] {
                    {1.762553729191285e-07, 3.52510745838257e-07, 1.762553729191285e-07, 1.0, -1.6182404157465313, 0.7010495774032669},
                    {1.0, 2.0, 1.0, 1.0, -1.5769174792320297, 0.7040577748751322},
                    {1.0, 2.0, 1.0, 1.0, -1.7131507148904686, 0.7628932420766031},
                    {1.0, 2.0, 1.0, 1.0, -1.6085166795603485, 0.7791346804877006},
                    {1.0, -2.0, 1.0, 1.0, -1.8060707966823508, 0.8396584707456023},
                    {1.0, -2.0, 1.0, 1.0, -1.8805025366086037, 0.9073524557271224},
                    {1.0, -2.0, 1.0, 1.0, -1.708604180455737, 0.9144068884040274},
                    {1.0, -2.0, 1.0, 1.0, -1.9446455210925218, 0.9692436958276853}}),
            design("scipy.signal.butter(5, [45, 55], 'bandstop', fs=500, output='sos')",
                () -> Butterworth.bandStop(5, 45, 55, 500), new double[][] {
                    {0.815875320237111, -1.3227240925749686, 0.8158753202371106, 1.0, -1.5252711924368991, 0.8816185923631896},
                    {1.0, -1.6212331219806435, 0.9999999999999996, 1.0, -1.495583920332861, 0.8985497645301485},
                    {1.0, -1.6212331219806435, 0.9999999999999996, 1.0, -1.5860214647345987, 0.9079921409799432},
                    {1.0, -1.6212331219806435, 0.9999999999999996, 1.0, -1.513477769437955, 0.9589225123184164},
                    {1.0, -1.6212331219806435, 0.9999999999999996, 1.0, -1.6562319163007557, 0.9650706615467266}}),
            design("scipy.signal.butter(9, 300, 'highpass', fs=2000, output='sos')",
                () -> Butterworth.highPass(9, 300, 2000), new double[][] {
                    {0.05762064085467895, -0.1152412817093579, 0.05762064085467895, 1.0, -0.32491969623290634, 0.0},
                    {1.0, -2.0, 1.0, 1.0, -0.6678515353001708, 0.13621689672448256},
                    {1.0, -2.0, 1.0, 1.0, -0.7257759559583743, 0.23476380723693174},
                    {1.0, -1.0, 0.0, 1.0, -0.8369977874388261, 0.4239856889474125},
                    {1.0, -2.0, 1.0, 1.0, -1.0307642788124767, 0.7536409339844815}}),
            design("scipy.signal.butter(1, [20, 450], 'bandpass', fs=2000, output='sos')",
                () -> Butterworth.bandPass(1, 20, 450, 2000), new double[][] {
                    {0.4447994860920906, 0.0, -0.4447994860920906, 1.0, -1.0523515233982244, 0.11040102781581901}}));
    }

    private static Arguments design(String call, Supplier<Sos> sos, double[][] expected) {
        return Arguments.of(call, sos, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyDesigns")
    void matchesHardCodedScipyDesign(String call, Supplier<Sos> design, double[][] expected) {
        double[][] actual = design.get().toArray();
        assertEquals(expected.length, actual.length, "number of sections");
        for (int s = 0; s < expected.length; s++) {
            double rowMax = 0;
            for (double v : expected[s]) {
                rowMax = Math.max(rowMax, Math.abs(v));
            }
            Tolerance.assertRelative(expected[s], actual[s], FilterReferenceTest.COEFF_TOL,
                    FilterReferenceTest.COEFF_FLOOR * rowMax, "section " + s);
        }
    }

    static IntStream orders() {
        return IntStream.rangeClosed(1, 12);
    }

    private static final double HALF_POWER = Math.sqrt(0.5);

    @ParameterizedTest(name = "order {0}: low-pass is -3 dB at the cut-off, 1 at DC, stable")
    @MethodSource("orders")
    void lowPassProperties(int order) {
        Sos sos = Butterworth.lowPass(order, 40, 1000);
        assertEquals((order + 1) / 2, sos.sectionCount());
        assertEquals(HALF_POWER, sos.magnitude(40, 1000), 1e-12);
        assertEquals(1.0, sos.magnitude(0, 1000), 1e-12);
        // maximally flat and monotonic: the gain only falls with frequency
        for (int f = 10; f < 500; f += 10) {
            assertTrue(sos.magnitude(f, 1000) < sos.magnitude(f - 10, 1000), "not monotonic at " + f + " Hz");
        }
        assertStable(sos);
    }

    @ParameterizedTest(name = "order {0}: high-pass is -3 dB at the cut-off, 1 at Nyquist, stable")
    @MethodSource("orders")
    void highPassProperties(int order) {
        Sos sos = Butterworth.highPass(order, 2.5, 100);
        assertEquals((order + 1) / 2, sos.sectionCount());
        assertEquals(HALF_POWER, sos.magnitude(2.5, 100), 1e-12);
        assertEquals(1.0, sos.magnitude(50, 100), 1e-12);
        assertEquals(0.0, sos.magnitude(0, 100), 1e-12);
        assertStable(sos);
    }

    @ParameterizedTest(name = "order {0}: band-pass is -3 dB at both edges, 1 at the centre, stable")
    @MethodSource("orders")
    void bandPassProperties(int order) {
        Sos sos = Butterworth.bandPass(order, 20, 450, 2000);
        assertEquals(order, sos.sectionCount());
        assertEquals(HALF_POWER, sos.magnitude(20, 2000), 1e-10);
        assertEquals(HALF_POWER, sos.magnitude(450, 2000), 1e-10);
        // the centre of the pre-warped band has gain exactly 1
        double centre = 2000 / Math.PI * Math.atan(Math.sqrt(Math.tan(Math.PI * 20 / 2000) * Math.tan(Math.PI * 450 / 2000)));
        assertEquals(1.0, sos.magnitude(centre, 2000), 1e-10);
        assertStable(sos);
    }

    @ParameterizedTest(name = "order {0}: band-stop is -3 dB at both edges, 0 at the centre, 1 at DC, stable")
    @MethodSource("orders")
    void bandStopProperties(int order) {
        Sos sos = Butterworth.bandStop(order, 45, 55, 1000);
        assertEquals(order, sos.sectionCount());
        assertEquals(HALF_POWER, sos.magnitude(45, 1000), 1e-9);
        assertEquals(HALF_POWER, sos.magnitude(55, 1000), 1e-9);
        assertEquals(1.0, sos.magnitude(0, 1000), 1e-10);
        double centre = 1000 / Math.PI * Math.atan(Math.sqrt(Math.tan(Math.PI * 45 / 1000) * Math.tan(Math.PI * 55 / 1000)));
        assertEquals(0.0, sos.magnitude(centre, 1000), 1e-9);
        assertStable(sos);
    }

    /** Every section's poles inside the unit circle (Jury: |a2| < 1 and |a1| < 1 + a2). */
    private static void assertStable(Sos sos) {
        for (int s = 0; s < sos.sectionCount(); s++) {
            double a1 = sos.coefficient(s, 4);
            double a2 = sos.coefficient(s, 5);
            assertEquals(1.0, sos.coefficient(s, 3));
            assertTrue(Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2, "section " + s + " unstable: a1=" + a1 + " a2=" + a2);
        }
    }
}
