package io.clonus.io.edf;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes EDF, EDF+ (continuous or discontinuous), BDF and BDF+ files that EDFbrowser accepts.
 *
 * <p>Builder style: pick the format with {@link #edf()}, {@link #edfPlus()}, {@link #bdf()} or
 * {@link #bdfPlus()}, describe the recording, add signals (with their samples, in physical units) and
 * annotations, then {@link #write(Path)}. For recordings too long to hold in memory declare the
 * signals without samples ({@link #addSignal(Signal)}) and use {@link #open(Path)}, which returns a
 * {@link StreamingWriter} that takes one data record at a time.
 *
 * <pre>{@code
 * EdfWriter.edfPlus()
 *     .patient("P001", "F", null, null)
 *     .start(LocalDateTime.of(2024, 3, 5, 14, 30, 0))
 *     .recordDurationS(1)
 *     .addSignal("EMG L TA", "uV", 2000, -5000, 5000, -32768, 32767, emg)
 *     .addSignal("ACC X", "g", 100, -8, 8, -32768, 32767, accX)
 *     .addAnnotation(12.5, 4.0, "clonus")
 *     .write(path);
 * }</pre>
 *
 * <p>What is written: a header of exactly {@code 256 * (signals + 1)} bytes whose ASCII fields are
 * left-justified and space-padded; for EDF+/BDF+ the patient field in the form
 * {@code code sex birthdate name} ({@code "X X X X"} when unknown), the recording field
 * {@code "Startdate dd-MMM-yyyy X X X"} ({@code "Startdate X X X X"} when the start is unknown), the
 * reserved field {@code EDF+C}/{@code EDF+D}/{@code BDF+C}/{@code BDF+D} (plain BDF: {@code 24BIT}),
 * and an annotation signal last, with digital range -32768..32767 (EDF+) or -8388608..8388607 (BDF+,
 * the 24-bit range EDFbrowser requires there) and physical range -1..1. Each data record's annotation
 * bytes start with the time-keeping TAL {@code +onset 0x14 0x14 0x00}; an annotation goes into the
 * record whose time span holds its onset (the first or last record if it lies outside).
 *
 * <p>Numbers: physical minima and maxima are written in at most 8 characters; if the exact value is
 * longer, fraction digits are dropped rounding the minimum down and the maximum up (so the range still
 * covers the data), and the samples are scaled with the values <em>as written</em>, so reading back is
 * exact to the quantisation step. A value whose integer part does not fit, or that would round to 0,
 * is refused. The record duration must be written exactly (at most 8 characters), and every sampling
 * rate times the record duration must be a whole number of samples.
 *
 * <p>Physical values outside [physical minimum, physical maximum] are clamped to the digital range, as
 * an amplifier saturates; {@code NaN} samples are refused.
 *
 * <p>Arrays passed in are not copied: do not change them before {@link #write(Path)} returns.
 * Not thread-safe. {@link #write(Path)} creates or replaces the file; nothing else is modified.
 */
public final class EdfWriter {

    /**
     * Description of one ordinary signal to write.
     *
     * <p>Immutable and thread-safe.
     *
     * @param label up to 16 printable ASCII characters, e.g. {@code "EMG L TA"}
     * @param transducer up to 80 ASCII characters, may be empty
     * @param physicalDimension unit, up to 8 ASCII characters, e.g. {@code "uV"}
     * @param sampleRateHz samples per second; times the record duration must be a whole number
     * @param physicalMin physical value of {@code digitalMin}, in {@code physicalDimension}
     * @param physicalMax physical value of {@code digitalMax}
     * @param digitalMin smallest stored integer (&gt;= -32768 for EDF, -8388608 for BDF)
     * @param digitalMax largest stored integer (&lt;= 32767 for EDF, 8388607 for BDF), &gt; digitalMin
     * @param prefiltering up to 80 ASCII characters, e.g. {@code "HP:10Hz LP:500Hz"}, may be empty
     */
    public record Signal(String label, String transducer, String physicalDimension, double sampleRateHz,
                         double physicalMin, double physicalMax, long digitalMin, long digitalMax,
                         String prefiltering) {
        /** A signal without transducer and prefiltering text. */
        public static Signal of(String label, String physicalDimension, double sampleRateHz, double physicalMin,
                                double physicalMax, long digitalMin, long digitalMax) {
            return new Signal(label, "", physicalDimension, sampleRateHz, physicalMin, physicalMax, digitalMin,
                    digitalMax, "");
        }
    }

    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final int DEFAULT_STREAMING_ANNOTATION_BYTES = 120;

    private final EdfFormat family;
    private String patient;
    private String recording;
    private LocalDateTime start;
    private double recordDurationS = 1.0;
    private final List<Signal> signals = new ArrayList<>();
    private final List<double[]> samples = new ArrayList<>();
    private final List<EdfAnnotation> annotations = new ArrayList<>();
    private double[] recordOnsetsS;
    private int annotationBytesPerRecord;

    private EdfWriter(EdfFormat family) {
        this.family = family;
    }

    /** A writer for plain EDF (16-bit, no annotations). */
    public static EdfWriter edf() {
        return new EdfWriter(EdfFormat.EDF);
    }

    /** A writer for EDF+ (16-bit with annotations); continuous unless {@link #discontinuous(double...)} is called. */
    public static EdfWriter edfPlus() {
        return new EdfWriter(EdfFormat.EDF_PLUS_CONTINUOUS);
    }

    /** A writer for plain BDF (24-bit, no annotations). */
    public static EdfWriter bdf() {
        return new EdfWriter(EdfFormat.BDF);
    }

    /** A writer for BDF+ (24-bit with annotations); continuous unless {@link #discontinuous(double...)} is called. */
    public static EdfWriter bdfPlus() {
        return new EdfWriter(EdfFormat.BDF_PLUS_CONTINUOUS);
    }

    /**
     * The patient field, printable ASCII, at most 80 characters. For EDF/BDF it is written as given.
     * For EDF+/BDF+ a text already in the form {@code code sex birthdate name [more]} (sex M/F/X,
     * birthdate {@code dd-MMM-yyyy} or X) is written as given; any other text is kept as the free
     * "additional" subfield after {@code "X X X X "}. Default: empty (EDF) or {@code "X X X X"} (EDF+).
     */
    public EdfWriter patient(String patient) {
        this.patient = patient;
        return this;
    }

    /**
     * The EDF+ patient subfields; {@code null} or blank parts are written as X, spaces inside a part as
     * '_' (as EDF+ asks).
     *
     * @param code hospital patient code
     * @param sex "M", "F" or "X"/{@code null}
     * @param birthdate date of birth or {@code null}
     * @param name patient name or {@code null}
     */
    public EdfWriter patient(String code, String sex, LocalDate birthdate, String name) {
        String sx = sex == null || sex.isBlank() ? "X" : sex.trim().toUpperCase(Locale.ROOT);
        if (!sx.equals("M") && !sx.equals("F") && !sx.equals("X")) {
            throw new IllegalArgumentException("sex must be M, F or X, got '" + sex + "'");
        }
        this.patient = subfield(code) + " " + sx + " " + (birthdate == null ? "X" : plusDate(birthdate)) + " "
                + subfield(name);
        return this;
    }

    /**
     * The recording field. For EDF/BDF written as given (printable ASCII, at most 80 characters). For
     * EDF+/BDF+ the writer puts {@code "Startdate dd-MMM-yyyy X X X"} first and this text after it as
     * the free "additional" subfield; a text that itself starts with {@code "Startdate "} is written as
     * given and must name the same date as {@link #start(LocalDateTime)}.
     */
    public EdfWriter recording(String recording) {
        this.recording = recording;
        return this;
    }

    /**
     * Start date and time of the first data record, whole seconds (EDF cannot store fractions here).
     * Years 1985-2084 (the EDF two-digit rule); EDF+/BDF+ also allow later years. If never set, the
     * header says 01.01.85 00.00.00 and the EDF+ recording field {@code "Startdate X"} (unknown).
     */
    public EdfWriter start(LocalDateTime start) {
        this.start = start;
        return this;
    }

    /** Duration of one data record in seconds (default 1). Must be writable exactly in 8 characters; 0 only for annotation-only EDF+/BDF+. */
    public EdfWriter recordDurationS(double seconds) {
        this.recordDurationS = seconds;
        return this;
    }

    /** Adds a signal with its samples in physical units; shorthand for {@link #addSignal(Signal, double[])}. */
    public EdfWriter addSignal(String label, String physicalDimension, double sampleRateHz, double physicalMin,
                               double physicalMax, long digitalMin, long digitalMax, double[] samples) {
        return addSignal(Signal.of(label, physicalDimension, sampleRateHz, physicalMin, physicalMax, digitalMin,
                digitalMax), samples);
    }

    /** Adds a signal with its samples in physical units, for {@link #write(Path)}. The array is not copied. */
    public EdfWriter addSignal(Signal signal, double[] samples) {
        Objects.requireNonNull(samples, "samples");
        signals.add(Objects.requireNonNull(signal, "signal"));
        this.samples.add(samples);
        return this;
    }

    /** Declares a signal without samples, for {@link #open(Path)} (streaming). */
    public EdfWriter addSignal(Signal signal) {
        signals.add(Objects.requireNonNull(signal, "signal"));
        this.samples.add(null);
        return this;
    }

    /**
     * Adds an annotation (EDF+/BDF+ only).
     *
     * @param onsetS seconds from the start time
     * @param durationS seconds, {@code >= 0}; 0 writes no duration field (a point event)
     * @param text non-empty; UTF-8; may contain TAB, LF and CR but no other control characters
     */
    public EdfWriter addAnnotation(double onsetS, double durationS, String text) {
        requirePlus("annotations");
        checkAnnotation(onsetS, durationS, text);
        annotations.add(new EdfAnnotation(onsetS, durationS, text));
        return this;
    }

    /** Adds an annotation without duration (a point event). */
    public EdfWriter addAnnotation(double onsetS, String text) {
        return addAnnotation(onsetS, 0.0, text);
    }

    /**
     * Makes the file EDF+D/BDF+D with the given start of every data record, in seconds from the start
     * time. The first onset must lie in [0, 1) (EDF+ stores the fraction of the start second there);
     * each next onset must be at least one record duration later; a larger step is a gap. With
     * {@link #write(Path)} there must be one onset per record. For streaming, call this without
     * arguments and pass the onsets to {@link StreamingWriter#writeRecord(double, double[]...)}.
     */
    public EdfWriter discontinuous(double... recordOnsetsS) {
        requirePlus("a discontinuous file");
        this.recordOnsetsS = recordOnsetsS.clone();
        return this;
    }

    /**
     * Bytes reserved for annotations in every data record. {@link #write(Path)} sizes this itself (this
     * is then a minimum); for streaming the default is 120, enough for the time-keeping entry and a few
     * short annotations. Rounded up to whole samples (2 bytes EDF+, 3 bytes BDF+).
     */
    public EdfWriter annotationBytesPerRecord(int bytes) {
        requirePlus("annotation space");
        if (bytes < 0) {
            throw new IllegalArgumentException("annotation bytes per record must be >= 0, got " + bytes);
        }
        this.annotationBytesPerRecord = bytes;
        return this;
    }

    /**
     * Writes the file (created or replaced). All signals must have been added with samples covering the
     * same whole number of data records.
     *
     * @throws IllegalArgumentException if the description cannot be written as valid EDF (the message says why)
     */
    public void write(Path file) throws IOException {
        for (int i = 0; i < signals.size(); i++) {
            if (samples.get(i) == null) {
                throw new IllegalStateException("signal '" + signals.get(i).label()
                        + "' was declared without samples; add samples or use open(Path) to stream");
            }
        }
        Layout probe = new Layout(this, 0); // validates everything except the record count
        int n = recordCount(probe);
        boolean disc = recordOnsetsS != null;
        if (disc && recordOnsetsS.length != n) {
            throw new IllegalArgumentException("discontinuous() was given " + recordOnsetsS.length
                    + " record onsets but the samples fill " + n + " data records");
        }
        BigDecimal[] onsets = new BigDecimal[n];
        for (int r = 0; r < n; r++) {
            onsets[r] = disc ? onsetDecimal(recordOnsetsS[r]) : probe.duration.multiply(BigDecimal.valueOf(r));
        }
        checkOnsets(onsets, probe.duration);

        // distribute annotations over records and size the annotation signal
        List<List<EdfAnnotation>> perRecord = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            perRecord.add(new ArrayList<>(0));
        }
        for (EdfAnnotation a : annotations) {
            perRecord.get(recordFor(a.onsetS(), onsets)).add(a);
        }
        int needed = 0;
        if (family.isPlus()) {
            for (int r = 0; r < n; r++) {
                int bytes = Tal.timeKeepingLength(EdfNumbers.talOnset(onsets[r]));
                for (EdfAnnotation a : perRecord.get(r)) {
                    bytes += talLength(a);
                }
                needed = Math.max(needed, bytes);
            }
        }
        Layout layout = new Layout(this, Math.max(needed, annotationBytesPerRecord));
        try (StreamingWriter w = new StreamingWriter(layout, file, n)) {
            double[][] rec = new double[layout.spr.length][];
            for (int i = 0; i < rec.length; i++) {
                rec[i] = new double[layout.spr[i]];
            }
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < rec.length; i++) {
                    System.arraycopy(samples.get(i), r * layout.spr[i], rec[i], 0, layout.spr[i]);
                }
                w.writeRecordAt(onsets[r], rec, perRecord.get(r));
            }
        }
    }

    /**
     * Opens a file for writing record by record. Signals must have been declared with
     * {@link #addSignal(Signal)}. Annotations added to this builder are ignored; add them to the
     * returned writer. The header's record count is written as -1 (unknown, as EDF prescribes while
     * recording) and set when the writer is closed.
     */
    public StreamingWriter open(Path file) throws IOException {
        for (int i = 0; i < signals.size(); i++) {
            if (samples.get(i) != null) {
                throw new IllegalStateException("signal '" + signals.get(i).label()
                        + "' was added with samples; declare streaming signals with addSignal(Signal)");
            }
        }
        if (recordOnsetsS != null && recordOnsetsS.length > 0) {
            throw new IllegalStateException("for streaming, call discontinuous() without onsets and pass each"
                    + " record's onset to writeRecord(onsetS, ...)");
        }
        int bytes = annotationBytesPerRecord > 0 ? annotationBytesPerRecord : DEFAULT_STREAMING_ANNOTATION_BYTES;
        Layout layout = new Layout(this, family.isPlus() ? bytes : 0);
        return new StreamingWriter(layout, file, -1);
    }

    // ------------------------------------------------------------------ planning helpers

    private int recordCount(Layout layout) {
        int data = layout.spr.length;
        if (data == 0) {
            if (recordOnsetsS != null) {
                return Math.max(1, recordOnsetsS.length);
            }
            double last = 0;
            for (EdfAnnotation a : annotations) {
                last = Math.max(last, a.onsetS());
            }
            if (layout.duration.signum() == 0) {
                return 1;
            }
            // enough records that the last annotation's onset falls inside one
            return (int) Math.min(99_999_999L, (long) Math.floor(last / layout.duration.doubleValue()) + 1);
        }
        long records = -1;
        for (int i = 0; i < data; i++) {
            int len = samples.get(i).length;
            int spr = layout.spr[i];
            if (len % spr != 0) {
                throw new IllegalArgumentException("signal '" + signals.get(i).label() + "' has " + len
                        + " samples, not a whole number of " + EdfNumbers.plain(layout.duration) + " s data records ("
                        + spr + " samples each); trim or pad it to a multiple of " + spr);
            }
            long r = len / spr;
            if (records >= 0 && r != records) {
                throw new IllegalArgumentException("signals cover different durations: '" + signals.get(0).label()
                        + "' fills " + records + " data records, '" + signals.get(i).label() + "' fills " + r);
            }
            records = r;
        }
        if (records > 99_999_999L) {
            throw new IllegalArgumentException(records + " data records do not fit the 8-character header field;"
                    + " use a longer record duration");
        }
        return (int) records;
    }

    private static int recordFor(double onsetS, BigDecimal[] onsets) {
        // last record starting at or before the onset; records before the first go to the first
        int lo = 0;
        int hi = onsets.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (onsets[mid].doubleValue() <= onsetS) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static BigDecimal onsetDecimal(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("record onset must be finite, got " + seconds);
        }
        return EdfNumbers.decimal(seconds).setScale(EdfNumbers.TAL_DECIMALS, RoundingMode.HALF_EVEN);
    }

    private static void checkOnsets(BigDecimal[] onsets, BigDecimal duration) {
        for (int r = 0; r < onsets.length; r++) {
            checkNextOnset(r, r == 0 ? null : onsets[r - 1], onsets[r], duration);
        }
    }

    private static void checkNextOnset(long r, BigDecimal previous, BigDecimal onset, BigDecimal duration) {
        if (previous == null) {
            if (onset.signum() < 0 || onset.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("the first data record must start within the first second"
                        + " after the start time (EDF+ keeps only the fraction of a second there), got "
                        + EdfNumbers.plain(onset) + " s; move start() instead");
            }
        } else if (onset.subtract(previous).compareTo(duration) < 0) {
            throw new IllegalArgumentException("data record " + (r + 1) + " starts at " + EdfNumbers.plain(onset)
                    + " s, less than one record duration (" + EdfNumbers.plain(duration)
                    + " s) after the previous record at " + EdfNumbers.plain(previous) + " s");
        }
    }

    private static int talLength(EdfAnnotation a) {
        return Tal.annotationLength(EdfNumbers.talOnset(EdfNumbers.decimal(a.onsetS())), durationText(a),
                a.text().getBytes(StandardCharsets.UTF_8));
    }

    private static String durationText(EdfAnnotation a) {
        return a.durationS() > 0 ? EdfNumbers.talDuration(EdfNumbers.decimal(a.durationS())) : null;
    }

    private void requirePlus(String what) {
        if (!family.isPlus()) {
            throw new IllegalArgumentException("plain " + family.displayName() + " cannot hold " + what
                    + "; use EdfWriter." + (family.isBdf() ? "bdfPlus()" : "edfPlus()"));
        }
    }

    private static void checkAnnotation(double onsetS, double durationS, String text) {
        if (!Double.isFinite(onsetS)) {
            throw new IllegalArgumentException("annotation onset must be finite, got " + onsetS);
        }
        if (!Double.isFinite(durationS) || durationS < 0) {
            throw new IllegalArgumentException("annotation duration must be finite and >= 0 s, got " + durationS);
        }
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("annotation text must not be empty (an empty text marks time-keeping)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 && c != '\t' && c != '\n' && c != '\r') {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "annotation text '%s' contains control character 0x%02X; EDF+ allows only TAB, LF and CR",
                        text, (int) c));
            }
        }
    }

    private static String subfield(String s) {
        return s == null || s.isBlank() ? "X" : s.trim().replace(' ', '_');
    }

    private static String plusDate(LocalDate d) {
        return String.format(Locale.ROOT, "%02d-%s-%04d", d.getDayOfMonth(), MONTHS[d.getMonthValue() - 1], d.getYear());
    }

    private static boolean isPlusPatient(String p) {
        String[] t = p.split(" ", -1);
        if (t.length < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (t[i].isEmpty()) {
                return false;
            }
        }
        return t[1].matches("[MFX]") && (t[2].equals("X") || t[2].matches("\\d\\d-(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-\\d{4}"));
    }

    // ------------------------------------------------------------------ layout: everything the header says

    /** Validated, formatted header content; immutable once built. */
    private static final class Layout {
        final EdfFormat format;
        final BigDecimal duration;
        final String durationText;
        final int[] spr;
        final double[] gain;
        final double[] offset;
        final long[] digMin;
        final long[] digMax;
        final String[] physMinText;
        final String[] physMaxText;
        final int annotationSpr;
        final int recordBytes;
        final byte[] header;

        Layout(EdfWriter b, int annotationBytes) {
            this.format = b.family.withDiscontinuous(b.recordOnsetsS != null);
            int bps = format.bytesPerSample();
            if (!Double.isFinite(b.recordDurationS) || b.recordDurationS < 0) {
                throw new IllegalArgumentException("record duration must be >= 0 s, got " + b.recordDurationS);
            }
            this.duration = EdfNumbers.decimal(b.recordDurationS);
            this.durationText = EdfNumbers.plain(duration);
            if (durationText.length() > 8) {
                throw new IllegalArgumentException("record duration " + durationText
                        + " s cannot be written exactly in the 8-character EDF field");
            }
            int n = b.signals.size();
            if (n == 0 && !format.isPlus()) {
                throw new IllegalArgumentException("a plain " + format.displayName()
                        + " file needs at least one signal (annotation-only files need EDF+/BDF+)");
            }
            if (duration.signum() == 0 && n > 0) {
                throw new IllegalArgumentException("record duration 0 is only allowed for annotation-only EDF+/BDF+ files");
            }
            spr = new int[n];
            gain = new double[n];
            offset = new double[n];
            digMin = new long[n];
            digMax = new long[n];
            physMinText = new String[n];
            physMaxText = new String[n];
            for (int i = 0; i < n; i++) {
                Signal s = b.signals.get(i);
                String who = "signal '" + s.label() + "'";
                ascii(s.label(), 16, "label of " + who);
                if (s.label().trim().isEmpty()) {
                    throw new IllegalArgumentException("signal " + (i + 1) + " has an empty label");
                }
                if (s.label().trim().equals(EdfSignalHeader.EDF_ANNOTATIONS)
                        || s.label().trim().equals(EdfSignalHeader.BDF_ANNOTATIONS)) {
                    throw new IllegalArgumentException("the label '" + s.label()
                            + "' is reserved for the annotation signal, which the writer adds itself");
                }
                ascii(s.transducer(), 80, "transducer of " + who);
                ascii(s.physicalDimension(), 8, "physical dimension of " + who + " (write uV, not \u00b5V)");
                ascii(s.prefiltering(), 80, "prefiltering of " + who);
                spr[i] = samplesPerRecord(s, b.signals);
                if (s.digitalMin() >= s.digitalMax()) {
                    throw new IllegalArgumentException(who + " digital minimum " + s.digitalMin()
                            + " >= digital maximum " + s.digitalMax());
                }
                if (s.digitalMin() < format.digitalFloor() || s.digitalMax() > format.digitalCeiling()) {
                    throw new IllegalArgumentException(who + " digital range " + s.digitalMin() + ".." + s.digitalMax()
                            + " is outside the " + (format.isBdf() ? "24-bit BDF" : "16-bit EDF") + " range "
                            + format.digitalFloor() + ".." + format.digitalCeiling());
                }
                boolean inverted = s.physicalMin() > s.physicalMax();
                physMinText[i] = EdfNumbers.fitWidth(s.physicalMin(), 8,
                        inverted ? RoundingMode.CEILING : RoundingMode.FLOOR, "physical minimum of " + who);
                physMaxText[i] = EdfNumbers.fitWidth(s.physicalMax(), 8,
                        inverted ? RoundingMode.FLOOR : RoundingMode.CEILING, "physical maximum of " + who);
                double pmin = Double.parseDouble(physMinText[i]);
                double pmax = Double.parseDouble(physMaxText[i]);
                if (pmin == pmax) {
                    throw new IllegalArgumentException(who + " physical minimum and maximum are both " + physMinText[i]
                            + " as written; they must differ");
                }
                // rounding widened the range; more than 1% would coarsen the resolution noticeably
                double asked = Math.abs(s.physicalMax() - s.physicalMin());
                if (Math.abs(pmax - pmin) > asked * 1.01) {
                    throw new IllegalArgumentException(who + " physical range " + s.physicalMin() + ".." + s.physicalMax()
                            + " can only be written in 8 characters as " + physMinText[i] + ".." + physMaxText[i]
                            + ", which would coarsen the resolution; use a unit that makes the numbers shorter"
                            + " (e.g. nV instead of V)");
                }
                digMin[i] = s.digitalMin();
                digMax[i] = s.digitalMax();
                // the reader's formula, from the values exactly as written
                gain[i] = (pmax - pmin) / (double) (digMax[i] - digMin[i]);
                offset[i] = pmin - gain[i] * digMin[i];
            }
            annotationSpr = format.isPlus() ? Math.max(1, (annotationBytes + bps - 1) / bps) : 0;
            long rb = (long) annotationSpr * bps;
            for (int v : spr) {
                rb += (long) v * bps;
            }
            if (rb > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("one data record would be " + rb + " bytes; use a shorter record duration");
            }
            recordBytes = (int) rb;
            header = buildHeader(b);
        }

        private int samplesPerRecord(Signal s, List<Signal> all) {
            double rate = s.sampleRateHz();
            if (!Double.isFinite(rate) || rate <= 0) {
                throw new IllegalArgumentException("signal '" + s.label() + "' sampling rate must be > 0 Hz, got " + rate);
            }
            double exact = rate * duration.doubleValue();
            long rounded = Math.round(exact);
            if (rounded < 1 || Math.abs(exact - rounded) > 1e-9 * Math.max(1.0, exact)) {
                throw new IllegalArgumentException("signal '" + s.label() + "' at " + EdfNumbers.plain(BigDecimal.valueOf(rate))
                        + " Hz does not fit a " + durationText + " s data record: that is " + EdfNumbers.seconds(exact)
                        + " samples per record, but it must be a whole number; " + suggestDurations(all));
            }
            if (rounded > 99_999_999L) {
                throw new IllegalArgumentException("signal '" + s.label() + "' would have " + rounded
                        + " samples per record; use a shorter record duration");
            }
            return (int) rounded;
        }

        private static String suggestDurations(List<Signal> all) {
            double[] candidates = {0.1, 0.125, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10};
            List<String> ok = new ArrayList<>();
            for (double d : candidates) {
                boolean fits = true;
                for (Signal s : all) {
                    double e = s.sampleRateHz() * d;
                    if (Math.round(e) < 1 || Math.abs(e - Math.round(e)) > 1e-9 * Math.max(1.0, e)) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    ok.add(EdfNumbers.plain(BigDecimal.valueOf(d)) + " s");
                }
                if (ok.size() == 3) {
                    break;
                }
            }
            return ok.isEmpty() ? "choose a record duration that gives every signal a whole number of samples"
                    : "record durations that fit all signals: " + String.join(", ", ok);
        }

        private byte[] buildHeader(EdfWriter b) {
            int ns = spr.length + (format.isPlus() ? 1 : 0);
            byte[] h = new byte[256 * (ns + 1)];
            Arrays.fill(h, (byte) ' ');
            if (format.isBdf()) {
                h[0] = (byte) 0xFF;
                put(h, 1, 7, "BIOSEMI");
            } else {
                put(h, 0, 8, "0");
            }
            put(h, 8, 80, patientField(b));
            put(h, 88, 80, recordingField(b));
            LocalDateTime st = b.start == null ? LocalDateTime.of(1985, 1, 1, 0, 0, 0) : b.start;
            if (st.getNano() != 0) {
                throw new IllegalArgumentException("start time " + st + " has a fraction of a second; EDF stores whole seconds");
            }
            int year = st.getYear();
            String yy;
            if (year >= 1985 && year <= 2084) {
                yy = String.format(Locale.ROOT, "%02d", year % 100);
            } else if (year > 2084 && format.isPlus()) {
                yy = "yy"; // EDF+: after 2084 only the recording field carries the year
            } else {
                throw new IllegalArgumentException("start year " + year + " cannot be written: EDF dates cover 1985-2084"
                        + (format.isPlus() ? " (EDF+ also later years)" : ""));
            }
            put(h, 168, 8, String.format(Locale.ROOT, "%02d.%02d.%s", st.getDayOfMonth(), st.getMonthValue(), yy));
            put(h, 176, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", st.getHour(), st.getMinute(), st.getSecond()));
            put(h, 184, 8, Integer.toString(h.length));
            put(h, 192, 44, format.reservedField());
            put(h, 236, 8, "-1");
            put(h, 244, 8, durationText);
            put(h, 252, 4, Integer.toString(ns));
            int base = 256;
            for (int i = 0; i < ns; i++) {
                boolean ann = i == spr.length;
                Signal s = ann ? null : b.signals.get(i);
                put(h, base + i * 16, 16, ann ? format.annotationLabel() : s.label());
                put(h, base + ns * 16 + i * 80, 80, ann ? "" : s.transducer());
                put(h, base + ns * 96 + i * 8, 8, ann ? "" : s.physicalDimension());
                put(h, base + ns * 104 + i * 8, 8, ann ? "-1" : physMinText[i]);
                put(h, base + ns * 112 + i * 8, 8, ann ? "1" : physMaxText[i]);
                put(h, base + ns * 120 + i * 8, 8, Long.toString(ann ? format.digitalFloor() : digMin[i]));
                put(h, base + ns * 128 + i * 8, 8, Long.toString(ann ? format.digitalCeiling() : digMax[i]));
                put(h, base + ns * 136 + i * 80, 80, ann ? "" : s.prefiltering());
                put(h, base + ns * 216 + i * 8, 8, Integer.toString(ann ? annotationSpr : spr[i]));
            }
            return h;
        }

        private String patientField(EdfWriter b) {
            String p = b.patient == null ? null : b.patient.trim();
            String out;
            if (!format.isPlus()) {
                out = p == null ? "" : p;
            } else if (p == null || p.isEmpty()) {
                out = "X X X X";
            } else if (isPlusPatient(p)) {
                out = p;
            } else {
                out = "X X X X " + p;
            }
            ascii(out, 80, "patient field");
            return out;
        }

        private String recordingField(EdfWriter b) {
            String r = b.recording == null ? null : b.recording.trim();
            String out;
            if (!format.isPlus()) {
                out = r == null ? "" : r;
            } else {
                String date = "Startdate " + (b.start == null ? "X" : plusDate(b.start.toLocalDate()));
                if (r == null || r.isEmpty()) {
                    out = date + " X X X";
                } else if (r.startsWith("Startdate ")) {
                    if (!(r + " ").startsWith(date + " ")) {
                        throw new IllegalArgumentException("recording field '" + r + "' must start with '" + date
                                + "' to match the start date");
                    }
                    out = r;
                } else {
                    out = date + " X X X " + r;
                }
            }
            ascii(out, 80, "recording field");
            return out;
        }

        private static void ascii(String s, int max, String what) {
            Objects.requireNonNull(s, what);
            if (s.length() > max) {
                throw new IllegalArgumentException(what + " '" + s + "' is longer than " + max + " characters");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 32 || c > 126) {
                    throw new IllegalArgumentException(what + " '" + s + "' contains '" + c
                            + "'; EDF header fields are printable ASCII");
                }
            }
        }

        private static void put(byte[] h, int off, int len, String s) {
            if (s.length() > len) {
                throw new IllegalArgumentException("'" + s + "' does not fit a " + len + "-character header field");
            }
            for (int i = 0; i < s.length(); i++) {
                h[off + i] = (byte) s.charAt(i);
            }
        }
    }

    // ------------------------------------------------------------------ streaming

    /**
     * Writes a file one data record at a time, so recordings of any length can be produced without
     * holding them in memory. Obtain one from {@link EdfWriter#open(Path)}.
     *
     * <p>The header is written first with record count -1; {@link #close()} writes the real count. A
     * file whose writer was not closed therefore says -1, which {@link EdfReader} accepts (deriving the
     * count from the file size, with a warning). Steady-state {@code writeRecord} calls do not allocate.
     *
     * <p>Not thread-safe.
     */
    public static final class StreamingWriter implements Closeable {
        private final Layout layout;
        private final FileChannel channel;
        private final ByteBuffer record;
        private final ByteArrayOutputStream tal = new ByteArrayOutputStream(128);
        private final List<EdfAnnotation> pending = new ArrayList<>();
        private final long expectedRecords;
        private long written;
        private long clipped;
        private BigDecimal previousOnset;
        private boolean closed;

        private StreamingWriter(Layout layout, Path file, long expectedRecords) throws IOException {
            this.layout = layout;
            this.expectedRecords = expectedRecords;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            this.record = ByteBuffer.allocate(layout.recordBytes);
            try {
                writeFully(ByteBuffer.wrap(layout.header), 0);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        /** The format being written (EDF+D/BDF+D if {@link EdfWriter#discontinuous(double...)} was called). */
        public EdfFormat format() {
            return layout.format;
        }

        /** Samples per data record of each ordinary signal, in declaration order. */
        public int[] samplesPerRecord() {
            return layout.spr.clone();
        }

        /** Number of data records written so far. */
        public long recordsWritten() {
            return written;
        }

        /** Number of samples so far that lay outside their physical range and were clamped. */
        public long clippedSamples() {
            return clipped;
        }

        /**
         * Appends one data record of a continuous file: {@code perSignal[i]} holds exactly
         * samples-per-record physical values of the i-th declared signal. Pending annotations go into
         * this record.
         */
        public void writeRecord(double[]... perSignal) throws IOException {
            if (layout.format.isDiscontinuous()) {
                throw new IllegalStateException("this is a discontinuous file; use writeRecord(onsetS, ...)");
            }
            writeRecordAt(layout.duration.multiply(BigDecimal.valueOf(written)), perSignal, null);
        }

        /**
         * Appends one data record of an EDF+D/BDF+D file starting at {@code onsetS} seconds from the
         * start time (see {@link EdfWriter#discontinuous(double...)} for the rules).
         */
        public void writeRecord(double onsetS, double[]... perSignal) throws IOException {
            if (!layout.format.isDiscontinuous()) {
                throw new IllegalStateException("this is a continuous file; use writeRecord(perSignal) or call"
                        + " discontinuous() on the builder");
            }
            writeRecordAt(onsetDecimal(onsetS), perSignal, null);
        }

        /**
         * Queues an annotation for the next record written (EDF+/BDF+ only); it must fit the annotation
         * space per record together with the time-keeping entry.
         */
        public void addAnnotation(double onsetS, double durationS, String text) {
            if (!layout.format.isPlus()) {
                throw new IllegalArgumentException("plain " + layout.format.displayName() + " cannot hold annotations");
            }
            checkAnnotation(onsetS, durationS, text);
            EdfAnnotation a = new EdfAnnotation(onsetS, durationS, text);
            int room = layout.annotationSpr * layout.format.bytesPerSample() - Tal.timeKeepingLength("+99999999.1234567");
            if (talLength(a) > room) {
                throw new IllegalArgumentException("annotation '" + text + "' needs " + talLength(a)
                        + " bytes but only " + room + " fit a data record; raise annotationBytesPerRecord()");
            }
            pending.add(a);
        }

        /** Queues an annotation without duration (a point event) for the next record written. */
        public void addAnnotation(double onsetS, String text) {
            addAnnotation(onsetS, 0.0, text);
        }

        private void writeRecordAt(BigDecimal onset, double[][] perSignal, List<EdfAnnotation> annotations)
                throws IOException {
            if (closed) {
                throw new IllegalStateException("writer is closed");
            }
            if (perSignal.length != layout.spr.length) {
                throw new IllegalArgumentException("expected samples for " + layout.spr.length + " signals, got "
                        + perSignal.length);
            }
            if (layout.format.isPlus()) {
                checkNextOnset(written, previousOnset, onset, layout.duration);
            }
            if (written >= 99_999_999L) {
                throw new IllegalStateException("EDF cannot hold more than 99999999 data records");
            }
            record.clear();
            byte[] out = record.array();
            int p = 0;
            int bps = layout.format.bytesPerSample();
            for (int i = 0; i < perSignal.length; i++) {
                double[] x = perSignal[i];
                if (x.length != layout.spr[i]) {
                    throw new IllegalArgumentException("signal " + (i + 1) + " needs " + layout.spr[i]
                            + " samples per record, got " + x.length);
                }
                double g = layout.gain[i];
                double o = layout.offset[i];
                long lo = layout.digMin[i];
                long hi = layout.digMax[i];
                for (int k = 0; k < x.length; k++) {
                    double v = x[k];
                    if (Double.isNaN(v)) {
                        throw new IllegalArgumentException("signal " + (i + 1) + " sample " + k + " of data record "
                                + (written + 1) + " is NaN; EDF cannot store missing values");
                    }
                    long d = (long) Math.rint((v - o) / g);
                    if (d < lo) {
                        d = lo;
                        clipped++;
                    } else if (d > hi) {
                        d = hi;
                        clipped++;
                    }
                    out[p] = (byte) d;
                    out[p + 1] = (byte) (d >> 8);
                    if (bps == 3) {
                        out[p + 2] = (byte) (d >> 16);
                    }
                    p += bps;
                }
            }
            if (layout.format.isPlus()) {
                tal.reset();
                Tal.writeTimeKeeping(tal, EdfNumbers.talOnset(onset));
                List<EdfAnnotation> anns = annotations != null ? annotations : pending;
                for (EdfAnnotation a : anns) {
                    Tal.writeAnnotation(tal, EdfNumbers.talOnset(EdfNumbers.decimal(a.onsetS())), durationText(a),
                            a.text().getBytes(StandardCharsets.UTF_8));
                }
                int room = layout.annotationSpr * bps;
                if (tal.size() > room) {
                    // only reachable for streaming: several queued annotations together overflow the record
                    throw new IllegalStateException("annotations queued for data record " + (written + 1) + " need "
                            + tal.size() + " bytes but the record holds " + room + "; raise annotationBytesPerRecord()"
                            + " or write records between annotations");
                }
                byte[] t = tal.toByteArray();
                System.arraycopy(t, 0, out, p, t.length);
                Arrays.fill(out, p + t.length, p + room, (byte) 0);
                p += room;
                if (annotations == null) {
                    pending.clear();
                }
            }
            record.limit(p);
            writeFully(record, (long) layout.header.length + written * (long) layout.recordBytes);
            previousOnset = onset;
            written++;
        }

        /**
         * Writes the record count into the header and closes the file. Fails (after closing, with the
         * file valid) if annotations are still queued, since they would be lost.
         */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                byte[] count = String.format(Locale.ROOT, "%-8d", written).getBytes(StandardCharsets.US_ASCII);
                writeFully(ByteBuffer.wrap(count), 236);
            } finally {
                channel.close();
            }
            if (expectedRecords >= 0 && written != expectedRecords) {
                throw new IllegalStateException("wrote " + written + " data records, expected " + expectedRecords);
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException(pending.size() + " annotation(s) were added after the last data record"
                        + " and are not in the file; write another record after adding them");
            }
        }

        private void writeFully(ByteBuffer b, long pos) throws IOException {
            long p = pos;
            while (b.hasRemaining()) {
                p += channel.write(b, p);
            }
        }
    }
}
