package io.clonus.evaluate;

import java.nio.file.Path;

/**
 * A reference file that cannot be used as it is: a malformed row, a missing column, overlapping events, an event
 * outside the recording. The message is one line that names the file and the place (line, annotation) and says
 * what would be right; {@link #detail()} is the same without the file, for callers that print the file
 * themselves. Immutable and thread-safe.
 */
public final class ReferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String detail;

    /**
     * @param file   the reference file, or null when not known
     * @param detail what is wrong and where ("line 7: ..."), without the file name
     */
    public ReferenceException(Path file, String detail) {
        super((file == null ? "" : file + ": ") + detail);
        this.file = file;
        this.detail = detail;
    }

    /** @return the reference file, or null when not known */
    public Path file() {
        return file;
    }

    /** @return the message without the file name */
    public String detail() {
        return detail;
    }
}
