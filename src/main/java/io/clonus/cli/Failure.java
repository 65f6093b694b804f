package io.clonus.cli;

import java.io.IOException;

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
        return io.clonus.analysis.RecordingAnalyzer.describe(e);
    }

    /** @return the text with line breaks folded into spaces, so that every problem stays one line */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
