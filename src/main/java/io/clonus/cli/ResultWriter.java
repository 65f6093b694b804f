package io.clonus.cli;

import java.io.IOException;

/** Writes results as they come, one {@link Analysis} at a time. Not thread-safe. */
interface ResultWriter {
    /**
     * @param a one analysed signal
     * @throws IOException if writing fails
     */
    void write(Analysis a) throws IOException;

    /**
     * Records an input (a file, or a channel or segment of one) that gave no result, so that a table of
     * results still has a row for it; the line on standard error is written elsewhere.
     *
     * @param failure where and what
     * @throws IOException if writing fails
     */
    default void writeFailure(Failure failure) throws IOException {
    }

    /**
     * Called once after the last result.
     *
     * @throws IOException if writing fails
     */
    default void finish() throws IOException {
    }
}
