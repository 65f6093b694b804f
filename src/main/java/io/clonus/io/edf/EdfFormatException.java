package io.clonus.io.edf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file is not a valid EDF, EDF+, BDF or BDF+ file, or is inconsistent with its own header.
 *
 * <p>The message is one line meant for a researcher: it starts with the file name, then says what is
 * wrong and where, e.g. {@code "session.edf: header field 'number of signals' (bytes 252-255) is 'ab  ',
 * expected an integer"}. Byte ranges count from 0 and are inclusive; signals and data records are
 * counted from 1 as a person would (signal 1 is {@code EdfSignalHeader.index() == 0}) and are followed
 * by the label where there is one.
 *
 * <p>Immutable and thread-safe.
 */
public final class EdfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * @param file the offending file (its name starts the message)
     * @param problem what is wrong, without the file name
     */
    public EdfFormatException(Path file, String problem) {
        super(prefix(file) + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The file the problem was found in; may be {@code null} if it was not known. */
    public Path file() {
        return file;
    }

    /** The message without the leading file name. */
    public String problem() {
        return problem;
    }

    private static String prefix(Path file) {
        if (file == null) {
            return "";
        }
        Path name = file.getFileName();
        return (name == null ? file.toString() : name.toString()) + ": ";
    }
}
