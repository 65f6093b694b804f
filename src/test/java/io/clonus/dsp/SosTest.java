package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SosTest {
    @Test
    void rowsAreNormalisedByA0AndCopied() {
        double[][] rows = {{2, 4, 2, 2, 1, 0.5}};
        Sos sos = Sos.of(rows);
        rows[0][0] = 99;
        assertArrayEquals(new double[] {1, 2, 1, 1, 0.5, 0.25}, sos.toArray()[0], 0.0);
        assertEquals(0.25, sos.coefficient(0, 5));
    }

    @Test
    void toArrayIsACopy() {
        Sos sos = Butterworth.lowPass(4, 30, 1000);
        double[][] a = sos.toArray();
        a[1][4] = 0;
        assertNotEquals(0.0, sos.coefficient(1, 4));
        assertEquals(sos, Sos.of(sos.toArray()));
        assertEquals(sos.hashCode(), Sos.of(sos.toArray()).hashCode());
    }

    @Test
    void coefficientIndicesAreChecked() {
        Sos sos = Butterworth.lowPass(2, 30, 1000);
        assertThrows(IndexOutOfBoundsException.class, () -> sos.coefficient(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> sos.coefficient(0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> sos.coefficient(-1, 0));
    }

    @Test
    void cascadeConcatenatesSectionsAndMultipliesResponses() {
        Sos a = Butterworth.highPass(2, 20, 1000);
        Sos b = Notch.design(50, 30, 1000);
        Sos ab = a.cascade(b);
        assertEquals(2, ab.sectionCount());
        assertArrayEquals(a.toArray()[0], ab.toArray()[0], 0.0);
        assertArrayEquals(b.toArray()[0], ab.toArray()[1], 0.0);
        for (double f : new double[] {5, 20, 49, 51, 200}) {
            assertEquals(a.magnitude(f, 1000) * b.magnitude(f, 1000), ab.magnitude(f, 1000), 1e-14);
        }
    }

    @Test
    void padLengthCountsFirstOrderSections() {
        // scipy: 3 * (2 * n + 1 - min(#b2 == 0, #a2 == 0))
        assertEquals(9, Notch.design(50, 30, 1000).filtfiltPadLength());
        assertEquals(6, Butterworth.lowPass(1, 100, 1000).filtfiltPadLength());
        assertEquals(12, Butterworth.lowPass(3, 100, 1000).filtfiltPadLength());
        assertEquals(9, Sos.of(new double[][] {{1, 1, 0, 1, 0.5, 0.25}}).filtfiltPadLength());
    }

    @Test
    void magnitudeIsPeriodicAndSymmetric() {
        Sos sos = Butterworth.bandPass(3, 5, 8, 100);
        assertEquals(sos.magnitude(6, 100), sos.magnitude(-6, 100), 1e-14);
        assertEquals(sos.magnitude(6, 100), sos.magnitude(106, 100), 1e-12);
        assertEquals(Double.NaN, sos.magnitude(Double.NaN, 100));
    }
}
