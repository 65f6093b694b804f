package io.clonus.io.edf;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads EDF, EDF+ (continuous and discontinuous), BDF and BDF+ files.
 *
 * <p>{@link #open(Path)} reads and validates the header and checks the file size against it; for
 * EDF+/BDF+ it also reads the annotation signal of every data record once (only those bytes), to get
 * each record's start time and the annotations. Samples are never loaded as a whole: the
 * {@code readSignal} methods read only the data records they need, through a {@link FileChannel}
 * and one reusable buffer, so steady-state reads do not allocate.
 *
 * <p><b>Time.</b> All times are seconds relative to {@link EdfHeader#start()}. Sample {@code k} of a
 * signal lies in data record {@code k / samplesPerRecord}; its time is
 * {@link #sampleTimeS(int, long)}.
 *
 * <p><b>Discontinuous files (EDF+D/BDF+D).</b> The data records of such a file may be separated by
 * gaps. {@link #segments()} lists the runs of contiguous records and where they start. The
 * {@code readSignal} methods address samples by their index in the file, which <em>concatenates</em>
 * the records and so silently closes the gaps: sample indices are not a time axis there. Use
 * {@link #segments()} with {@link #readSegment(int, Segment)} (or {@link #sampleTimeS(int, long)}) to
 * keep time right. For EDF, BDF, EDF+C and BDF+C there is exactly one segment.
 *
 * <p><b>Damaged files.</b> A file shorter than its header declares is refused by default with an
 * {@link EdfFormatException} naming the number of records present;
 * {@link TruncationPolicy#READ_COMPLETE_RECORDS} reads the complete records instead and says so in
 * {@link #warnings()}. A record count of -1 (the writer had not finished) is replaced by the number of
 * complete records in the file, with a warning. Bytes after the last declared record are ignored, with a
 * warning.
 *
 * <p><b>Hostile files.</b> Every size a header declares is checked against the file's length, and against
 * the plausibility limits in {@link EdfLimits}, before anything is allocated from it; the only buffer for
 * samples is {@link EdfLimits#READ_CHUNK_BYTES} long whatever the header says. Physical ranges that would
 * turn a stored value into an infinite or NaN sample, non-finite or implausible durations, rates and TAL
 * times are refused. So every sample read is finite, and every damaged file gives an
 * {@link EdfFormatException} whose message names the field, its value and what would be right.
 *
 * <p><b>Not thread-safe</b>: one reader must be used by one thread at a time (its read buffer is
 * shared). Use {@link #reopen()} to get one reader per thread (or per signal) without parsing the header
 * again. Nothing is ever written to the file.
 */
public final class EdfReader implements Closeable {

    /** What {@link #open(Path, TruncationPolicy)} does when the file holds fewer records than its header declares. */
    public enum TruncationPolicy {
        /** Throw {@link EdfFormatException} (the default): the recording is incomplete and the user should know. */
        REFUSE,
        /** Use the complete records that are present and report the loss in {@link #warnings()}. */
        READ_COMPLETE_RECORDS
    }

    /**
     * A run of contiguous data records.
     *
     * <p>Immutable and thread-safe.
     *
     * @param startS start of the first record, seconds from the header start time
     * @param firstRecord index (from 0) of the first data record of the run
     * @param recordCount number of data records in the run
     */
    public record Segment(double startS, long firstRecord, long recordCount) {
        /** Index of the record after the last one of this run. */
        public long endRecord() {
            return firstRecord + recordCount;
        }

        /** Seconds covered: {@code recordCount * recordDurationS}. */
        public double durationS(double recordDurationS) {
            return recordCount * recordDurationS;
        }

        /** End of the run in seconds from the header start time. */
        public double endS(double recordDurationS) {
            return startS + durationS(recordDurationS);
        }
    }

    private static final int HEADER_BLOCK = 256;
    /** Records of at most this many bytes are read whole, in batches, when scanning annotations. */
    private static final int ANNOTATION_BATCH_BYTES = 1 << 20;
    /** Headers parsed so far in this JVM; lets tests check that a header is parsed once per file. */
    static final AtomicLong HEADER_PARSES = new AtomicLong();
    private static final Pattern DATE = Pattern.compile("(\\d\\d)\\.(\\d\\d)\\.(\\d\\d|yy)");
    private static final Pattern TIME = Pattern.compile("(\\d\\d)\\.(\\d\\d)\\.(\\d\\d)");
    private static final Pattern PLUS_STARTDATE =
            Pattern.compile("Startdate (\\d\\d)-([A-Za-z]{3})-(\\d{4})(\\s.*)?");
    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private final Path file;
    private final FileChannel channel;
    private final EdfHeader header;
    private final int bytesPerSample;
    private final long recordBytes;
    private final long[] signalOffsetInRecord;
    private final ByteBuffer buffer;
    /** Samples {@link #buffer} holds: at most {@link EdfLimits#READ_CHUNK_BYTES} worth. */
    private final int chunkSamples;
    private final List<String> warnings;
    private final double[] recordOnsets;
    private final List<EdfAnnotation> annotations;
    private final List<Segment> segments;

    private EdfReader(Path file, FileChannel channel, TruncationPolicy truncation) throws IOException {
        this.file = file;
        this.channel = channel;
        List<String> warn = new ArrayList<>();
        this.header = parseHeader(truncation, warn);
        this.bytesPerSample = header.format().bytesPerSample();
        this.recordBytes = header.recordBytes();
        List<EdfSignalHeader> signals = header.signals();
        this.signalOffsetInRecord = new long[signals.size()];
        long off = 0;
        int maxSamples = 1;
        for (EdfSignalHeader s : signals) {
            signalOffsetInRecord[s.index()] = off;
            off += (long) s.samplesPerRecord() * bytesPerSample;
            maxSamples = Math.max(maxSamples, s.samplesPerRecord());
        }
        this.chunkSamples = Math.min(maxSamples, EdfLimits.READ_CHUNK_BYTES / bytesPerSample);
        this.buffer = ByteBuffer.allocate(chunkSamples * bytesPerSample);

        if (header.format().isPlus() && header.recordCount() > 0) {
            // parseHeader has checked the count against the file size (and EdfLimits.MAX_RECORDS)
            this.recordOnsets = new double[(int) header.recordCount()];
            List<EdfAnnotation> found = new ArrayList<>();
            scanAnnotations(found, warn);
            found.sort(Comparator.comparingDouble(EdfAnnotation::onsetS)); // stable: file order for ties
            this.annotations = Collections.unmodifiableList(found);
            this.segments = findSegments();
        } else {
            this.recordOnsets = null;
            this.annotations = List.of();
            this.segments = header.recordCount() > 0
                    ? List.of(new Segment(0.0, 0, header.recordCount()))
                    : List.of();
        }
        this.warnings = List.copyOf(warn);
    }

    /** A reader of the same file sharing {@code from}'s parsed (immutable) state, with its own channel and buffer. */
    private EdfReader(EdfReader from, FileChannel channel) {
        this.file = from.file;
        this.channel = channel;
        this.header = from.header;
        this.bytesPerSample = from.bytesPerSample;
        this.recordBytes = from.recordBytes;
        this.signalOffsetInRecord = from.signalOffsetInRecord;
        this.chunkSamples = from.chunkSamples;
        this.buffer = ByteBuffer.allocate(from.buffer.capacity());
        this.warnings = from.warnings;
        this.recordOnsets = from.recordOnsets;
        this.annotations = from.annotations;
        this.segments = from.segments;
    }

    /**
     * Opens a file, parses and validates its header and (EDF+/BDF+) its time-keeping and annotations.
     * A file shorter than its header declares is refused.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws EdfFormatException if the file is not valid EDF/EDF+/BDF/BDF+ or is truncated
     * @throws IOException on other read errors
     */
    public static EdfReader open(Path file) throws IOException {
        return open(file, TruncationPolicy.REFUSE);
    }

    /** Like {@link #open(Path)}, choosing what to do when the file holds fewer records than declared. */
    public static EdfReader open(Path file, TruncationPolicy truncation) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(truncation, "truncation");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new EdfReader(file, ch, truncation);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(ch, e);
            throw e;
        }
    }

    /**
     * Opens another reader of the same file that shares this one's parsed header, warnings, record starts,
     * annotations and segments, without reading or checking the header again: only the file is opened.
     * Use it for one reader per thread, or per signal, of a file whose header is large (a file of 9,999
     * signals has a 2.56 MB header). Works after this reader has been closed; the new reader must be closed
     * on its own.
     *
     * @throws EdfFormatException if the file is now shorter than the header and records this reader uses
     *     (it was changed since it was opened)
     * @throws IOException if the file cannot be opened
     */
    public EdfReader reopen() throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long needed = header.headerBytes() + header.recordCount() * recordBytes;
            long size = ch.size();
            if (size < needed) {
                throw error("file is now " + size + " bytes, shorter than the " + needed + " bytes of header and "
                        + header.recordCount() + " data records it had when it was opened (changed since?)");
            }
            return new EdfReader(this, ch);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(ch, e);
            throw e;
        }
    }

    /** Closes the channel of a reader that could not be made; a failure to close is added to {@code failure}. */
    private static void closeAfterFailure(FileChannel ch, Throwable failure) {
        try {
            ch.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    /** The validated header. */
    public EdfHeader header() {
        return header;
    }

    /** The file this reader reads. */
    public Path file() {
        return file;
    }

    /**
     * Things that are not fatal but that a user should know, one sentence each (e.g. the record count
     * was derived from the file size). Empty for a clean file.
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Reads one whole signal in physical units. Allocates the result; for long recordings prefer
     * {@link #readSignal(int, long, double[], int, int)}. For EDF+D/BDF+D the records are concatenated
     * without their gaps (see the class comment).
     *
     * @param signalIndex index into {@link EdfHeader#signals()}; must not be an annotation signal
     * @throws IllegalStateException if the signal has more samples than a Java array can hold
     */
    public double[] readSignal(int signalIndex) throws IOException {
        long n = header.samplesPerSignal(checkDataSignal(signalIndex));
        double[] out = new double[checkArraySize(n, signalIndex)];
        readSignal(signalIndex, 0, out, 0, out.length);
        return out;
    }

    /**
     * Reads up to {@code length} consecutive samples of one signal, starting at sample index
     * {@code fromSample} (counted from the first sample in the file), in physical units, into
     * {@code out[outOffset...]}. Only the data records that hold the requested samples are read, and
     * of each only this signal's bytes. No allocation.
     *
     * @return the number of samples read: {@code length}, or fewer at the end of the signal (0 if
     *     {@code fromSample} is at or after the end)
     * @throws IllegalArgumentException for an annotation signal or negative {@code fromSample}/{@code length}
     * @throws IndexOutOfBoundsException if {@code out} is too small
     */
    public int readSignal(int signalIndex, long fromSample, double[] out, int outOffset, int length)
            throws IOException {
        EdfSignalHeader s = header.signal(checkDataSignal(signalIndex));
        int n = clampRange(s, fromSample, out.length, outOffset, length);
        double gain = s.gain();
        double offset = s.offset();
        int done = 0;
        int spr = s.samplesPerRecord();
        while (done < n) {
            long sample = fromSample + done;
            long record = sample / spr;
            int within = (int) (sample % spr);
            int count = Math.min(Math.min(spr - within, n - done), chunkSamples);
            fillBuffer(record, signalIndex, within, count);
            byte[] b = buffer.array();
            int o = outOffset + done;
            if (bytesPerSample == 2) {
                for (int i = 0, p = 0; i < count; i++, p += 2) {
                    out[o + i] = gain * (short) ((b[p] & 0xff) | (b[p + 1] << 8)) + offset;
                }
            } else {
                for (int i = 0, p = 0; i < count; i++, p += 3) {
                    out[o + i] = gain * ((b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] << 16)) + offset;
                }
            }
            done += count;
        }
        return n;
    }

    /**
     * Like {@link #readSignal(int, long, double[], int, int)} but returns the stored integers
     * unscaled (e.g. for a BioSemi status channel, or to check exact values).
     */
    public int readDigital(int signalIndex, long fromSample, int[] out, int outOffset, int length)
            throws IOException {
        EdfSignalHeader s = header.signal(checkDataSignal(signalIndex));
        int n = clampRange(s, fromSample, out.length, outOffset, length);
        int done = 0;
        int spr = s.samplesPerRecord();
        while (done < n) {
            long sample = fromSample + done;
            long record = sample / spr;
            int within = (int) (sample % spr);
            int count = Math.min(Math.min(spr - within, n - done), chunkSamples);
            fillBuffer(record, signalIndex, within, count);
            byte[] b = buffer.array();
            int o = outOffset + done;
            if (bytesPerSample == 2) {
                for (int i = 0, p = 0; i < count; i++, p += 2) {
                    out[o + i] = (short) ((b[p] & 0xff) | (b[p + 1] << 8));
                }
            } else {
                for (int i = 0, p = 0; i < count; i++, p += 3) {
                    out[o + i] = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] << 16);
                }
            }
            done += count;
        }
        return n;
    }

    /**
     * Reads one signal over one segment (a run of contiguous records from {@link #segments()}), in
     * physical units.
     */
    public double[] readSegment(int signalIndex, Segment segment) throws IOException {
        Objects.requireNonNull(segment, "segment");
        EdfSignalHeader s = header.signal(checkDataSignal(signalIndex));
        if (segment.firstRecord() < 0 || segment.recordCount() < 0
                || segment.endRecord() > header.recordCount()) {
            throw new IllegalArgumentException("segment " + segment + " lies outside the file's "
                    + header.recordCount() + " data records");
        }
        long n = segment.recordCount() * s.samplesPerRecord();
        double[] out = new double[checkArraySize(n, signalIndex)];
        readSignal(signalIndex, segment.firstRecord() * s.samplesPerRecord(), out, 0, out.length);
        return out;
    }

    /**
     * All annotations of all annotation signals, sorted by onset (ties keep file order), without the
     * per-record time-keeping entries. Empty for plain EDF/BDF.
     */
    public List<EdfAnnotation> annotations() {
        return annotations;
    }

    /**
     * Start of data record {@code record} (from 0) in seconds from the header start time: the onset
     * of the record's time-keeping TAL in EDF+/BDF+, {@code record * recordDurationS} in EDF/BDF.
     */
    public double recordStartS(long record) {
        if (record < 0 || record >= header.recordCount()) {
            throw new IndexOutOfBoundsException("data record " + record + " outside 0.." + (header.recordCount() - 1));
        }
        return recordOnsets != null ? recordOnsets[(int) record] : record * header.recordDurationS();
    }

    /**
     * Time of one sample in seconds from the header start time, honouring gaps in EDF+D/BDF+D:
     * {@code recordStartS(k / spr) + (k % spr) / sampleRate}.
     */
    public double sampleTimeS(int signalIndex, long sample) {
        EdfSignalHeader s = header.signal(signalIndex);
        long record = sample / s.samplesPerRecord();
        int within = (int) (sample % s.samplesPerRecord());
        return recordStartS(record) + within * header.recordDurationS() / s.samplesPerRecord();
    }

    /**
     * The runs of contiguous data records. One segment for EDF, BDF, EDF+C and BDF+C (none for a file
     * without records); for EDF+D/BDF+D a new segment starts wherever a record's time-keeping onset
     * is later than the previous record's onset plus the record duration, by more than half the
     * shortest sample period (at most 1 ms).
     */
    public List<Segment> segments() {
        return segments;
    }

    /** Closes the file. Further reads fail. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------- data access helpers

    private int checkDataSignal(int signalIndex) {
        EdfSignalHeader s = header.signal(signalIndex);
        if (header.format().isPlus() && s.isAnnotation()) {
            throw new IllegalArgumentException("signal " + signalIndex + " '" + s.label()
                    + "' is an annotation signal; use annotations()");
        }
        return signalIndex;
    }

    private int checkArraySize(long n, int signalIndex) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("signal " + signalIndex + " has " + n
                    + " samples, too many for one array; read it in parts with readSignal(index, from, out, offset, length)");
        }
        return (int) n;
    }

    private int clampRange(EdfSignalHeader s, long fromSample, int outLength, int outOffset, int length) {
        if (fromSample < 0 || length < 0) {
            throw new IllegalArgumentException("fromSample and length must be >= 0, got " + fromSample + " and " + length);
        }
        if (outOffset < 0 || outOffset > outLength || length > outLength - outOffset) {
            throw new IndexOutOfBoundsException("cannot put " + length + " samples at offset " + outOffset
                    + " into an array of " + outLength);
        }
        long total = (long) s.samplesPerRecord() * header.recordCount();
        if (fromSample >= total) {
            return 0;
        }
        return (int) Math.min(length, total - fromSample);
    }

    /**
     * Reads samples [within, within+count) of one signal in one record into the start of {@link #buffer};
     * {@code count <= chunkSamples}.
     */
    private void fillBuffer(long record, int signalIndex, int within, int count) throws IOException {
        long pos = header.headerBytes() + record * recordBytes + signalOffsetInRecord[signalIndex]
                + (long) within * bytesPerSample;
        buffer.clear();
        buffer.limit(count * bytesPerSample);
        readFully(buffer, pos);
    }

    private void readFully(ByteBuffer dst, long pos) throws IOException {
        long p = pos;
        while (dst.hasRemaining()) {
            int r = channel.read(dst, p);
            if (r < 0) {
                throw new EOFException(fileName() + ": unexpected end of file at byte " + p
                        + " (was the file truncated while open?)");
            }
            p += r;
        }
    }

    private String fileName() {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    private EdfFormatException error(String problem) {
        return new EdfFormatException(file, problem);
    }

    // ---------------------------------------------------------------- header

    private EdfHeader parseHeader(TruncationPolicy truncation, List<String> warn) throws IOException {
        HEADER_PARSES.incrementAndGet();
        long size = channel.size();
        if (size == 0) {
            throw error("file is empty, not an EDF/BDF file");
        }
        ByteBuffer first = ByteBuffer.allocate((int) Math.min(HEADER_BLOCK, size));
        readFully(first, 0);
        byte[] h = first.array();

        boolean bdf;
        int b0 = h[0] & 0xff;
        if (b0 == 0xFF) {
            bdf = true;
            String id = h.length >= 8 ? new String(h, 1, 7, StandardCharsets.ISO_8859_1) : "";
            if (!id.equals("BIOSEMI")) {
                throw error("not a BDF file: first byte is 0xFF but bytes 1-7 are '" + Tal.printable(h, 1, Math.min(8, h.length))
                        + "', expected 'BIOSEMI'");
            }
        } else if (b0 == '0') {
            bdf = false;
            for (int i = 1; i < Math.min(8, h.length); i++) {
                if (h[i] != ' ') {
                    throw error("header field 'version' (bytes 0-7) is '" + Tal.printable(h, 0, Math.min(8, h.length))
                            + "', expected '0' followed by 7 spaces (EDF) or 0xFF 'BIOSEMI' (BDF)");
                }
            }
        } else {
            String shown = b0 >= 32 && b0 < 127 ? " ('" + (char) b0 + "')" : "";
            throw error(String.format(Locale.ROOT,
                    "not an EDF/BDF file: first byte is 0x%02X%s, expected '0' (EDF) or 0xFF (BDF)", b0, shown));
        }
        if (size < HEADER_BLOCK) {
            throw error("file is " + size + " bytes, shorter than the 256-byte EDF/BDF header (truncated?)");
        }

        String patient = text(h, 8, 80);
        String recording = text(h, 88, 80);
        String reserved = text(h, 192, 44);
        EdfFormat format;
        if (bdf) {
            format = reserved.startsWith("BDF+C") ? EdfFormat.BDF_PLUS_CONTINUOUS
                    : reserved.startsWith("BDF+D") ? EdfFormat.BDF_PLUS_DISCONTINUOUS : EdfFormat.BDF;
        } else {
            format = reserved.startsWith("EDF+C") ? EdfFormat.EDF_PLUS_CONTINUOUS
                    : reserved.startsWith("EDF+D") ? EdfFormat.EDF_PLUS_DISCONTINUOUS : EdfFormat.EDF;
        }

        long headerBytesField = integerField(h, 184, 8, "number of bytes in header");
        long recordCountField = integerField(h, 236, 8, "number of data records");
        double duration = decimalField(h, 244, 8, "duration of a data record");
        long ns = integerField(h, 252, 4, "number of signals");
        if (ns <= 0) {
            throw error("header field 'number of signals' (bytes 252-255) is " + ns
                    + "; a file needs at least one signal");
        }
        if (ns > EdfLimits.MAX_SIGNALS) { // cannot happen with a 4-character field; kept so the limit is explicit
            throw error("header field 'number of signals' (bytes 252-255) is " + ns + "; at most "
                    + EdfLimits.MAX_SIGNALS + " are possible");
        }
        long expectedHeader = HEADER_BLOCK * (ns + 1);
        if (headerBytesField != expectedHeader) {
            throw error("header field 'number of bytes in header' (bytes 184-191) is " + headerBytesField
                    + " but " + ns + " signals need " + expectedHeader + " (256 x (" + ns + " + 1))");
        }
        if (size < expectedHeader) {
            throw error("file is " + size + " bytes but its header alone should be " + expectedHeader
                    + " bytes for " + ns + " signals (truncated?)");
        }
        if (duration < 0) {
            throw error("header field 'duration of a data record' (bytes 244-251) is " + text(h, 244, 8)
                    + ", a negative duration");
        }
        if (duration > EdfLimits.MAX_TIME_S) {
            throw error("header field 'duration of a data record' (bytes 244-251) is " + text(h, 244, 8)
                    + " s, more than the " + EdfNumbers.seconds(EdfLimits.MAX_TIME_S)
                    + " s (about 317 years) a plausible record lasts; expected the seconds one record lasts, such as 1");
        }
        if (recordCountField < -1) {
            throw error("header field 'number of data records' (bytes 236-243) is " + recordCountField
                    + "; only -1 (unknown, still recording) or a count >= 0 is allowed");
        }

        LocalDateTime start = parseStart(h, format, recording, warn);

        int n = (int) ns;
        ByteBuffer sigBuf = ByteBuffer.allocate(n * HEADER_BLOCK); // checked above: the file holds it
        readFully(sigBuf, HEADER_BLOCK);
        byte[] sh = sigBuf.array();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = text(sh, i * 16, 16);
        }
        List<EdfSignalHeader> signals = new ArrayList<>(n);
        boolean firstAnnotation = true;
        for (int i = 0; i < n; i++) {
            String transducer = text(sh, n * 16 + i * 80, 80);
            String dimension = text(sh, n * 96 + i * 8, 8);
            double pmin = signalDecimal(sh, n * 104 + i * 8, "physical minimum", i, labels[i]);
            double pmax = signalDecimal(sh, n * 112 + i * 8, "physical maximum", i, labels[i]);
            long dmin = signalInteger(sh, n * 120 + i * 8, "digital minimum", i, labels[i]);
            long dmax = signalInteger(sh, n * 128 + i * 8, "digital maximum", i, labels[i]);
            String prefilter = text(sh, n * 136 + i * 80, 80);
            long spr = signalInteger(sh, n * 216 + i * 8, "number of samples in each data record", i, labels[i]);
            String who = "signal " + (i + 1) + " '" + labels[i] + "'";
            if (spr <= 0) {
                throw error(who + " has " + spr + " samples per data record; it must be at least 1");
            }
            if (dmin >= dmax) {
                throw error(who + " digital minimum " + dmin + " >= digital maximum " + dmax);
            }
            if (dmin < format.digitalFloor() || dmax > format.digitalCeiling()) {
                throw error(who + " digital range " + dmin + ".." + dmax + " is outside the "
                        + (bdf ? "24-bit BDF" : "16-bit EDF") + " range " + format.digitalFloor() + ".."
                        + format.digitalCeiling());
            }
            if (pmin == pmax) {
                throw error(who + " physical minimum " + text(sh, n * 104 + i * 8, 8) + " equals physical maximum "
                        + text(sh, n * 112 + i * 8, 8) + ", so the signal cannot be scaled");
            }
            // spr <= 99,999,999 (8 characters), so the int cast is exact
            EdfSignalHeader signal = new EdfSignalHeader(i, labels[i], transducer, dimension, pmin, pmax, dmin, dmax,
                    prefilter, (int) spr);
            checkScaling(signal, format, who, text(sh, n * 104 + i * 8, 8), text(sh, n * 112 + i * 8, 8));
            boolean annotation = format.isPlus() && signal.isAnnotation();
            String sprField = "header field 'number of samples in each data record' of " + who + " (bytes "
                    + (HEADER_BLOCK + n * 216 + i * 8) + "-" + (HEADER_BLOCK + n * 216 + i * 8 + 7) + ") is " + spr;
            if (annotation) {
                long bytes = spr * format.bytesPerSample();
                if (bytes > EdfLimits.MAX_ANNOTATION_BYTES_PER_RECORD) {
                    throw error(sprField + ", " + bytes + " bytes of annotations per data record; at most "
                            + EdfLimits.MAX_ANNOTATION_BYTES_PER_RECORD + " are plausible");
                }
                if (firstAnnotation && bytes < EdfLimits.MIN_TIME_KEEPING_BYTES) {
                    throw error(sprField + ", " + bytes + " bytes per data record, too few for the time-keeping"
                            + " TAL every record starts with (at least " + EdfLimits.MIN_TIME_KEEPING_BYTES + ")");
                }
                firstAnnotation = false;
            } else if (duration > 0 && spr / duration > EdfLimits.MAX_SAMPLE_RATE_HZ) {
                throw error(sprField + " in data records of " + text(h, 244, 8) + " s, a sample rate of "
                        + String.format(Locale.ROOT, "%.6g", spr / duration) + " Hz; at most "
                        + String.format(Locale.ROOT, "%.0f", EdfLimits.MAX_SAMPLE_RATE_HZ)
                        + " Hz is plausible (check this field and 'duration of a data record')");
            }
            signals.add(signal);
        }

        boolean anyAnnotation = false;
        boolean anyData = false;
        for (EdfSignalHeader s : signals) {
            if (s.isAnnotation()) {
                anyAnnotation = true;
                if (!format.isPlus()) {
                    warn.add("signal " + (s.index() + 1) + " is labelled '" + s.label() + "' but the reserved field does not"
                            + " mark the file as " + (bdf ? "BDF+" : "EDF+") + "; it is treated as an ordinary signal"
                            + " and its annotations are not read");
                }
            }
            if (!(format.isPlus() && s.isAnnotation())) {
                anyData = true;
            }
        }
        if (format.isPlus() && !anyAnnotation) {
            throw error("reserved field says " + format.displayName() + " but no signal is labelled '"
                    + format.annotationLabel() + "'");
        }
        if (duration == 0 && anyData) {
            throw error("header field 'duration of a data record' (bytes 244-251) is 0, which is only allowed"
                    + " in annotation-only EDF+/BDF+ files, but the file has sampled signals");
        }

        long recBytes = 0;
        for (EdfSignalHeader s : signals) {
            recBytes += (long) s.samplesPerRecord() * format.bytesPerSample();
        }
        if (recBytes > EdfLimits.MAX_RECORD_BYTES) {
            throw error("the header fields 'number of samples in each data record' make one data record " + recBytes
                    + " bytes; at most " + EdfLimits.MAX_RECORD_BYTES + " are plausible");
        }
        long available = size - expectedHeader;
        long complete = available / recBytes;
        long leftover = available % recBytes;
        long recordCount;
        if (recordCountField == -1) {
            if (complete > EdfLimits.MAX_RECORDS) {
                throw error("header field 'number of data records' (bytes 236-243) is -1 and the file holds " + complete
                        + " complete records of " + recBytes + " bytes, more than the " + EdfLimits.MAX_RECORDS
                        + " the field can express");
            }
            recordCount = complete;
            warn.add("header field 'number of data records' is -1 (the file was not closed properly, or is still"
                    + " being recorded); using the " + complete + " complete records the file holds"
                    + (leftover != 0 ? " and ignoring " + leftover + " bytes of an incomplete last record" : ""));
        } else if (complete < recordCountField) {
            String held = leftover == 0 ? Long.toString(complete)
                    : BigDecimal.valueOf(available).divide(BigDecimal.valueOf(recBytes), 1, RoundingMode.DOWN).toPlainString();
            String msg = "header declares " + recordCountField + " data records of " + recBytes
                    + " bytes but the file holds " + held + " records (truncated?)";
            if (truncation == TruncationPolicy.REFUSE) {
                throw error(msg);
            }
            recordCount = complete;
            warn.add(msg + "; reading the " + complete + " complete records");
        } else {
            recordCount = recordCountField;
            long extra = available - recordCountField * recBytes;
            if (extra > 0) {
                warn.add("the file has " + extra + " bytes after its " + recordCountField
                        + " declared data records; they are ignored");
            }
        }
        if (recordCount * duration > EdfLimits.MAX_TIME_S) {
            throw error(recordCount + " data records of " + text(h, 244, 8) + " s (header field 'duration of a data"
                    + " record', bytes 244-251) span " + EdfNumbers.seconds(recordCount * duration) + " s, more than the "
                    + EdfNumbers.seconds(EdfLimits.MAX_TIME_S) + " s (about 317 years) a plausible recording spans");
        }
        return new EdfHeader(format, patient, recording, start, (int) expectedHeader, recordCount, duration, signals);
    }

    /**
     * Refuses a physical range that cannot map every value the format can store to a finite, distinct
     * physical value: stored samples may lie outside the declared digital range, so the whole 16- or 24-bit
     * range must scale to finite numbers, and one digital step must not round to 0.
     */
    private void checkScaling(EdfSignalHeader s, EdfFormat format, String who, String pminText, String pmaxText)
            throws EdfFormatException {
        double gain = s.gain();
        double offset = s.offset();
        double lo = s.toPhysical(format.digitalFloor());
        double hi = s.toPhysical(format.digitalCeiling());
        if (gain == 0 || !Double.isFinite(gain) || !Double.isFinite(offset) || !Double.isFinite(lo)
                || !Double.isFinite(hi)) {
            throw error(who + " physical range " + pminText + ".." + pmaxText + " for digital " + s.digitalMin() + ".."
                    + s.digitalMax() + " cannot be scaled to finite samples (one digital step is "
                    + gain + "; stored values " + format.digitalFloor() + " and " + format.digitalCeiling() + " would be "
                    + lo + " and " + hi + "); expected physical limits of a plausible size");
        }
    }

    private LocalDateTime parseStart(byte[] h, EdfFormat format, String recording, List<String> warn)
            throws EdfFormatException {
        String dateField = text(h, 168, 8);
        String timeField = text(h, 176, 8);
        Matcher d = DATE.matcher(dateField);
        if (!d.matches()) {
            throw error("header field 'startdate of recording' (bytes 168-175) is '" + Tal.printable(h, 168, 176)
                    + "', expected dd.mm.yy");
        }
        Matcher t = TIME.matcher(timeField);
        if (!t.matches()) {
            throw error("header field 'starttime of recording' (bytes 176-183) is '" + Tal.printable(h, 176, 184)
                    + "', expected hh.mm.ss");
        }
        int day = Integer.parseInt(d.group(1));
        int month = Integer.parseInt(d.group(2));
        Integer year = null;
        if (!d.group(3).equals("yy")) {
            int yy = Integer.parseInt(d.group(3));
            year = yy >= 85 ? 1900 + yy : 2000 + yy; // the EDF clipping rule: 1985-2084
        }
        if (format.isPlus()) {
            Matcher p = PLUS_STARTDATE.matcher(recording);
            if (p.matches()) {
                int pd = Integer.parseInt(p.group(1));
                int pm = monthIndex(p.group(2));
                int py = Integer.parseInt(p.group(3));
                boolean consistent = pd == day && pm == month && (year == null || py % 100 == year % 100);
                if (consistent) {
                    year = py; // EDF+ keeps the 4-digit year here, which also covers years after 2084
                } else {
                    warn.add("recording field says 'Startdate " + p.group(1) + "-" + p.group(2) + "-" + p.group(3)
                            + "' but the header start date is " + dateField + "; using the header date");
                }
            }
        }
        if (year == null) {
            throw error("header field 'startdate of recording' (bytes 168-175) has year 'yy' but the recording field"
                    + " gives no 'Startdate dd-MMM-yyyy' to take the year from");
        }
        try {
            return LocalDateTime.of(year, month, day, Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                    Integer.parseInt(t.group(3)));
        } catch (DateTimeException e) {
            throw error("header start '" + dateField + " " + timeField + "' is not a valid date and time");
        }
    }

    private static int monthIndex(String mmm) {
        String u = mmm.toUpperCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(u)) {
                return i + 1;
            }
        }
        return -1;
    }

    private long integerField(byte[] h, int off, int len, String name) throws EdfFormatException {
        String v = text(h, off, len);
        if (!EdfNumbers.isInteger(v)) {
            throw error("header field '" + name + "' (bytes " + off + "-" + (off + len - 1) + ") is '"
                    + Tal.printable(h, off, off + len) + "', expected an integer");
        }
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw error("header field '" + name + "' (bytes " + off + "-" + (off + len - 1) + ") is '" + v
                    + "', too large");
        }
    }

    private double decimalField(byte[] h, int off, int len, String name) throws EdfFormatException {
        String v = text(h, off, len);
        if (!EdfNumbers.isDecimal(v)) {
            throw error("header field '" + name + "' (bytes " + off + "-" + (off + len - 1) + ") is '"
                    + Tal.printable(h, off, off + len) + "', expected a number (with '.' as decimal separator)");
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw error("header field '" + name + "' (bytes " + off + "-" + (off + len - 1) + ") is '" + v
                    + "', too large to be a number");
        }
        return d;
    }

    private long signalInteger(byte[] sh, int off, String name, int i, String label) throws EdfFormatException {
        String v = text(sh, off, 8);
        if (!EdfNumbers.isInteger(v)) {
            throw error(signalFieldMessage(sh, off, name, i, label, "expected an integer"));
        }
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw error(signalFieldMessage(sh, off, name, i, label, "too large"));
        }
    }

    private double signalDecimal(byte[] sh, int off, String name, int i, String label) throws EdfFormatException {
        String v = text(sh, off, 8);
        if (!EdfNumbers.isDecimal(v)) {
            throw error(signalFieldMessage(sh, off, name, i, label,
                    "expected a number (with '.' as decimal separator)"));
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw error(signalFieldMessage(sh, off, name, i, label, "too large to be a number"));
        }
        return d;
    }

    private static String signalFieldMessage(byte[] sh, int off, String name, int i, String label, String expected) {
        int abs = HEADER_BLOCK + off;
        return "header field '" + name + "' of signal " + (i + 1) + " '" + label + "' (bytes " + abs + "-" + (abs + 7)
                + ") is '" + Tal.printable(sh, off, off + 8) + "', " + expected;
    }

    /** Header text: Latin-1 (every byte maps to one character), padding spaces and NULs trimmed. */
    private static String text(byte[] b, int off, int len) {
        int end = Math.min(b.length, off + len);
        int s = off;
        while (end > s && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        while (s < end && b[s] == ' ') {
            s++;
        }
        return new String(b, s, end - s, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- EDF+ annotations and time-keeping

    private void scanAnnotations(List<EdfAnnotation> found, List<String> warn) throws IOException {
        List<EdfSignalHeader> annSignals = header.annotationSignals();
        int nRec = (int) header.recordCount();
        long headerBytes = header.headerBytes();
        int maxAnn = 0;
        long annBytes = 0;
        for (EdfSignalHeader a : annSignals) {
            maxAnn = Math.max(maxAnn, a.samplesPerRecord() * bytesPerSample);
            annBytes += (long) a.samplesPerRecord() * bytesPerSample;
        }
        // Read whole records in batches when that costs about the same as reading the annotation bytes
        // alone (records within a few disk pages, or mostly annotations); otherwise read only those bytes.
        // Either way the buffer is at most ANNOTATION_BATCH_BYTES or one record's annotation bytes
        // (at most EdfLimits.MAX_ANNOTATION_BYTES_PER_RECORD), and the file holds them (parseHeader).
        boolean batched = recordBytes <= ANNOTATION_BATCH_BYTES && (recordBytes <= 8192 || annBytes * 4 >= recordBytes);
        int perBatch = batched ? (int) Math.max(1, Math.min(nRec, ANNOTATION_BATCH_BYTES / recordBytes)) : 1;
        List<Tal.Entry> tals = new ArrayList<>();
        long recordsWithTrailingBytes = 0;
        int firstWithTrailingBytes = -1;
        byte[] buf = new byte[batched ? (int) (perBatch * recordBytes) : maxAnn];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        for (int r0 = 0; r0 < nRec; r0 += perBatch) {
            int inBatch = Math.min(perBatch, nRec - r0);
            if (batched) {
                bb.clear();
                bb.limit((int) (inBatch * recordBytes));
                readFully(bb, headerBytes + r0 * recordBytes);
            }
            for (int k = 0; k < inBatch; k++) {
                int r = r0 + k;
                boolean firstSignal = true;
                for (EdfSignalHeader a : annSignals) {
                    int len = a.samplesPerRecord() * bytesPerSample;
                    int off;
                    if (batched) {
                        off = (int) (k * recordBytes + signalOffsetInRecord[a.index()]);
                    } else {
                        bb.clear();
                        bb.limit(len);
                        readFully(bb, headerBytes + r * recordBytes + signalOffsetInRecord[a.index()]);
                        off = 0;
                    }
                    if (parseRecordTals(buf, off, len, r, a, firstSignal, found, tals)) {
                        if (recordsWithTrailingBytes++ == 0) {
                            firstWithTrailingBytes = r;
                        }
                    }
                    firstSignal = false;
                }
            }
        }
        if (recordsWithTrailingBytes > 0) {
            warn.add(recordsWithTrailingBytes + " data record(s), the first being record " + (firstWithTrailingBytes + 1)
                    + ", have non-zero bytes after the end of their TALs in the annotation signal; they were ignored");
        }
    }

    /** Parses one record's TALs of one annotation signal; returns true if stray bytes follow them. */
    private boolean parseRecordTals(byte[] buf, int off, int len, int record, EdfSignalHeader signal,
                                    boolean timeKeepingSignal, List<EdfAnnotation> found, List<Tal.Entry> tals)
            throws EdfFormatException {
        boolean trailing;
        tals.clear();
        try {
            trailing = Tal.parse(buf, off, len, tals, EdfLimits.MAX_ANNOTATIONS - found.size());
        } catch (Tal.SyntaxException e) {
            throw error("data record " + (record + 1) + ", signal " + (signal.index() + 1) + " '" + signal.label()
                    + "', byte " + e.position + " of its annotations: " + e.getMessage());
        }
        int firstTal = 0;
        if (timeKeepingSignal) {
            if (tals.isEmpty() || !tals.get(0).isTimeKeeping()) {
                String got = tals.isEmpty() ? "no TAL at all" : "'" + abbreviate(tals.get(0).onsetText()) + "' with text '"
                        + abbreviate(tals.get(0).texts().stream().findFirst().orElse("")) + "'";
                throw error("data record " + (record + 1) + ": the first TAL of '" + signal.label()
                        + "' must be the record's time-keeping TAL ('+onset' followed by an empty annotation), found "
                        + got);
            }
            recordOnsets[record] = tals.get(0).onsetS();
            // texts after the empty time-keeping one in the same TAL are real annotations
            addAnnotations(tals.get(0), 1, found);
            firstTal = 1;
        }
        for (int i = firstTal; i < tals.size(); i++) {
            addAnnotations(tals.get(i), 0, found);
        }
        return trailing;
    }

    private static void addAnnotations(Tal.Entry tal, int fromText, List<EdfAnnotation> found) {
        double dur = Double.isNaN(tal.durationS()) ? 0.0 : tal.durationS();
        for (int j = fromText; j < tal.texts().size(); j++) {
            String text = tal.texts().get(j);
            if (!text.isEmpty()) { // Tal.parse has kept the count within EdfLimits.MAX_ANNOTATIONS
                found.add(new EdfAnnotation(tal.onsetS(), dur, text));
            }
        }
    }

    /** For messages: at most 40 characters of a text from the file. */
    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private List<Segment> findSegments() throws EdfFormatException {
        int n = recordOnsets.length;
        double dur = header.recordDurationS();
        if (dur == 0) {
            return List.of(new Segment(recordOnsets[0], 0, n)); // annotation-only: records carry no time span
        }
        double maxRate = 0;
        for (EdfSignalHeader s : header.dataSignals()) {
            maxRate = Math.max(maxRate, s.sampleRateHz(dur));
        }
        // half a sample of the fastest signal: a shift smaller than that is not a gap in sample terms
        double tol = maxRate > 0 ? Math.min(0.5 / maxRate, 1e-3) : 1e-6;
        boolean discontinuous = header.format().isDiscontinuous();
        List<Segment> out = new ArrayList<>();
        int segStart = 0;
        for (int r = 1; r < n; r++) {
            double expected = recordOnsets[r - 1] + dur;
            double diff = recordOnsets[r] - expected;
            if (!discontinuous) {
                if (Math.abs(diff) > tol) {
                    throw error(header.format().displayName() + " (continuous) file, but data record " + (r + 1)
                            + " starts at " + EdfNumbers.seconds(recordOnsets[r]) + " s instead of "
                            + EdfNumbers.seconds(expected) + " s (previous record start + record duration);"
                            + " a file with gaps must be marked " + header.format().withDiscontinuous(true).displayName());
                }
            } else if (diff < -tol) {
                throw error("data record " + (r + 1) + " starts at " + EdfNumbers.seconds(recordOnsets[r])
                        + " s, before data record " + r + " ends at " + EdfNumbers.seconds(expected)
                        + " s (records overlap)");
            } else if (diff > tol) {
                out.add(new Segment(recordOnsets[segStart], segStart, r - segStart));
                segStart = r;
            }
        }
        out.add(new Segment(recordOnsets[segStart], segStart, n - segStart));
        return Collections.unmodifiableList(out);
    }
}
