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
     * Called once after the last result.
     *
     * @throws IOException if writing fails
     */
    default void finish() throws IOException {
    }
}
