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

    /** Longest line accepted, characters: a row of 4096 columns of 64-character numbers fits; a file without
     *  line breaks (binary data, a 2 GB dump) is refused at this length instead of filling the memory. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Most columns accepted in a header. */
    public static final int MAX_COLUMNS = 4096;

    /**
     * Reads a whole file into memory. For long recordings prefer {@link #scan} and {@link #rows}, which keep
     * no samples.
     *
     * @param file the file
     * @return its columns
     * @throws IOException    if it cannot be read (missing, unreadable)
     * @throws InputException if its content is malformed; the message names line and column
     */
    public static Table read(Path file) throws IOException, InputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText();
        }
    }

    private static InputException notText() {
        return new InputException("not a text file (bytes that are not UTF-8 text); EDF and BDF files need the"
                + " .edf or .bdf extension");
    }

    /**
     * @param in text to read; read to the end, not closed
     * @return its columns
     * @throws IOException    if reading fails
     * @throws InputException if the content is malformed
     */
    public static Table read(BufferedReader in) throws IOException, InputException {
        Lines lines = new Lines(in);
        List<String> notes = new ArrayList<>();
        Parser p = Parser.start(lines, notes);
        int timeIdx = timeColumn(p.names);
        TimeColumn.Track time = timeIdx >= 0 ? new TimeColumn.Track(p.names[timeIdx]) : null;
        Columns cols = new Columns(p.names.length);
        while (p.next(lines, cols.row)) {
            if (time != null) {
                time.add(cols.row[timeIdx], p.lineNo);
            }
            cols.add();
        }
        if (cols.rows == 0) {
            throw p.noRows();
        }
        double[][] data = cols.toArrays();
        OptionalDouble fs = OptionalDouble.empty();
        String timeName = null;
        String timeProblem = null;
        List<String> kept = new ArrayList<>(Arrays.asList(p.names));
        if (time != null) {
            timeName = p.names[timeIdx];
            try {
                fs = OptionalDouble.of(time.rateHz(notes));
            } catch (TimeColumn.UnknownUnitException e) {
                timeProblem = e.getMessage(); // the unit is unknown: a rate given by the user may stand in
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

    /**
     * What a file holds, checked row by row without keeping any sample: every cell is parsed and the time
     * column checked exactly as {@link #read(Path)} does, in memory independent of the file's length.
     *
     * @param names        every column's name, in file order, the time column included
     * @param timeIndex    the time column's index in {@code names}, or -1
     * @param rows         the number of data rows
     * @param sampleRateHz the rate the time column implies, if it gives one
     * @param timeProblem  why the time column gives no rate (its unit could not be told), or null
     * @param notes        remarks worth showing (an assumed header, an inferred time unit)
     */
    public record Summary(List<String> names, int timeIndex, long rows, OptionalDouble sampleRateHz,
            String timeProblem, List<String> notes) {
        /** Copies the lists. */
        public Summary {
            names = List.copyOf(names);
            notes = List.copyOf(notes);
        }

        /** @return the names of the data columns (the time column left out), in file order */
        public List<String> dataNames() {
            List<String> out = new ArrayList<>(names);
            if (timeIndex >= 0) {
                out.remove(timeIndex);
            }
            return out;
        }

        /** @return the time column's name, or null */
        public String timeColumn() {
            return timeIndex >= 0 ? names.get(timeIndex) : null;
        }
    }

    /**
     * Reads a file once to check it and summarise it, keeping no samples.
     *
     * @param file the file
     * @return its summary
     * @throws IOException    if it cannot be read
     * @throws InputException if its content is malformed; the message names line and column
     */
    public static Summary scan(Path file) throws IOException, InputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Lines lines = new Lines(in);
            List<String> notes = new ArrayList<>();
            Parser p = Parser.start(lines, notes);
            int timeIdx = timeColumn(p.names);
            TimeColumn.Track time = timeIdx >= 0 ? new TimeColumn.Track(p.names[timeIdx]) : null;
            double[] row = new double[p.names.length];
            long rows = 0;
            while (p.next(lines, row)) {
                if (time != null) {
                    time.add(row[timeIdx], p.lineNo);
                }
                rows++;
            }
            if (rows == 0) {
                throw p.noRows();
            }
            OptionalDouble fs = OptionalDouble.empty();
            String problem = null;
            if (time != null) {
                try {
                    fs = OptionalDouble.of(time.rateHz(notes));
                } catch (TimeColumn.UnknownUnitException e) {
                    problem = e.getMessage();
                }
            }
            return new Summary(Arrays.asList(p.names), timeIdx, rows, fs, problem, notes);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText();
        }
    }

    /**
     * Reads the rows of a file one at a time, with the rules of {@link #read(Path)}: for analysing a long
     * recording in bounded memory. Not thread-safe; close it.
     */
    public static final class Rows implements java.io.Closeable {
        private final java.io.Reader in;
        private final Lines lines;
        private final Parser parser;
        private final List<String> notes = new ArrayList<>();

        private Rows(java.io.Reader in) throws IOException, InputException {
            this.in = in;
            this.lines = new Lines(in);
            try {
                this.parser = Parser.start(lines, notes);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw notText();
            }
        }

        /** @return the number of columns of every row (the time column included) */
        public int columns() {
            return parser.names.length;
        }

        /** @return the column names in file order ({@code col1}, … when the file has no header row) */
        public List<String> names() {
            return List.of(parser.names);
        }

        /** @return remarks about the header (an assumed one) */
        public List<String> notes() {
            return List.copyOf(notes);
        }

        /**
         * @param row receives the next row's values, one per column; length {@link #columns()}
         * @return false at the end of the file
         * @throws IOException    if reading fails
         * @throws InputException if the row is malformed
         */
        public boolean next(double[] row) throws IOException, InputException {
            try {
                return parser.next(lines, row);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw notText();
            }
        }

        /** @return the line number of the row last read */
        public int lineNumber() {
            return parser.lineNo;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * @param file the file
     * @return its rows, after the header
     * @throws IOException    if it cannot be read
     * @throws InputException if its header is malformed
     */
    public static Rows rows(Path file) throws IOException, InputException {
        return rows(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /**
     * @param in text to read row by row (standard input, a pipe); closed by {@link Rows#close()}
     * @return its rows, after the header
     * @throws IOException    if reading fails
     * @throws InputException if its header is malformed (then {@code in} is closed)
     */
    public static Rows rows(java.io.Reader in) throws IOException, InputException {
        try {
            return new Rows(in);
        } catch (IOException | InputException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Content lines: blank lines and lines starting with '#' skipped, a byte-order mark dropped. */
    private static final class Lines {
        private final java.io.Reader in;
        private final char[] buf = new char[8192];
        private final StringBuilder line = new StringBuilder();
        private int pos;
        private int len;
        private int lineNo;
        private boolean eof;

        Lines(java.io.Reader in) {
            this.in = in;
        }

        /** @return the next content line, stripped, or null at the end; its number is {@link #lineNo} */
        String next() throws IOException, InputException {
            while (true) {
                if (!readLine()) {
                    return null;
                }
                String t = line.toString();
                if (lineNo == 1 && t.startsWith("\uFEFF")) {
                    t = t.substring(1);
                }
                t = t.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return t;
                }
            }
        }

        /** Makes the next character available in {@code buf[pos]}; false at the end of the input. */
        private boolean fill() throws IOException {
            if (pos < len) {
                return true;
            }
            if (eof) {
                return false;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                eof = true;
                len = 0;
                return false;
            }
            return true;
        }

        /** Reads one line (ended by LF, CR LF or CR) into {@code line}; false at the end of the input. */
        private boolean readLine() throws IOException, InputException {
            line.setLength(0);
            boolean any = false;
            while (fill()) {
                char c = buf[pos++];
                any = true;
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && fill() && buf[pos] == '\n') {
                        pos++;
                    }
                    lineNo++;
                    return true;
                }
                if (line.length() >= MAX_LINE_CHARS) {
                    throw new InputException(String.format(Locale.ROOT, "line %d is longer than %d characters:"
                            + " not a delimited text recording (one row per line)", lineNo + 1, MAX_LINE_CHARS));
                }
                line.append(c);
            }
            if (any) {
                lineNo++;
            }
            return any;
        }
    }

    /** The header and the rules for rows: separator, column names, decimal comma. */
    private static final class Parser {
        final char sep;
        final String[] names;
        final int headerLine;
        /** The first line when it holds data (no header row), until it is returned as a row. */
        String pending;
        int lineNo;

        private Parser(char sep, String[] names, int headerLine, String pending) {
            this.sep = sep;
            this.names = names;
            this.headerLine = headerLine;
            this.pending = pending;
            this.lineNo = headerLine;
        }

        static Parser start(Lines lines, List<String> notes) throws IOException, InputException {
            String header = lines.next();
            if (header == null) {
                throw new InputException("empty file: no header row and no samples");
            }
            int headerLine = lines.lineNo;
            char sep = detectSeparator(header);
            String[] names = split(header, sep);
            if (names.length > 1 && names[names.length - 1].isBlank()) {
                names = Arrays.copyOf(names, names.length - 1);
            }
            if (names.length > MAX_COLUMNS) {
                throw new InputException(String.format(Locale.ROOT, "line %d: %d columns, more than the %d a"
                        + " recording may have", headerLine, names.length, MAX_COLUMNS));
            }
            boolean numericHeader = true;
            for (String n : names) {
                if (parse(unquote(n.strip()), sep) == null) {
                    numericHeader = false;
                    break;
                }
            }
            if (numericHeader) {
                for (int i = 0; i < names.length; i++) {
                    names[i] = "col" + (i + 1);
                }
                notes.add("no header row: columns named col1..col" + names.length);
                return new Parser(sep, names, headerLine, header);
            }
            for (int i = 0; i < names.length; i++) {
                names[i] = unquote(names[i].strip());
                if (names[i].isEmpty()) {
                    throw new InputException("line " + headerLine + ": column " + (i + 1) + " of the header has no name");
                }
            }
            checkUnique(names, headerLine);
            return new Parser(sep, names, headerLine, null);
        }

        /** Parses the next row into {@code row}; false at the end. */
        boolean next(Lines lines, double[] row) throws IOException, InputException {
            String t;
            if (pending != null) {
                t = pending;
                pending = null;
                lineNo = headerLine;
            } else {
                t = lines.next();
                if (t == null) {
                    return false;
                }
                lineNo = lines.lineNo;
            }
            parseRow(dropTrailingEmpty(split(t, sep), names.length), sep, lineNo, names, row);
            return true;
        }

        InputException noRows() {
            return new InputException("no samples: the file has a header (" + String.join(", ", names)
                    + ") but no data rows");
        }
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

    /**
     * @param v a number
     * @return it with six significant digits, plain (no exponent), no trailing zeros: for messages
     */
    public static String format(double v) {
        return fmt(v);
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v); // "Infinity", "NaN": BigDecimal cannot hold them
        }
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

    private static void parseRow(String[] cells, char sep, int lineNo, String[] names, double[] row)
            throws InputException {
        if (cells.length != names.length) {
            throw new InputException(String.format(Locale.ROOT, "line %d: %d field%s, but the header has %d columns (%s)",
                    lineNo, cells.length, cells.length == 1 ? "" : "s", names.length, abbreviate(String.join(", ",
                            names))));
        }
        for (int i = 0; i < cells.length; i++) {
            String s = unquote(cells[i].strip());
            Double v = parse(s, sep);
            if (v == null || !Double.isFinite(v)) {
                String what = s.isEmpty() ? "is empty"
                        : v == null ? "'" + abbreviate(s) + "' is not a decimal number (digits with an optional sign,"
                                + " decimal point and exponent, such as -12.5 or 1.2e-3)"
                        : "'" + abbreviate(s) + "' is too large for a double";
                throw new InputException(String.format(Locale.ROOT, "line %d, column %d ('%s'): %s", lineNo, i + 1,
                        abbreviate(names[i]), what));
            }
            row[i] = v;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** Growable column storage. */
    private static final class Columns {
        final double[] row;
        double[][] data;
        int rows;

        Columns(int n) {
            row = new double[n];
            data = new double[n][1024];
        }

        void add() {
            if (rows == data[0].length) {
                int cap = rows * 2;
                for (int i = 0; i < data.length; i++) {
                    data[i] = Arrays.copyOf(data[i], cap);
                }
            }
            for (int i = 0; i < row.length; i++) {
                data[i][rows] = row[i];
            }
            rows++;
        }

        double[][] toArrays() {
            double[][] out = new double[data.length][];
            for (int i = 0; i < data.length; i++) {
                out[i] = Arrays.copyOf(data[i], rows);
            }
            return out;
        }
    }
}
