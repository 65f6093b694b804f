package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The parabolic vertex shared by spectral peaks, autocorrelation lags and envelope peak times. */
class VertexTest {
    @Test
    void findsTheVertexOfAParabola() {
        // y = -(x - 0.3)^2 sampled at -1, 0, 1
        assertEquals(0.3, Vertex.offset(-1.69, -0.09, -0.49), 1e-12);
        assertEquals(-0.25, Vertex.offset(-0.5625, -0.0625, -1.5625), 1e-12);
        assertEquals(0.0, Vertex.offset(1, 2, 1), 0);
    }

    @Test
    void staysWithinHalfAStepAndGivesZeroWithoutAMaximum() {
        assertEquals(0.5, Vertex.offset(0, 1, 1.0001), 1e-12, "clamped");
        assertEquals(0.0, Vertex.offset(1, 1, 1), 0, "flat");
        assertEquals(0.0, Vertex.offset(2, 1, 2), 0, "a minimum");
        assertEquals(0.0, Vertex.offset(Double.NaN, 1, 0), 0);
    }

    @Test
    void powersOfTwo() {
        assertEquals(1, PowerOfTwo.atLeast(1));
        assertEquals(8, PowerOfTwo.atLeast(5));
        assertEquals(8192, PowerOfTwo.atLeast(8192));
        assertEquals(8192, PowerOfTwo.atLeast(5000));
        assertThrows(IllegalArgumentException.class, () -> PowerOfTwo.atLeast(0));
    }
}
