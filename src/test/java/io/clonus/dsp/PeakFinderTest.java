package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plateaus, widths and conditions, expected values hard-coded from scipy 1.17.1. */
class PeakFinderTest {
    static final double[] Y = {0, 1, 3, 3, 3, 3, 1, 0, 2, 2, 0, 5, 5, 5, 4, 6, 1, 1, 0};

    @Test
    void plateausReportTheirMiddleRoundingDown() {
        // scipy.signal.find_peaks(y)[0]
        assertArrayEquals(new int[] {3, 8, 12, 15}, PeakFinder.find(Y, PeakFinder.Options.none()));
    }

    @Test
    void prominencesMatchScipy() {
        // scipy.signal.peak_prominences(y, [3, 8, 12, 15])[0]
        assertArrayEquals(new double[] {3, 2, 1, 6}, PeakFinder.prominences(Y, new int[] {3, 8, 12, 15}), 0.0);
    }

    @Test
    void widthsMatchPeakWidths() {
        int[] peaks = {3, 8, 12, 15};
        // scipy.signal.peak_widths(y, peaks, rel_height)[0] for 0.5, 1.0 and 0.25
        assertArrayEquals(new double[] {4.5, 2.0, 2.5999999999999996, 5.0}, PeakFinder.widths(Y, peaks, 0.5), 1e-15);
        assertArrayEquals(new double[] {7.0, 3.0, 3.1999999999999993, 8.0}, PeakFinder.widths(Y, peaks, 1.0), 1e-15);
        assertArrayEquals(new double[] {3.75, 1.5, 2.3000000000000007, 1.0500000000000007}, PeakFinder.widths(Y, peaks, 0.25), 1e-15);
    }

    @Test
    void conditionsMatchFindPeaks() {
        // scipy.signal.find_peaks(y, distance=3), (y, width=3), (y, height=3, prominence=2)
        assertArrayEquals(new int[] {3, 8, 12, 15}, PeakFinder.find(Y, PeakFinder.Options.none().withMinDistance(3)));
        assertArrayEquals(new int[] {3, 15}, PeakFinder.find(Y, PeakFinder.Options.none().withMinWidth(3)));
        assertArrayEquals(new int[] {3, 15}, PeakFinder.find(Y, PeakFinder.Options.none().withMinHeight(3).withMinProminence(2)));
    }

    @Test
    void equalHeightsUnderDistanceKeepTheLaterPeakFirst() {
        // scipy.signal.find_peaks([0, 1, 0, 1, 0, 1, 0], distance=3)[0] == [1, 5]
        assertArrayEquals(new int[] {1, 5}, PeakFinder.find(new double[] {0, 1, 0, 1, 0, 1, 0}, PeakFinder.Options.none().withMinDistance(3)));
        // scipy.signal.find_peaks(np.tile([0,1,0,1,0,1,0,1,0], 3), distance=3)[0] == [3, 7, 12, 16, 21, 25]
        double[] tiled = new double[27];
        for (int i = 0; i < tiled.length; i++) {
            tiled[i] = (i % 9) % 2;
        }
        assertArrayEquals(new int[] {3, 7, 12, 16, 21, 25}, PeakFinder.find(tiled, PeakFinder.Options.none().withMinDistance(3)));
    }

    @Test
    void endsAreNeverPeaks() {
        assertEquals(0, PeakFinder.find(new double[] {5, 1, 5}, PeakFinder.Options.none()).length);
        assertEquals(0, PeakFinder.find(new double[] {1, 2, 2}, PeakFinder.Options.none()).length);
        assertEquals(0, PeakFinder.find(new double[0], PeakFinder.Options.none()).length);
        assertEquals(0, PeakFinder.find(new double[] {1}, PeakFinder.Options.none()).length);
        assertEquals(0, PeakFinder.find(new double[] {1, 2}, PeakFinder.Options.none()).length);
        assertArrayEquals(new int[] {1}, PeakFinder.find(new double[] {1, 2, 1}, PeakFinder.Options.none()));
    }

    @Test
    void nanIsNeverAPeak() {
        assertArrayEquals(new int[] {3}, PeakFinder.find(new double[] {0, Double.NaN, 0, 2, 1}, PeakFinder.Options.none()));
    }

    @Test
    void segmentIndicesAreRelativeToTheArray() {
        // within Y[7..17) the plateau at 2..5 is outside and 16 is the segment's last sample
        assertArrayEquals(new int[] {8, 12, 15}, PeakFinder.find(Y, 7, 17, PeakFinder.Options.none()));
        // the prominence of 15 inside the segment: bases only searched within [7, 17)
        assertArrayEquals(new int[] {15}, PeakFinder.find(Y, 7, 17, PeakFinder.Options.none().withMinProminence(5)));
    }

    @Test
    void heightZeroIsACondition() {
        double[] x = {0, -1, -2, -1, 0, 1, 0};
        assertArrayEquals(new int[] {5}, PeakFinder.find(x, PeakFinder.Options.none().withMinHeight(0)));
        assertArrayEquals(new int[] {5}, PeakFinder.find(x, PeakFinder.Options.none()));
    }

    @Test
    void optionsWithersAndNone() {
        PeakFinder.Options o = PeakFinder.Options.none();
        assertTrue(Double.isNaN(o.minHeight()) && Double.isNaN(o.minProminence()) && Double.isNaN(o.minWidth()));
        assertEquals(0, o.minDistance());
        PeakFinder.Options p = o.withMinHeight(1).withMinDistance(2).withMinProminence(3).withMinWidth(4);
        assertEquals(new PeakFinder.Options(1, 2, 3, 4), p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.withMinDistance(-1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeakFinder.prominences(Y, new int[] {3, 19}));
        assertTrue(e.getMessage().contains("peak 19 is not a valid index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PeakFinder.widths(Y, new int[] {3}, -0.5));
        assertTrue(e.getMessage().contains("got -0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PeakFinder.find(Y, 5, 30, PeakFinder.Options.none()));
        assertTrue(e.getMessage().contains("[5, 30)"), e.getMessage());
    }

    @Test
    void inputsAreNotModified() {
        double[] y = Y.clone();
        int[] peaks = {3, 8, 12, 15};
        PeakFinder.find(y, PeakFinder.Options.none().withMinDistance(4).withMinWidth(1).withMinProminence(0.5));
        PeakFinder.widths(y, peaks, 0.5);
        assertArrayEquals(Y, y, 0.0);
        assertArrayEquals(new int[] {3, 8, 12, 15}, peaks);
    }
}
