package io.clonus.io;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Numeric columns read from a delimited text file, with the sample rate implied by a time column if there
 * was one. Immutable once built (the arrays are not exposed).
 *
 * @param names        column names from the header, time column excluded
 * @param columns      one array per name, equal lengths
 * @param sampleRateHz the rate implied by the time column, if any
 * @param timeColumn   the time column's name, or null
 * @param timeProblem  why the time column gives no rate (its unit could not be told), or null; the column is
 *                     then left out and {@code sampleRateHz} is empty
 * @param notes        remarks about the file worth showing (for example an assumed header)
 */
public record Table(List<String> names, double[][] columns, OptionalDouble sampleRateHz, String timeColumn,
        String timeProblem, List<String> notes) {

    /** Copies the lists. */
    public Table {
        names = List.copyOf(names);
        notes = List.copyOf(notes);
    }

    /** @return number of rows */
    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /**
     * @param name a column name (case-insensitive)
     * @return its index, or -1
     */
    public int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }

    /** @param i column index @return the column (not copied; do not modify) */
    public double[] column(int i) {
        return columns[i];
    }
}
