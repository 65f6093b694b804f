package io.clonus.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation test of {@link DelimitedText}: valid CSV, TSV, semicolon (decimal comma), whitespace and
 * header-less files, damaged by deleting and inserting delimiters, quotes and decimal commas, hostile
 * numbers, long lines, binary bytes, byte-order marks, blank lines and odd line ends, truncation and byte
 * flips. Every case is read with {@link DelimitedText#read(Path)}, {@link DelimitedText#scan(Path)} and
 * {@link DelimitedText#rows(Path)}.
 *
 * <p>For every case: nothing but {@link InputException} escapes, the case finishes within
 * {@link FuzzTally#CASE_LIMIT}, every value read is finite, the columns have one length, a sample rate from a
 * time column is finite and positive, and the three ways of reading agree (the same values, rows and rate, or
 * the same refusal).
 */
class DelimitedTextFuzzTest {
    private static final long SEED = 0xC5F_F022L;

    @TempDir
    Path dir;

    private final Random rnd = new Random(SEED);
    private final FuzzTally tally = new FuzzTally("delimited text reader");
    private Path file;

    private static final String[] HOSTILE_NUMBERS = {
        "NaN", "nan", "Infinity", "-Infinity", "inf", "1e999", "-1e999", "1e308", "-1.7976931348623157e308",
        "1.7976931348623157e308", "4.9e-324", "1e-400", "0x1p3", "1.5d", "2f", "", " ", "1,5", "1.2.3", "--1", "+",
        "-", ".", "1e", "e1", "1e+", "\u0661", "\u00bd", "0", "-0", "00001", "1" + "0".repeat(400),
        "0." + "0".repeat(400) + "1", "1".repeat(2000), "\"1\"", "'2'", "\"\"", "1 2", "\u00a01", "1\u2009"};

    @Test
    void damagedTextIsRefusedOrReadWithFiniteValues() throws IOException {
        file = dir.resolve("case.csv");
        List<String> bases = bases();
        category("delimiters", 400, bases, this::delimiters);
        category("quotes", 250, bases, this::quotes);
        category("decimal commas", 250, bases, this::decimalCommas);
        category("hostile numbers", 400, bases, this::numbers);
        category("time column", 250, bases, this::timeValues);
        category("time span", 150, bases, this::timeSpan);
        category("long lines and many columns", 30, bases, this::longLines);
        category("binary bytes", 250, bases, this::binary);
        category("byte-order marks", 120, bases, this::boms);
        category("blank lines and line ends", 250, bases, this::lineEnds);
        category("truncation", 200, bases, this::truncate);
        category("byte flips", 300, bases, this::flips);
        tally.print();
        tally.assertNoFailures();
        assertTrue(tally.total() >= 2500, "at least 2500 cases, got " + tally.total());
        for (String c : tally.categories()) {
            assertTrue(tally.refused(c) > 0, c + ": some cases must be refused, or the mutations do nothing");
            assertTrue(tally.fine(c) > 0 || c.startsWith("long lines"), c + ": some cases must still read");
        }
    }

    private interface Mutation {
        byte[] apply(byte[] text);
    }

    private void category(String name, int cases, List<String> bases, Mutation m) {
        for (int i = 0; i < cases; i++) {
            int b = rnd.nextInt(bases.size());
            byte[] text = m.apply(bases.get(b).getBytes(StandardCharsets.UTF_8));
            tally.run(name, "base " + b + " case " + i, () -> check(text));
        }
    }

    /** Reads the file three ways; returns null if they read it, or the refusal. */
    private String check(byte[] bytes) throws IOException {
        Files.deleteIfExists(file); // much faster than overwriting (truncating) on some file systems
        Files.write(file, bytes);
        Table t = null;
        String refusedRead = null;
        try {
            t = DelimitedText.read(file);
        } catch (InputException e) {
            refusedRead = message(e);
        }
        DelimitedText.Summary s = null;
        String refusedScan = null;
        try {
            s = DelimitedText.scan(file);
        } catch (InputException e) {
            refusedScan = message(e);
        }
        if (!Objects.equals(refusedRead, refusedScan)) {
            fail("read and scan disagree: " + refusedRead + " / " + refusedScan);
        }
        String refusedRows = null;
        List<double[]> rows = new ArrayList<>();
        try (DelimitedText.Rows r = DelimitedText.rows(file)) {
            double[] row = new double[r.columns()];
            while (r.next(row)) {
                rows.add(row.clone());
            }
        } catch (InputException e) {
            refusedRows = message(e);
        }
        if (refusedRead != null) {
            if (refusedRows == null && !(refusedRead.startsWith("no samples") || refusedRead.contains("time column"))) {
                fail("read refused (" + refusedRead + ") but rows read every row"); // rows() has no time or row-count rules
            }
            return "refused: " + refusedRead.replaceAll("header has (\\d+) columns \\(.*\\)$", "header has $1 columns (…)");
        }
        if (refusedRows != null) {
            fail("read accepted the file but rows refused it: " + refusedRows);
        }
        checkTable(t, s, rows);
        return null;
    }

    private static String message(InputException e) {
        String m = e.getMessage();
        if (m == null || m.isEmpty() || m.contains("\n") || m.length() > 600) {
            fail("a refusal needs a short one-line message, got: " + m);
        }
        return m;
    }

    private static void checkTable(Table t, DelimitedText.Summary s, List<double[]> rows) {
        int n = t.rows();
        if (n < 1 || t.columns().length != t.names().size() || t.names().isEmpty()) {
            fail("table shape: " + t.names() + ", " + t.columns().length + " columns, " + n + " rows");
        }
        for (int c = 0; c < t.columns().length; c++) {
            double[] col = t.column(c);
            if (col.length != n) {
                fail("column " + c + " has " + col.length + " rows, column 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(col[i])) {
                    fail("column " + c + " row " + i + " is " + col[i]);
                }
            }
        }
        if (t.sampleRateHz().isPresent()) {
            double fs = t.sampleRateHz().getAsDouble();
            if (!(fs > 0 && Double.isFinite(fs))) {
                fail("sample rate " + fs + " Hz from time column '" + t.timeColumn() + "'");
            }
        }
        if (s.rows() != n || !s.dataNames().equals(t.names()) || !s.sampleRateHz().equals(t.sampleRateHz())
                || !Objects.equals(s.timeColumn(), t.timeColumn())) {
            fail("scan (" + s + ") and read (" + t.names() + ", " + n + " rows, " + t.sampleRateHz() + ") disagree");
        }
        if (rows.size() != n) {
            fail("rows gave " + rows.size() + " rows, read " + n);
        }
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            for (int c = 0, k = 0; c < r.length; c++) {
                if (c == s.timeIndex()) {
                    continue;
                }
                if (Double.compare(r[c], t.column(k)[i]) != 0) {
                    fail("row " + i + " column " + c + ": rows gave " + r[c] + ", read " + t.column(k)[i]);
                }
                k++;
            }
        }
    }

    // ------------------------------------------------------------------ base files

    private static List<String> bases() {
        List<String> out = new ArrayList<>();
        StringBuilder csv = new StringBuilder("time,emg,acc_x\n");
        StringBuilder tsv = new StringBuilder("# exported\nTime [s]\tEMG L TA\tACC Y\n");
        StringBuilder semi = new StringBuilder("t;emg;acc\r\n");
        StringBuilder ws = new StringBuilder("time_ms   emg\n");
        StringBuilder bare = new StringBuilder();
        StringBuilder quoted = new StringBuilder("\uFEFF\"time (s)\",\"EMG, left\",'Gyro Z'\n\n");
        for (int i = 0; i < 40; i++) {
            double e = Math.sin(i * 0.7) * 120.5;
            double a = Math.cos(i * 0.3) * 0.75;
            csv.append(String.format(Locale.ROOT, "%.3f,%.4f,%.5f%n", i / 1000.0, e, a));
            tsv.append(String.format(Locale.ROOT, "%.4f\t%.3f\t%.4f%n", i / 500.0, e, a).replace('.', i % 2 == 0 ? '.' : ','));
            semi.append(String.format(Locale.ROOT, "%.4f;%.2f;%.3e\r\n", i / 2000.0, e, a).replace('.', ','));
            ws.append(String.format(Locale.ROOT, "%d  %.2f%n", i, e));
            bare.append(String.format(Locale.ROOT, "%.2f,%.3f%n", e, a));
            quoted.append(String.format(Locale.ROOT, "%.3f,\"%.2f\",%.3f%n", i / 1000.0, e, a));
            if (i % 13 == 5) {
                csv.append("# a comment\n\n");
                quoted.append("   \n");
            }
        }
        out.add(csv.toString());
        out.add(tsv.toString());
        out.add(semi.toString());
        out.add(ws.toString());
        out.add(bare.toString());
        out.add(quoted.toString());
        return out;
    }

    // ------------------------------------------------------------------ mutations

    private byte[] edit(byte[] text, int ops, String[] inserts, boolean delete) {
        byte[] b = text;
        for (int k = 0; k < ops; k++) {
            int p = rnd.nextInt(b.length + 1);
            if (delete && rnd.nextBoolean() && b.length > 0) {
                // delete one of the given characters near p
                for (int q = Math.min(p, b.length - 1); q >= 0; q--) {
                    if (contains(inserts, (char) (b[q] & 0xff))) {
                        b = concat(Arrays.copyOf(b, q), Arrays.copyOfRange(b, q + 1, b.length));
                        break;
                    }
                }
            } else {
                byte[] ins = inserts[rnd.nextInt(inserts.length)].getBytes(StandardCharsets.UTF_8);
                b = concat(concat(Arrays.copyOf(b, p), ins), Arrays.copyOfRange(b, p, b.length));
            }
        }
        return b;
    }

    private static boolean contains(String[] set, char c) {
        for (String s : set) {
            if (s.length() == 1 && s.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private byte[] delimiters(byte[] t) {
        return edit(t, 1 + rnd.nextInt(5), new String[] {",", ";", "\t", " ", ",,", ";;", "\t\t"}, true);
    }

    private byte[] quotes(byte[] t) {
        return edit(t, 1 + rnd.nextInt(4), new String[] {"\"", "'", "\"\"", "\"x\"", "\",\""}, true);
    }

    private byte[] decimalCommas(byte[] t) {
        byte[] b = t.clone();
        int n = 1 + rnd.nextInt(6);
        for (int k = 0; k < n; k++) {
            int p = rnd.nextInt(b.length);
            if (b[p] == '.') {
                b[p] = ',';
            } else if (b[p] == ',') {
                b[p] = '.';
            } else if (Character.isDigit(b[p])) {
                b = concat(concat(Arrays.copyOf(b, p + 1), new byte[] {(byte) (rnd.nextBoolean() ? ',' : '.')}),
                        Arrays.copyOfRange(b, p + 1, b.length));
            }
        }
        return b;
    }

    /** Replaces one cell (of any line, the header included) with a hostile number. */
    private byte[] numbers(byte[] t) {
        return replaceCell(t, rnd.nextInt(60), -1, HOSTILE_NUMBERS[rnd.nextInt(HOSTILE_NUMBERS.length)]);
    }

    /** Damages the first column (the time column where there is one): repeats, steps back, gaps, huge values. */
    private byte[] timeValues(byte[] t) {
        String[] values = {"0", "0.000", "-1e308", "1e308", "1.7976931348623157e308", "-1.7976931348623157e308",
            "4.9e-324", "1e-300", "123456789012345678901234567890", "1e15", "0.0005", "5", "-5", "1700000000",
            "1700000000000", "1e-9"};
        byte[] b = t;
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            b = replaceCell(b, 1 + rnd.nextInt(45), 0, values[rnd.nextInt(values.length)]);
        }
        return b;
    }

    /**
     * A time column whose first and last values make its span or its step overflow or underflow: a two-row
     * file, or the first and last rows of a base file changed.
     */
    private byte[] timeSpan(byte[] t) {
        String[][] pairs = {{"-1.7976931348623157e308", "1.7976931348623157e308"}, {"-1e308", "1e308"},
            {"0", "4.9e-324"}, {"0", "1e-320"}, {"1e-320", "2e-320"}, {"0", "1e-300"}, {"-1e300", "1e300"},
            {"1e300", "1.0000000000000002e300"}, {"0", "1e15"}, {"1e15", "1.0000000000000002e15"}};
        String[] pair = pairs[rnd.nextInt(pairs.length)];
        String[] names = {"time", "t", "time_s", "time (ms)", "timestamp", "elapsed (s)", "Time [us]", "seconds"};
        if (rnd.nextBoolean()) {
            String name = names[rnd.nextInt(names.length)];
            return (name + ",emg\n" + pair[0] + ",1\n" + pair[1] + ",2\n").getBytes(StandardCharsets.UTF_8);
        }
        String[] lines = new String(t, StandardCharsets.UTF_8).split("\n", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#") && Character.isDigit(lines[i].charAt(0))) {
                last = i;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return t;
        }
        byte[] b = replaceCell(t, first, 0, pair[0]);
        return replaceCell(b, last, 0, pair[1]);
    }

    private byte[] replaceCell(byte[] t, int line, int column, String value) {
        String s = new String(t, StandardCharsets.UTF_8);
        String[] lines = s.split("\n", -1);
        int l = Math.min(line, lines.length - 1);
        String row = lines[l];
        char sep = row.indexOf('\t') >= 0 ? '\t' : row.indexOf(';') >= 0 ? ';' : row.indexOf(',') >= 0 ? ',' : ' ';
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == sep) {
                starts.add(i + 1);
            }
        }
        int c = column >= 0 ? Math.min(column, starts.size() - 1) : rnd.nextInt(starts.size());
        int from = starts.get(c);
        int to = c + 1 < starts.size() ? starts.get(c + 1) - 1 : row.length();
        if (to > from && row.charAt(to - 1) == '\r') {
            to--;
        }
        lines[l] = row.substring(0, from) + value + row.substring(to);
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] longLines(byte[] t) {
        int kind = rnd.nextInt(5);
        String line;
        switch (kind) {
            case 0: // just over the line limit, no separator
                line = "1".repeat(DelimitedText.MAX_LINE_CHARS + 1 + rnd.nextInt(100));
                break;
            case 1: // a long but allowed row of many fields
                line = "1,".repeat(100_000 + rnd.nextInt(200_000)) + "1";
                break;
            case 2: // a header of more columns than allowed
                StringBuilder h = new StringBuilder();
                for (int i = 0; i < DelimitedText.MAX_COLUMNS + 1 + rnd.nextInt(500); i++) {
                    h.append(i == 0 ? "" : ",").append("c").append(i);
                }
                return (h + "\n" + "1,".repeat(10) + "1\n").getBytes(StandardCharsets.UTF_8);
            case 3: // delimiters only
                line = ";".repeat(500_000 + rnd.nextInt(500_000));
                break;
            default: // a long quoted field
                line = "\"" + "x".repeat(300_000 + rnd.nextInt(300_000));
                break;
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int at = rnd.nextBoolean() ? 0 : rnd.nextInt(t.length + 1);
        return concat(concat(Arrays.copyOf(t, at), concat(b, "\n".getBytes(StandardCharsets.UTF_8))),
                Arrays.copyOfRange(t, at, t.length));
    }

    private byte[] binary(byte[] t) {
        ByteArrayOutputStream ins = new ByteArrayOutputStream();
        int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 200);
        for (int i = 0; i < n; i++) {
            ins.write(rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(256));
        }
        int at = rnd.nextInt(t.length + 1);
        return concat(concat(Arrays.copyOf(t, at), ins.toByteArray()), Arrays.copyOfRange(t, at, t.length));
    }

    private byte[] boms(byte[] t) {
        byte[][] marks = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
        byte[] m = marks[rnd.nextInt(marks.length)];
        int at = rnd.nextInt(3) == 0 ? rnd.nextInt(t.length + 1) : 0;
        return concat(concat(Arrays.copyOf(t, at), m), Arrays.copyOfRange(t, at, t.length));
    }

    private byte[] lineEnds(byte[] t) {
        return edit(t, 1 + rnd.nextInt(6),
                new String[] {"\n", "\r", "\r\n", "\n\n", " \t \n", "#\n", "# x,y\n", ",\n", "\n\r", "\u2028", "\f"}, true);
    }

    private byte[] truncate(byte[] t) {
        return Arrays.copyOf(t, rnd.nextInt(t.length));
    }

    private byte[] flips(byte[] t) {
        byte[] b = t.clone();
        int n = 1 + rnd.nextInt(6);
        for (int k = 0; k < n; k++) {
            int p = rnd.nextInt(b.length);
            b[p] = rnd.nextBoolean() ? (byte) rnd.nextInt(128) : (byte) (b[p] ^ (1 << rnd.nextInt(8)));
        }
        return b;
    }
}
