package io.clonus.detect;

/** What a signal measures, which decides how it is conditioned and what a beat is. */
public enum SignalType {
    /** Surface EMG: a beat is one burst of muscle activity separated from the next by relaxation. */
    EMG,
    /**
     * Accelerometer or gyroscope (one to three axes of one sensor): a beat is one oscillation cycle.
     * The unit (g, m/s², rad/s …) does not matter; amplitudes are reported in it.
     */
    ACC
}
