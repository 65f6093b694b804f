package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clonus.io.FuzzTally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation test of {@link EdfReader}: valid EDF, BDF, EDF+C, EDF+D, BDF+C and annotation-only EDF+
 * files written by {@link EdfWriter}, then damaged (header fields set to hostile values, truncation, byte
 * flips, broken TALs, and header damage plus truncation). Every case is opened with both truncation
 * policies and everything is read: all samples of every data signal (physical and digital), every
 * segment, every record start, every annotation, and the reader is reopened.
 *
 * <p>For every case: nothing but {@link EdfFormatException} escapes, the case finishes within
 * {@link FuzzTally#CASE_LIMIT}, every sample and time read is finite, and each sample rate is finite and
 * positive. The outcome of each case (read fine, or refused with which kind of message) is counted by
 * category and printed (see the surefire output file of this class).
 */
class EdfFuzzTest {
    private static final long SEED = 0x5EED_EDFL;

    @TempDir
    Path dir;

    /** A valid file to start from, with where its parts lie. */
    private record Base(String name, byte[] bytes, int ns, int headerBytes, int recordBytes, int records,
                        int annotationOffset, int annotationBytes) {
        boolean plus() {
            return annotationOffset >= 0;
        }
    }

    private static final int[][] MAIN_FIELDS = {
        {0, 8}, {8, 80}, {88, 80}, {168, 8}, {176, 8}, {184, 8}, {192, 44}, {236, 8}, {244, 8}, {252, 4}};
    private static final String[] MAIN_NAMES = {
        "version", "patient", "recording", "startdate", "starttime", "header bytes", "reserved", "records",
        "duration", "signals"};
    /** Signal fields: offset per signal count (times ns) and width. */
    private static final int[][] SIGNAL_FIELDS = {
        {0, 16}, {16, 80}, {96, 8}, {104, 8}, {112, 8}, {120, 8}, {128, 8}, {136, 80}, {216, 8}, {224, 32}};
    private static final String[] SIGNAL_NAMES = {
        "label", "transducer", "dimension", "physical min", "physical max", "digital min", "digital max",
        "prefiltering", "samples per record", "signal reserved"};

    /** Which signal field to damage: the numeric ones (physical and digital range, samples) twice as often. */
    private static final int[] SIGNAL_FIELD_CHOICE = {0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9};

    private static final String[] NUMBERS = {
        "", " ", "0", "-0", "1", "-1", "-2", "+1", "2", "3", "5", "7", "10", "255", "256", "512", "9999", "-9999",
        "32767", "32768", "-32768", "-32769", "8388607", "8388608", "-8388608", "-8388609", "99999999", "-9999999",
        "+9999999", "1e999", "-1e999", "1e-999", "1e308", "-1e308", "9e307", "-9e307", "4.9e-324", "1e-320", "NaN",
        "Infinity", "-Infinity", "0x10", "1,5", "1.5", "0.5", ".5", "5.", "0.000001", "1e-9", "1e3", "1 2", "--1",
        "+-1", "1e", "e5", "00000001", "-0000001", "abc", "\u0000", "\u00b2", "1\u00a0"};
    private static final String[] TEXTS = {
        "", "EDF Annotations", "BDF Annotations", "EDF+C", "EDF+D", "BDF+C", "BDF+D", "24BIT", "EDF+X", "0",
        "\u00ffBIOSEMI", "0       ", "1       ", "Startdate 05-MAR-2024 X X X", "Startdate 31-FEB-2024 X",
        "Startdate 99-XXX-9999", "Startdate 05-MAR-1899", "X X X X", "05.03.24", "yy.yy.yy", "05.03.yy",
        "99.99.99", "00.00.00", "31.02.24", "5.3.24", "23.59.59", "24.00.00", "25.61.61", "aa.bb.cc", "\t\r\n",
        "\u0001\u0002\u0003", "\u00e9\u00fc"};

    private final Random rnd = new Random(SEED);
    private final FuzzTally tally = new FuzzTally("EDF/BDF/EDF+ reader");
    private Path file;

    @Test
    void damagedFilesAreRefusedOrReadWithFiniteValues() throws IOException {
        file = dir.resolve("case.edf");
        List<Base> bases = bases();
        for (int i = 0; i < 800; i++) {
            Base b = pick(bases);
            byte[] f = b.bytes().clone();
            int k = rnd.nextInt(MAIN_FIELDS.length);
            setField(f, MAIN_FIELDS[k][0], MAIN_FIELDS[k][1], hostileValue());
            run("main header field", b.name() + " " + MAIN_NAMES[k], f);
        }
        for (int i = 0; i < 800; i++) {
            Base b = pick(bases);
            byte[] f = b.bytes().clone();
            int k = SIGNAL_FIELD_CHOICE[rnd.nextInt(SIGNAL_FIELD_CHOICE.length)];
            int s = rnd.nextInt(b.ns());
            setField(f, 256 + SIGNAL_FIELDS[k][0] * b.ns() + s * SIGNAL_FIELDS[k][1], SIGNAL_FIELDS[k][1],
                    hostileValue());
            run("signal header field", b.name() + " signal " + (s + 1) + " " + SIGNAL_NAMES[k], f);
        }
        for (int i = 0; i < 300; i++) {
            Base b = pick(bases);
            int len = truncationPoint(b);
            run("truncation", b.name() + " at " + len, Arrays.copyOf(b.bytes(), len));
        }
        for (int i = 0; i < 500; i++) {
            Base b = pick(bases);
            byte[] f = b.bytes().clone();
            int n = 1 + rnd.nextInt(8);
            boolean header = rnd.nextBoolean();
            for (int j = 0; j < n; j++) {
                int p = rnd.nextInt(header ? b.headerBytes() : f.length);
                f[p] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) (f[p] ^ (1 << rnd.nextInt(8)));
            }
            run("byte flips", b.name() + " " + n + (header ? " in header" : " anywhere"), f);
        }
        List<Base> plus = bases.stream().filter(Base::plus).toList();
        for (int i = 0; i < 500; i++) {
            Base b = pick(plus);
            byte[] f = b.bytes().clone();
            int record = rnd.nextInt(b.records());
            String how = damageTal(f, b.headerBytes() + record * b.recordBytes() + b.annotationOffset(),
                    b.annotationBytes());
            run("TAL", b.name() + " record " + (record + 1) + " " + how, f);
        }
        for (int i = 0; i < 200; i++) {
            Base b = pick(bases);
            byte[] f = b.bytes().clone();
            int k = rnd.nextBoolean() ? 7 : 8; // records or duration, the fields the file size is checked with
            setField(f, MAIN_FIELDS[k][0], MAIN_FIELDS[k][1], hostileValue());
            int s = rnd.nextInt(b.ns());
            setField(f, 256 + 216 * b.ns() + s * 8, 8, hostileValue());
            int len = truncationPoint(b);
            run("header field + truncation", b.name() + " " + MAIN_NAMES[k] + ", samples of signal " + (s + 1)
                    + ", at " + len, Arrays.copyOf(f, len));
        }
        tally.print();
        tally.assertNoFailures();
        assertTrue(tally.total() >= 3000, "at least 3000 cases, got " + tally.total());
        for (String c : tally.categories()) {
            assertTrue(tally.refused(c) > 0, c + ": some cases must be refused, or the mutations do nothing");
            assertTrue(tally.fine(c) > 0, c + ": some cases must still read, or the base files are broken");
        }
    }

    private void run(String category, String description, byte[] bytes) {
        tally.run(category, description, () -> {
            Files.deleteIfExists(file); // much faster than overwriting (truncating) on some file systems
            Files.write(file, bytes);
            String[] refused = new String[2];
            for (EdfReader.TruncationPolicy p : EdfReader.TruncationPolicy.values()) {
                try (EdfReader r = EdfReader.open(file, p)) {
                    readEverything(r);
                    try (EdfReader again = r.reopen()) {
                        readEverything(again);
                    }
                } catch (EdfFormatException e) {
                    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
                    assertTrue(e.getMessage().length() < 600, "a short message: " + e.getMessage());
                    refused[p.ordinal()] = e.problem();
                }
            }
            if (refused[0] == null) {
                return null;
            }
            return refused[1] == null ? "read only with READ_COMPLETE_RECORDS" : "refused: " + refused[0];
        });
    }

    private static void readEverything(EdfReader r) throws IOException {
        EdfHeader h = r.header();
        finite(h.durationS(), "durationS");
        for (int i = 0; i < h.recordCount(); i++) {
            finite(r.recordStartS(i), "start of record " + i);
        }
        for (EdfSignalHeader s : h.dataSignals()) {
            if (h.recordDurationS() > 0) {
                double fs = h.sampleRateHz(s.index());
                if (!(fs > 0 && Double.isFinite(fs))) {
                    fail("signal " + s.index() + " has sample rate " + fs);
                }
            }
            double[] x = r.readSignal(s.index());
            for (int k = 0; k < x.length; k++) {
                finite(x[k], "signal " + s.index() + " sample " + k);
            }
            if (x.length > 0) {
                finite(r.sampleTimeS(s.index(), x.length - 1), "time of the last sample");
                int[] d = new int[Math.min(x.length, 37)];
                int from = x.length - d.length;
                if (r.readDigital(s.index(), from, d, 0, d.length) != d.length) {
                    fail("readDigital returned fewer samples than the signal has");
                }
                for (int k = 0; k < d.length; k++) {
                    if (s.toPhysical(d[k]) != x[from + k]) {
                        fail("digital and physical samples disagree at " + (from + k));
                    }
                }
            }
            for (EdfReader.Segment seg : r.segments()) {
                finite(seg.startS(), "segment start");
                r.readSegment(s.index(), seg);
            }
        }
        for (EdfAnnotation a : r.annotations()) {
            finite(a.onsetS(), "annotation onset");
            finite(a.endS(), "annotation end");
        }
    }

    private static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            fail(what + " is " + v);
        }
    }

    // ------------------------------------------------------------------ mutations

    private String hostileValue() {
        switch (rnd.nextInt(6)) {
            case 0:
            case 1:
                return NUMBERS[rnd.nextInt(NUMBERS.length)];
            case 2:
                return TEXTS[rnd.nextInt(TEXTS.length)];
            case 3: { // random digits, maybe signed, maybe with a point
                StringBuilder s = new StringBuilder(rnd.nextBoolean() ? "" : rnd.nextBoolean() ? "-" : "+");
                int n = 1 + rnd.nextInt(9);
                for (int i = 0; i < n; i++) {
                    s.append((char) ('0' + rnd.nextInt(10)));
                }
                if (rnd.nextInt(3) == 0) {
                    s.insert(1 + rnd.nextInt(s.length()), '.');
                }
                return s.toString();
            }
            case 4: { // random bytes
                char[] c = new char[1 + rnd.nextInt(12)];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (char) rnd.nextInt(256);
                }
                return new String(c);
            }
            default: // a number padded oddly: leading spaces or NULs
                return (rnd.nextBoolean() ? "  " : "\u0000") + NUMBERS[rnd.nextInt(NUMBERS.length)];
        }
    }

    private static void setField(byte[] f, int off, int width, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < width; i++) {
            f[off + i] = i < v.length ? v[i] : (byte) ' ';
        }
    }

    private int truncationPoint(Base b) {
        int len = b.bytes().length;
        switch (rnd.nextInt(4)) {
            case 0:
                return rnd.nextInt(b.headerBytes() + 1);
            case 1: { // near a record boundary
                int r = rnd.nextInt(b.records() + 1);
                return Math.max(0, Math.min(len - 1, b.headerBytes() + r * b.recordBytes() + rnd.nextInt(5) - 2));
            }
            default:
                return rnd.nextInt(len);
        }
    }

    private String damageTal(byte[] f, int regionOff, int regionLen) {
        // half the time keep the record's time-keeping TAL and damage what follows it (the annotations)
        int keep = 0;
        if (rnd.nextBoolean()) {
            while (keep < regionLen && f[regionOff + keep] != 0) {
                keep++;
            }
            keep = Math.min(regionLen, keep + 1);
        }
        int off = regionOff + keep;
        int len = regionLen - keep;
        if (len == 0) {
            return "nothing after the time keeping";
        }
        String where = keep > 0 ? " after the time keeping" : "";
        int kind = rnd.nextInt(9);
        byte[] tal;
        String how;
        switch (kind) {
            case 0: {
                tal = new byte[len];
                byte[] alphabet = {0, 0x14, 0x15, '+', '-', '.', '0', '1', '9', 'a', (byte) 0xff, (byte) 0xc3};
                for (int i = 0; i < len; i++) {
                    tal[i] = alphabet[rnd.nextInt(alphabet.length)];
                }
                how = "random TAL bytes";
                break;
            }
            case 1: {
                int digits = rnd.nextBoolean() ? 300 + rnd.nextInt(200) : 10 + rnd.nextInt(20);
                tal = ascii("+1" + "0".repeat(digits) + "\u0014text\u0014\u0000");
                how = "onset with " + digits + " digits";
                break;
            }
            case 2:
                tal = ascii("+0\u0015" + "9".repeat(400) + "\u0014\u0014\u0000");
                how = "duration with 400 digits";
                break;
            case 3: {
                String[] onsets = {"+1e5", "+.5", "+5.", "5", "-0", "+", "-", "+99999999999", "+1.5.5", "++1", "+1 ",
                    "+0x1", "+1,5", "+\u00b9"};
                tal = ascii(onsets[rnd.nextInt(onsets.length)] + "\u0014\u0014\u0000");
                how = "odd onset";
                break;
            }
            case 4: {
                tal = Arrays.copyOfRange(f, off, off + len);
                for (int i = 0; i < tal.length; i++) {
                    if (tal[i] == 0) {
                        tal[i] = 'x';
                    }
                }
                how = "no closing 0x00";
                break;
            }
            case 5:
                tal = ascii("+0\u0014\u0014\u0000+1\u0015-1\u0014text\u0014\u0000");
                how = "negative duration";
                break;
            case 6: {
                byte[] text = {'+', '0', 0x14, 0x14, 0, '+', '0', '.', '5', 0x14, (byte) 0xc3, (byte) 0x28, (byte) 0xff,
                    0x14, 0};
                tal = text;
                how = "text that is not UTF-8";
                break;
            }
            case 7:
                tal = ascii("+0\u0014\u0014\u0000" + "+1\u0014\u0014\u0000".repeat(len / 5 + 1));
                how = "TALs filling the signal";
                break;
            default: {
                String[] starts = {"-5", "+999999", "+0.0000001", "-0.5", "+3", "+1000000000000"};
                tal = ascii(starts[rnd.nextInt(starts.length)] + "\u0014\u0014\u0000");
                how = "moved time-keeping onset";
                break;
            }
        }
        int n = Math.min(len, tal.length);
        System.arraycopy(tal, 0, f, off, n);
        if (kind != 4) {
            Arrays.fill(f, off + n, off + len, (byte) 0);
        }
        return how + where;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    // ------------------------------------------------------------------ base files

    private List<Base> bases() throws IOException {
        LocalDateTime start = LocalDateTime.of(2024, 3, 5, 10, 0, 0);
        double[] emg = EdfTestFiles.signal(600, 200, 7, 300, 1);
        double[] acc = EdfTestFiles.signal(60, 20, 1, 2, 2);
        List<Base> out = new ArrayList<>();
        out.add(base("EDF", EdfWriter.edf().start(start)
                .addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767, emg)
                .addSignal("ACC X", "g", 20, -4, 4, -2048, 2047, acc)));
        out.add(base("BDF", EdfWriter.bdf().start(start)
                .addSignal("EMG L TA", "uV", 200, -500, 500, -8388608, 8388607, emg)
                .addSignal("ACC X", "g", 20, -4, 4, -32768, 32767, acc)));
        out.add(base("EDF+C", EdfWriter.edfPlus().start(start)
                .addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767, emg)
                .addSignal("ACC X", "g", 20, -4, 4, -32768, 32767, acc)
                .addAnnotation(0.25, "clonus, 5 beats").addAnnotation(1.5, 0.75, "tap")
                .addAnnotation(2.9, "Ende \u00fc").annotationBytesPerRecord(64)));
        out.add(base("EDF+D", EdfWriter.edfPlus().start(start)
                .addSignal("EMG L TA", "uV", 200, -500, 500, -32768, 32767, emg)
                .addSignal("ACC X", "g", 20, -4, 4, -32768, 32767, acc)
                .discontinuous(0.5, 1.5, 10).annotationBytesPerRecord(1200)
                .addAnnotation(1.75, "after the first record").addAnnotation(10.5, 2, "late")));
        out.add(base("BDF+C", EdfWriter.bdfPlus().start(start)
                .addSignal("EMG L TA", "uV", 200, -500, 500, -8388608, 8388607, emg)
                .addSignal("ACC X", "g", 20, -4, 4, -8388608, 8388607, acc)
                .addAnnotation(0.5, 1, "x").addAnnotation(2, "y")));
        out.add(base("EDF+ annotations only", EdfWriter.edfPlus().start(start)
                .addAnnotation(0.5, "start").addAnnotation(2.25, 1, "middle").addAnnotation(3, "end")));
        return out;
    }

    private Base base(String name, EdfWriter writer) throws IOException {
        Path p = dir.resolve(name.replaceAll("[^A-Za-z]", "_") + ".edf");
        writer.write(p);
        byte[] b = Files.readAllBytes(p);
        int annOffset = -1;
        int annBytes = 0;
        int recordBytes;
        try (EdfReader r = EdfReader.open(p)) {
            if (!r.warnings().isEmpty()) {
                throw new IllegalStateException(name + ": " + r.warnings());
            }
            EdfHeader h = r.header();
            int bps = h.format().bytesPerSample();
            int off = 0;
            for (EdfSignalHeader s : h.signals()) {
                if (h.format().isPlus() && s.isAnnotation() && annOffset < 0) {
                    annOffset = off;
                    annBytes = s.samplesPerRecord() * bps;
                }
                off += s.samplesPerRecord() * bps;
            }
            recordBytes = off;
            return new Base(name, b, h.signals().size(), h.headerBytes(), recordBytes, (int) h.recordCount(),
                    annOffset, annBytes);
        }
    }
}
