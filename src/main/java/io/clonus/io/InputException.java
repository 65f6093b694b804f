package io.clonus.io;

/**
 * A problem with an input file that the user can fix: a malformed cell, an unknown channel, a missing
 * time column. The message is one line, names the place (line, column, channel) and says what would be
 * right; callers add the file name.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public InputException(String message) {
        super(message);
    }

    /** @param message what is wrong and where @param cause the underlying exception */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
