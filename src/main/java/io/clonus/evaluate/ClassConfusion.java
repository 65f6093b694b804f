package io.clonus.evaluate;

import io.clonus.detect.Classification;
import java.util.Objects;

/**
 * The clinical class of every reference event against what the detector said, and of every false positive.
 * Rows are the reference's class: SUSTAINED, UNSUSTAINED (each reference event by
 * {@link ReferenceEvent#classification}), <i>unknown</i> (a reference event whose class cannot be told), and NONE
 * (a false positive: no reference event). Columns are the detector's: the most severe class of the detections that
 * matched, or NONE for a missed event. The NONE-NONE cell is always 0 (stretches without clonus on either side are
 * not events; the per-epoch score counts them). Immutable and thread-safe.
 */
public final class ClassConfusion {
    private final int[][] counts; // [reference: NONE, UNSUSTAINED, SUSTAINED, unknown][detected: NONE, UNSUSTAINED, SUSTAINED]

    private ClassConfusion(int[][] counts) {
        this.counts = counts;
    }

    /** @return a table with every count 0 */
    public static ClassConfusion empty() {
        return new ClassConfusion(new int[4][3]);
    }

    /**
     * @param reference the reference event's class, NONE for a false positive, or null when unknown
     * @param detected  the detector's class, NONE for a missed event
     * @return a copy with that cell one higher
     * @throws IllegalArgumentException for NONE against NONE
     */
    public ClassConfusion plus(Classification reference, Classification detected) {
        Objects.requireNonNull(detected, "detected");
        if (reference == Classification.NONE && detected == Classification.NONE) {
            throw new IllegalArgumentException("NONE against NONE is not an event");
        }
        int[][] c = copy();
        c[reference == null ? 3 : reference.ordinal()][detected.ordinal()]++;
        return new ClassConfusion(c);
    }

    /**
     * @param other another table
     * @return the sum of both
     */
    public ClassConfusion plus(ClassConfusion other) {
        int[][] c = copy();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] += other.counts[i][j];
            }
        }
        return new ClassConfusion(c);
    }

    private int[][] copy() {
        int[][] c = new int[4][];
        for (int i = 0; i < 4; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /**
     * @param reference the reference's class (NONE: the false positives)
     * @param detected  the detector's class (NONE: missed)
     * @return the count
     */
    public int count(Classification reference, Classification detected) {
        return counts[reference.ordinal()][detected.ordinal()];
    }

    /**
     * @param detected the detector's class (NONE: missed)
     * @return reference events of unknown class that the detector gave this class
     */
    public int countUnknownReference(Classification detected) {
        return counts[3][detected.ordinal()];
    }

    /**
     * @param confidence the confidence level of the Wilson interval
     * @return reference events of known class that were detected with the same class, over those of known class
     *         that were detected, with its Wilson interval; empty when there are none
     */
    public java.util.Optional<Estimate> classAgreement(double confidence) {
        int same = count(Classification.SUSTAINED, Classification.SUSTAINED)
                + count(Classification.UNSUSTAINED, Classification.UNSUSTAINED);
        int all = same + count(Classification.SUSTAINED, Classification.UNSUSTAINED)
                + count(Classification.UNSUSTAINED, Classification.SUSTAINED);
        return Statistics.wilson(same, all, confidence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassConfusion c && java.util.Arrays.deepEquals(counts, c.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ClassConfusion" + java.util.Arrays.deepToString(counts);
    }
}
