package io.clonus.detect;

/**
 * A signal that cannot be analysed: NaN or infinite samples, too short, a sample rate that is not
 * positive or too low for the signal type, a flat line. The message names the signal and says what is
 * wrong and what would be right; it is meant to be shown to the user as it is.
 */
public class InvalidSignalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String label;

    /**
     * @param label  the signal's label (channel name); may be empty
     * @param reason what is wrong, in a researcher's words
     */
    public InvalidSignalException(String label, String reason) {
        super(label == null || label.isEmpty() ? reason : "channel '" + label + "': " + reason);
        this.label = label == null ? "" : label;
    }

    /** @return the label of the rejected signal, or an empty string */
    public String label() {
        return label;
    }
}
