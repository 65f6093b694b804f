package io.clonus.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One problem to report as the line {@code clonus: WHERE: MESSAGE} on standard error.
 *
 * @param where   the file (as given), or the argument that named nothing
 * @param message what went wrong, one line, naming the channel when it concerns one
 */
record Failure(String where, String message) {

    /** @return the line to print, without the line break */
    String line() {
        return "clonus: " + where + ": " + oneLine(message);
    }

    /**
     * @param e an I/O error
     * @return a short description for a person: "no such file", "permission denied", or the message
     */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** @return the text with line breaks folded into spaces, so that every problem stays one line */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
