package io.clonus.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes RFC 4180 CSV rows: a field is quoted when it contains a comma, a double quote, a line break or
 * leading or trailing spaces, and quotes inside are doubled. Rows end with a line feed. Not thread-safe.
 */
final class Csv {
    private final Appendable out;

    /** @param out where rows go */
    Csv(Appendable out) {
        this.out = out;
    }

    /**
     * Writes one row.
     *
     * @param fields the fields, already formatted
     * @throws UncheckedIOException if writing fails
     */
    void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(fields.get(i)));
            }
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param field a field, possibly null (written empty)
     * @return the field as it goes into a CSV row
     */
    static String quote(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || Character.isWhitespace(field.charAt(0))
                || Character.isWhitespace(field.charAt(field.length() - 1));
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
