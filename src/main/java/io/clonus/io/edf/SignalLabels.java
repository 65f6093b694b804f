package io.clonus.io.edf;

import java.util.Locale;

/**
 * Guesses what a signal measures from its EDF label.
 *
 * <p>EDF+ recommends labels that start with a standard type text followed by a space and a
 * specification (e.g. {@code "EMG RTA"}). Vendors also write {@code "EMG1"}, {@code "Accel X"},
 * {@code "ACC_Z"} or {@code "Gyro Y"}. This class recognises those prefixes; a label whose prefix is
 * unknown but which contains one of the type words as a separate word (e.g. {@code "L TA EMG"}) is
 * recognised as a fallback.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignalLabels {
    /** Type returned for electromyography labels. */
    public static final String EMG = "EMG";
    /** Type returned for accelerometer and gyroscope (movement sensor) labels. */
    public static final String ACC = "ACC";

    private SignalLabels() {
    }

    /**
     * Returns {@code "EMG"}, {@code "ACC"} or {@code null} for the given label.
     *
     * <p>Case-insensitive. Prefixes: {@code EMG} gives "EMG"; {@code ACC} (so also {@code Acc},
     * {@code Accel}, {@code Accelerometer}) and {@code GYR} (so also {@code Gyro}) give "ACC". If no
     * prefix matches, a separate word {@code EMG}, {@code ACC}, {@code ACCEL}, {@code GYR} or
     * {@code GYRO} anywhere in the label is used.
     *
     * @param label the label as stored or trimmed; {@code null} gives {@code null}
     */
    public static String inferType(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toUpperCase(Locale.ROOT);
        if (l.startsWith("EMG")) {
            return EMG;
        }
        if (l.startsWith("ACC") || l.startsWith("GYR")) {
            return ACC;
        }
        // fallback: a whole word such as "L TA EMG" or "Wrist Accel"
        for (String word : l.split("[^A-Z0-9]+")) {
            switch (word) {
                case "EMG":
                    return EMG;
                case "ACC":
                case "ACCEL":
                case "GYR":
                case "GYRO":
                    return ACC;
                default:
                    break;
            }
        }
        return null;
    }
}
