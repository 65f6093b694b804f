package io.clonus.io.edf;

import io.clonus.detect.SignalType;
import io.clonus.io.ChannelPlan;

/**
 * Guesses what a signal measures from its EDF label, as the strings {@code "EMG"} and {@code "ACC"}.
 *
 * <p>The rule itself is {@link ChannelPlan#inferType(String)}, shared with delimited text, so that a
 * channel gets the same type whatever file it comes in. It recognises the EDF+ convention of a type
 * text first ({@code "EMG RTA"}), vendor spellings ({@code "EMG1"}, {@code "Accel X"}, {@code "ACC_Z"},
 * {@code "Gyro Y"}) and a type word anywhere ({@code "L TA EMG"}, {@code "Wrist Gyro"}).
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
     * Returns {@code "EMG"}, {@code "ACC"} or {@code null} for the given label; see
     * {@link ChannelPlan#inferType(String)} for the rule.
     *
     * @param label the label as stored or trimmed; {@code null} gives {@code null}
     * @return the type's name, or null when the label does not tell
     */
    public static String inferType(String label) {
        SignalType type = ChannelPlan.inferType(label);
        return type == null ? null : type.name();
    }
}
