package io.clonus.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place with carriage returns. It is shown only
 * when enabled (a terminal, several files, no --quiet); messages printed through {@link #println} first
 * clear it, so that they never mix with it. Not thread-safe.
 */
final class Progress {
    private static final int WIDTH = 24;
    private final PrintStream err;
    private final boolean enabled;
    private final int total;
    private boolean drawn;

    /**
     * @param err     standard error
     * @param enabled whether to draw at all
     * @param total   number of files
     */
    Progress(PrintStream err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
    }

    /**
     * @return whether standard error is a terminal: {@link System#console()} when standard input and output
     *         are one too, otherwise (output redirected to a file, the common case for CSV and JSON) where
     *         Linux's {@code /proc/self/fd/2} points
     */
    static boolean stderrIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * @param done files finished
     * @param name the file being worked on
     */
    void show(int done, String name) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String shown = name.length() > 40 ? "..." + name.substring(name.length() - 37) : name;
        err.print(String.format(Locale.ROOT, "\r[%s] %d/%d %-40s", bar, done, total, shown));
        err.flush();
        drawn = true;
    }

    /** Erases the bar. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 55) + "\r");
            err.flush();
            drawn = false;
        }
    }

    /** @param line printed on standard error after erasing the bar */
    synchronized void println(String line) {
        clear();
        err.println(line);
        err.flush();
    }
}
