package io.clonus.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The gate is shut until the input reverses, and again after two periods of the search low edge without. */
class MonotoneGateTest {
    /** 100 Hz and a 2.5 Hz search low edge: shut after 80 samples without a reversal. */
    private static MonotoneGate gate() {
        return new MonotoneGate(100, 2.5);
    }

    @Test
    void shutUntilTheFirstReversalThenOpenForTwoPeriods() {
        MonotoneGate g = gate();
        assertFalse(g.open(0));
        assertFalse(g.open(1));
        assertFalse(g.open(2));
        assertTrue(g.open(1), "a reversal opens it");
        int open = 0;
        for (int i = 0; i < 200 && g.open(-i); i++) {
            open++;
        }
        assertEquals(79, open, "open for 80 samples from the reversal, the reversal's own included");
    }

    @Test
    void plateausAreNotReversalsAndAStaircaseNeverOpensIt() {
        MonotoneGate g = gate();
        for (int i = 0; i < 10_000; i++) {
            assertFalse(g.open(Math.floor(i / 15.0) * 0.01), "sample " + i);
        }
    }

    @Test
    void anOscillationOnASlopeKeepsItOpen() {
        MonotoneGate g = gate();
        // 5 Hz of amplitude 1 (slope 31 per second at most) on a slope of 20 per second
        int shut = 0;
        for (int i = 0; i < 10_000; i++) {
            double t = i / 100.0;
            if (!g.open(Math.sin(2 * Math.PI * 5 * t) + 20 * t) && i > 10) {
                shut++;
            }
        }
        assertEquals(0, shut);
    }

    @Test
    void tinyChangesOfAnyScaleCount() {
        MonotoneGate g = gate();
        g.open(1e-300);
        g.open(2e-300);
        assertTrue(g.open(1e-300), "a reversal of 1e-300 is a reversal");
    }
}
