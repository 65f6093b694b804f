package io.clonus.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads delimited text recordings: comma, tab, semicolon or whitespace separated, one header row naming
 * the columns, lines starting with {@code #} skipped (before and after the header), blank lines skipped.
 *
 * <p>A column named {@code time} or {@code t} (also {@code time_s}, {@code t_s}, {@code time (s)}; a name
 * containing {@code ms} means milliseconds) gives the sample rate as (rows − 1) / (last − first time); it
 * must increase, and a jump of more than 2.5 nominal periods is refused as a gap, because the analysis
 * assumes uniform sampling. With semicolon or tab separators a decimal comma is accepted.
 *
 * <p>Every cell must be a finite number: an empty, non-numeric, NaN or infinite cell is refused with its
 * line and column. A file whose first line is all numbers has no header; its columns are then named
 * {@code col1}, {@code col2}, … and a note says so. Stateless and thread-safe.
 */
public final class DelimitedText {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");

    private DelimitedText() {
    }

    /**
     * @param file the file
     * @return its columns
     * @throws IOException    if it cannot be read (missing, unreadable)
     * @throws InputException if its content is malformed; the message names line and column
     */
    public static Table read(Path file) throws IOException, InputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException("not a text file (bytes that are not UTF-8 text); EDF and BDF files need the"
                    + " .edf or .bdf extension");
        }
    }

    /**
     * @param in text to read; read to the end, not closed
     * @return its columns
     * @throws IOException    if reading fails
     * @throws InputException if the content is malformed
     */
    public static Table read(BufferedReader in) throws IOException, InputException {
        String line;
        int lineNo = 0;
        String header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            header = t;
            break;
        }
        if (header == null) {
            throw new InputException("empty file: no header row and no samples");
        }
        char sep = detectSeparator(header);
        List<String> notes = new ArrayList<>();
        String[] names = split(header, sep);
        if (names.length > 1 && names[names.length - 1].isBlank()) {
            names = Arrays.copyOf(names, names.length - 1);
        }
        boolean numericHeader = true;
        for (String s : names) {
            if (parse(s.strip(), sep) == null) {
                numericHeader = false;
                break;
            }
        }
        int headerLine = lineNo;
        Columns cols = new Columns(names.length);
        if (numericHeader) {
            for (int i = 0; i < names.length; i++) {
                names[i] = "col" + (i + 1);
            }
            notes.add("no header row: columns named col1..col" + names.length);
            addRow(cols, dropTrailingEmpty(split(header, sep), names.length), sep, lineNo, names);
        } else {
            for (int i = 0; i < names.length; i++) {
                names[i] = unquote(names[i].strip());
                if (names[i].isEmpty()) {
                    throw new InputException("line " + headerLine + ": column " + (i + 1) + " of the header has no name");
                }
            }
            checkUnique(names, headerLine);
        }
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            addRow(cols, dropTrailingEmpty(split(t, sep), names.length), sep, lineNo, names);
        }
        if (cols.rows == 0) {
            throw new InputException("no samples: the file has a header (" + String.join(", ", names)
                    + ") but no data rows");
        }
        double[][] data = cols.toArrays();
        int timeIdx = timeColumn(names);
        OptionalDouble fs = OptionalDouble.empty();
        String timeName = null;
        List<String> kept = new ArrayList<>(Arrays.asList(names));
        if (timeIdx >= 0) {
            timeName = names[timeIdx];
            double scale = timeName.toLowerCase(Locale.ROOT).contains("ms") ? 1e-3 : 1.0;
            fs = OptionalDouble.of(rateFromTime(data[timeIdx], scale, timeName, cols.lines));
            kept.remove(timeIdx);
            double[][] rest = new double[data.length - 1][];
            for (int i = 0, j = 0; i < data.length; i++) {
                if (i != timeIdx) {
                    rest[j++] = data[i];
                }
            }
            data = rest;
        }
        return new Table(kept, data, fs, timeName, notes);
    }

    private static void checkUnique(String[] names, int line) throws InputException {
        for (int i = 0; i < names.length; i++) {
            for (int j = 0; j < i; j++) {
                if (names[i].equalsIgnoreCase(names[j])) {
                    throw new InputException("line " + line + ": column name '" + names[i] + "' appears twice");
                }
            }
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Index of the time column, or -1. */
    static int timeColumn(String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (isTimeColumn(names[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param name a column name
     * @return whether it names a time column: {@code time}, {@code t}, {@code time_s}, {@code t_s},
     *         {@code time (s)}, {@code t_ms}, {@code timestamp} and the like (case and spaces ignored)
     */
    public static boolean isTimeColumn(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
        return n.equals("time") || n.equals("t") || n.startsWith("time_") || n.startsWith("time(")
                || n.equals("t_s") || n.equals("t_ms") || n.equals("t(s)") || n.equals("t(ms)")
                || n.equals("times") || n.equals("timestamp");
    }

    private static double rateFromTime(double[] t, double scale, String name, int[] lines) throws InputException {
        int n = t.length;
        if (n < 2) {
            throw new InputException("time column '" + name + "' has a single row: the sample rate cannot be derived");
        }
        for (int i = 1; i < n; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new InputException(String.format(Locale.ROOT,
                        "line %d: time column '%s' does not increase (%s after %s); sort the rows or give --fs",
                        lines[i], name, fmt(t[i]), fmt(t[i - 1])));
            }
        }
        double span = (t[n - 1] - t[0]) * scale;
        double period = span / (n - 1);
        for (int i = 1; i < n; i++) {
            if ((t[i] - t[i - 1]) * scale > 2.5 * period) {
                throw new InputException(String.format(Locale.ROOT,
                        "line %d: time column '%s' jumps from %s to %s, a gap of %s sampling periods; the analysis"
                                + " assumes uniform sampling, so split the file at the gap",
                        lines[i], name, fmt(t[i - 1]), fmt(t[i]), fmt(Math.round((t[i] - t[i - 1]) * scale / period * 10) / 10.0)));
            }
        }
        return 1.0 / period;
    }

    private static String fmt(double v) {
        return v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    private static char detectSeparator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        return ' ';
    }

    private static String[] split(String line, char sep) {
        if (sep == ' ') {
            return WHITESPACE.split(line.strip());
        }
        return line.split(Pattern.quote(String.valueOf(sep)), -1);
    }

    /** A trailing separator (common in spreadsheet exports) makes one empty field too many: drop it. */
    private static String[] dropTrailingEmpty(String[] cells, int expected) {
        if (cells.length == expected + 1 && cells[cells.length - 1].isBlank()) {
            return Arrays.copyOf(cells, expected);
        }
        return cells;
    }

    private static Double parse(String s, char sep) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            if (sep != ',' && DECIMAL_COMMA.matcher(s).matches()) {
                try {
                    return Double.valueOf(s.replace(',', '.'));
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
            return null;
        }
    }

    private static void addRow(Columns cols, String[] cells, char sep, int lineNo, String[] names)
            throws InputException {
        if (cells.length != names.length) {
            throw new InputException(String.format(Locale.ROOT, "line %d: %d field%s, but the header has %d columns (%s)",
                    lineNo, cells.length, cells.length == 1 ? "" : "s", names.length, String.join(", ", names)));
        }
        double[] row = cols.row;
        for (int i = 0; i < cells.length; i++) {
            String s = unquote(cells[i].strip());
            Double v = parse(s, sep);
            if (v == null || !Double.isFinite(v)) {
                String what = s.isEmpty() ? "is empty"
                        : v == null ? "'" + abbreviate(s) + "' is not a number"
                        : "'" + s + "' is not a finite number";
                throw new InputException(String.format(Locale.ROOT, "line %d, column %d ('%s'): %s", lineNo, i + 1,
                        names[i], what));
            }
            row[i] = v;
        }
        cols.add(lineNo);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** Growable column storage. */
    private static final class Columns {
        final double[] row;
        double[][] data;
        int[] lines = new int[1024];
        int rows;

        Columns(int n) {
            row = new double[n];
            data = new double[n][1024];
        }

        void add(int lineNo) {
            if (rows == lines.length) {
                int cap = rows * 2;
                lines = Arrays.copyOf(lines, cap);
                for (int i = 0; i < data.length; i++) {
                    data[i] = Arrays.copyOf(data[i], cap);
                }
            }
            for (int i = 0; i < row.length; i++) {
                data[i][rows] = row[i];
            }
            lines[rows] = lineNo;
            rows++;
        }

        double[][] toArrays() {
            double[][] out = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                out[i] = Arrays.copyOf(data[i], rows);
            }
            lines = Arrays.copyOf(lines, rows);
            return out;
        }
    }
}
