package io.clonus.detect;

/**
 * The clonus item of the Spinal Cord Assessment Tool for Spastic Reflexes (SCATS; Benz et al. 2005),
 * graded by how long clonus lasts: 0 no reaction, 1 mild (under 3 s), 2 moderate (3–10 s), 3 severe
 * (over 10 s).
 */
public final class ScatsGrade {
    /** Lower duration bound of grade 2 (inclusive), seconds. */
    public static final double MODERATE_FROM_S = 3.0;
    /** Upper duration bound of grade 2 (inclusive), seconds; longer is grade 3. */
    public static final double MODERATE_UNTIL_S = 10.0;

    private ScatsGrade() {
    }

    /**
     * @param durationS how long the clonus lasted, seconds; 0 (or negative, or NaN) means none
     * @return the grade 0–3
     */
    public static int of(double durationS) {
        if (!(durationS > 0)) {
            return 0;
        }
        if (durationS < MODERATE_FROM_S) {
            return 1;
        }
        return durationS <= MODERATE_UNTIL_S ? 2 : 3;
    }
}
