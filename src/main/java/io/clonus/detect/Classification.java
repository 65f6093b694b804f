package io.clonus.detect;

/** Clinical class of an episode or a recording, in increasing severity. */
public enum Classification {
    /** No clonus: no episode of at least the minimum number of beats. */
    NONE,
    /** Clonus that dies out (for example 3–4 beats, or lasting under 10 s, depending on the rule). */
    UNSUSTAINED,
    /** Clonus that persists (for example 5 or more beats, or 10 s or more, depending on the rule). */
    SUSTAINED;

    /**
     * @param other another class
     * @return the more severe of the two
     */
    public Classification max(Classification other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
