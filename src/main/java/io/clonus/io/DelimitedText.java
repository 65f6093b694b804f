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
 * <p>A time column ({@link TimeColumn}: {@code time}, {@code t}, {@code Time [s]}, {@code time_ms},
 * {@code timestamp}, {@code elapsed (s)} and the like; the unit from the name, or for a name without one from
 * the values where only one reading is plausible) gives the sample rate as (rows − 1) / (last − first time);
 * it must increase, and a jump of more than 2.5 nominal periods is refused as a gap, because the analysis
 * assumes uniform sampling. With semicolon or tab separators a decimal comma is accepted.
 *
 * <p>Every cell must be a decimal number ({@link #isDecimal}: optional sign, digits with an optional decimal
 * point, optional exponent): an empty or non-numeric cell, and spellings such as {@code NaN},
 * {@code Infinity}, {@code 1.5d} or {@code 0x1p3}, are refused with line and column. A file whose first line is all numbers has no header; its columns are then named
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
        String timeProblem = null;
        List<String> kept = new ArrayList<>(Arrays.asList(names));
        if (timeIdx >= 0) {
            timeName = names[timeIdx];
            double[] t = data[timeIdx];
            TimeColumn.Unit unit = null;
            try {
                unit = TimeColumn.unit(timeName, t, notes);
            } catch (InputException e) {
                timeProblem = e.getMessage(); // the unit is unknown: a rate given by the user may stand in
            }
            if (unit != null) {
                fs = OptionalDouble.of(rateFromTime(t, unit.seconds(), timeName, cols.lines));
            }
            kept.remove(timeIdx);
            double[][] rest = new double[data.length - 1][];
            for (int i = 0, j = 0; i < data.length; i++) {
                if (i != timeIdx) {
                    rest[j++] = data[i];
                }
            }
            data = rest;
        }
        return new Table(kept, data, fs, timeName, timeProblem, notes);
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
     * @return whether it names a time column ({@link TimeColumn#isTime})
     */
    public static boolean isTimeColumn(String name) {
        return TimeColumn.isTime(name);
    }

    private static double rateFromTime(double[] t, double scale, String name, int[] lines) throws InputException {
        int n = t.length;
        if (n < 2) {
            throw new InputException("time column '" + name + "' has a single row: the sample rate cannot be derived");
        }
        for (int i = 1; i < n; i++) {
            if (t[i] == t[i - 1]) {
                throw new InputException(String.format(Locale.ROOT,
                        "line %d: time column '%s' repeats %s from line %d; each row needs its own time",
                        lines[i], name, fmt(t[i]), lines[i - 1]));
            }
            if (!(t[i] > t[i - 1])) {
                throw new InputException(String.format(Locale.ROOT,
                        "line %d: time column '%s' goes back (%s after %s); sort the rows or give --fs",
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

    /**
     * @param v a number
     * @return it with six significant digits, plain (no exponent), no trailing zeros: for messages
     */
    public static String format(double v) {
        return fmt(v);
    }

    static String fmt(double v) {
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

    /**
     * Splits a line at the separator; with a comma, tab or semicolon a field may be quoted ("a, b"), a
     * doubled quote inside standing for one. Quotes are kept for {@link #unquote} to remove.
     */
    private static String[] split(String line, char sep) {
        if (sep == ' ') {
            return WHITESPACE.split(line.strip());
        }
        if (line.indexOf('"') < 0) {
            return line.split(Pattern.quote(String.valueOf(sep)), -1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                    continue;
                }
                quoted = !quoted;
                f.append('"');
            } else if (c == sep && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out.toArray(new String[0]);
    }

    /** A trailing separator (common in spreadsheet exports) makes one empty field too many: drop it. */
    private static String[] dropTrailingEmpty(String[] cells, int expected) {
        if (cells.length == expected + 1 && cells[cells.length - 1].isBlank()) {
            return Arrays.copyOf(cells, expected);
        }
        return cells;
    }

    /** A decimal number: optional sign, digits with an optional point (or a point and digits), exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * @param s    a cell, stripped
     * @param sep  the file's separator (a decimal comma is allowed unless it is a comma)
     * @return whether it is a decimal number as this reader accepts it
     */
    public static boolean isDecimal(String s, char sep) {
        return DECIMAL.matcher(s).matches() || sep != ',' && DECIMAL_COMMA.matcher(s).matches();
    }

    /** The cell's value, or null when it is not a decimal number. Overflow gives an infinite value. */
    private static Double parse(String s, char sep) {
        if (DECIMAL.matcher(s).matches()) {
            return Double.valueOf(s);
        }
        if (sep != ',' && DECIMAL_COMMA.matcher(s).matches()) {
            return Double.valueOf(s.replace(',', '.'));
        }
        return null;
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
                        : v == null ? "'" + abbreviate(s) + "' is not a decimal number (digits with an optional sign,"
                                + " decimal point and exponent, such as -12.5 or 1.2e-3)"
                        : "'" + abbreviate(s) + "' is too large for a double";
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
