package io.clonus.io.mat;

import io.clonus.io.DelimitedText;
import io.clonus.io.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the numeric channels of a MATLAB MAT-file, level 5: the v5, v6 and v7 formats, compressed or not
 * (MATLAB's {@code save} writes v7 by default). The parsing is MFL's ({@code us.hebi.matlab.mat:mfl-core}, an
 * optional dependency that must be on the class path); the rules below are this class's.
 *
 * <p><b>Channels.</b>
 * <ul>
 * <li>A real numeric vector (1×N or N×1, N ≥ 2) is one channel named after its variable. Every numeric class is
 *     read (double, single, int8 … uint64), converted to double.</li>
 * <li>A real numeric matrix R×C (both at least 2) is k = min(R, C) channels of N = max(R, C) samples when
 *     k ≤ {@value #MAX_MATRIX_CHANNELS} and N ≥ {@value #MIN_SAMPLES_PER_CHANNEL}·k: the longer dimension is time,
 *     so samples × channels and channels × samples both work. They are named {@code var[1]} … {@code var[k]}, or
 *     by labels. Other matrices (a 100×100 image, a 64×300 epoch table) are not read, with a note.</li>
 * <li>Labels: a variable named, in any case, one of {@link #LABEL_NAMES} that holds a cell array of texts or a
 *     char matrix (one name per row, trailing blanks dropped) names the channels of the one matrix beside it (at
 *     the top level, or in the same struct) that has as many channels as it has names. When no matrix or more
 *     than one has that many, the labels are not used, with a note. A blank label keeps {@code var[i]}.</li>
 * <li>Structs: the fields of a 1×1 struct are read by the same rules, named {@code struct.field}
 *     ({@code data.EMG}; a matrix field gives {@code data.EMG[1]} …). Only one level: a struct inside a struct, and
 *     struct arrays, are not read.</li>
 * <li>A vector named like a time column of delimited text ({@code t}, {@code time}, {@code time_s} …, see
 *     {@link io.clonus.io.TimeColumn#isTime}) is not a channel.</li>
 * <li>Not channels, and listed in one note: logical, complex, sparse and char arrays (but labels), cell arrays
 *     (but labels), objects (tables, strings, classes), function handles, arrays of more than two dimensions,
 *     empty arrays, scalars (but rates), and matrices outside the rule above.</li>
 * <li>Names are unique: a second channel named like an earlier one (in any case) gets {@code " #2"}, then
 *     {@code " #3"} ….</li>
 * </ul>
 *
 * <p><b>Sample rate.</b> A positive, finite real number named, in any case, one of {@link #RATE_NAMES}: a
 * scalar, or a vector of equal values (a rate per channel, as some exports write it). A channel in a struct takes
 * the rate of its own struct if that has one, else the top level's; a top-level channel takes the top level's.
 * The first rate of a place counts; a later one that differs is noted. Without a rate, {@link Contents#select}
 * needs one given ({@code --fs}); a given rate is used instead of the file's, with a note when they differ.
 *
 * <p><b>Memory.</b> A MAT-file holds each variable whole and MFL reads it whole, so the file is read whole,
 * within limits checked before anything large is allocated: an array may not declare more elements than the file
 * could hold (one byte each uncompressed; compressed, deflate's highest ratio, {@value #MAX_DEFLATE_RATIO}:1), the
 * array data held while reading may not exceed 4 bytes per byte of an uncompressed file (text is widened) or that
 * ratio for a compressed one, nor {@value #MAX_DATA_BYTES} bytes; and the channels may hold at most
 * {@value #MAX_SAMPLES} samples in all (2 GiB as doubles). Arrays not used (logical, sparse, cells …) are skipped
 * unread at the top level. Longer recordings belong in EDF, which is streamed.
 *
 * <p><b>Refused</b>, with an {@link InputException} naming what is wrong: MATLAB v7.3 files (HDF5; the message
 * says how to save them as v7), files that are not MAT-files (level 4 MAT-files, which have no header,
 * included), damaged or truncated files, files without a numeric channel, and arrays beyond the limits.
 *
 * <p>Stateless and thread-safe.
 */
public final class MatReader {
    /** Most samples the channels of one file may hold in all (and most elements of one variable): 2^28. */
    public static final long MAX_SAMPLES = 1L << 28;
    /** Most bytes of array data held while reading one file: 2 GiB, MAT v7's limit for one variable. */
    public static final long MAX_DATA_BYTES = 1L << 31;
    /** Most channels of a matrix read as channels. */
    public static final int MAX_MATRIX_CHANNELS = 64;
    /** A matrix is read as channels only when it has at least this many times as many samples as channels. */
    public static final int MIN_SAMPLES_PER_CHANNEL = 10;
    /** Highest compression ratio of deflate, which bounds what a compressed (v7) file can hold. */
    public static final int MAX_DEFLATE_RATIO = 1032;
    /** Names of a sample rate variable or struct field, compared in lower case. */
    public static final List<String> RATE_NAMES = List.of("fs", "fsamp", "srate", "samplerate", "sample_rate",
            "samplingrate", "sampling_rate", "samplingfrequency", "sampling_frequency", "rate_hz", "fs_hz");
    /** Names of a variable or struct field of channel labels, compared in lower case. */
    public static final List<String> LABEL_NAMES = List.of("labels", "label", "channelnames", "channel_names",
            "channellabels", "channel_labels", "chanlabels", "names", "channels");

    static final int HEADER_BYTES = 128;
    private static final String MAT5_TEXT = "MATLAB 5.0 MAT-file";
    private static final String MAT73_TEXT = "MATLAB 7.3 MAT-file";
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String MFL_CLASS = "us.hebi.matlab.mat.format.Mat5";
    static final int MI_MATRIX = 14;
    static final int MI_COMPRESSED = 15;

    private MatReader() {
    }

    /**
     * One channel of the file.
     *
     * @param name         its unique name: the variable ({@code emg}), struct field ({@code data.EMG}), matrix
     *                     column ({@code data[2]}) or label
     * @param variable     the variable or struct field it comes from ({@code data}, {@code s.EMG})
     * @param samples      the samples, converted to double; shared, not copied: do not modify
     * @param sampleRateHz the rate the file gives it, Hz, or NaN when it gives none
     * @param rateVariable the variable or field that gives the rate ({@code fs}, {@code data.fs}), or null
     */
    public record Channel(String name, String variable, double[] samples, double sampleRateHz, String rateVariable) {
        /** Checks the name and samples. */
        public Channel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(samples, "samples");
        }

        /** @return the number of samples */
        public int length() {
            return samples.length;
        }

        @Override
        public String toString() {
            return "Channel[" + name + ", " + samples.length + " samples" + (rateVariable == null ? ""
                    : ", " + DelimitedText.format(sampleRateHz) + " Hz from " + rateVariable) + "]";
        }
    }

    /**
     * One signal chosen by {@link Contents#select}: its rate and its axes (one for EMG, up to three for a motion
     * sensor), of equal length.
     *
     * @param sampleRateHz the rate, Hz
     * @param axes         the samples of each axis; shared, not copied
     */
    public record Selection(double sampleRateHz, double[][] axes) {
    }

    /** What a file holds: its channels in file order, and remarks about what was not read. Immutable. */
    public static final class Contents {
        private final List<Channel> channels;
        private final List<String> notes;
        private final Map<String, Channel> byName = new HashMap<>();

        Contents(List<Channel> channels, List<String> notes) {
            this.channels = List.copyOf(channels);
            this.notes = List.copyOf(notes);
            for (Channel c : this.channels) {
                byName.put(c.name(), c);
            }
        }

        /** @return the channels, in file order */
        public List<Channel> channels() {
            return channels;
        }

        /** @return the channel names, in file order */
        public List<String> names() {
            return channels.stream().map(Channel::name).toList();
        }

        /**
         * @param name a channel name, exactly
         * @return the channel, or null
         */
        public Channel channel(String name) {
            return byName.get(name);
        }

        /** @return remarks worth showing: variables not read and why, labels or rates not used */
        public List<String> notes() {
            return notes;
        }

        /**
         * The samples and rate of the signals to analyse. Each signal's channels must share a rate, and all
         * channels chosen that share a rate must have one length (channels of different lengths at one rate
         * are a mistake: the rate cannot fit them all).
         *
         * @param signals      the channel names of each signal (one for EMG, the axes of a motion sensor)
         * @param sampleRateHz the rate given by the user ({@code --fs}), used for every channel instead of the
         *                     file's; or null to use the file's
         * @param tolerance    relative difference between a given rate and the file's above which a note says
         *                     so, e.g. 0.01
         * @param notes        receives that note, once per rate variable
         * @return one selection per signal, in order
         * @throws InputException for a channel without a rate when none is given (naming the names looked for),
         *                        axes of different rates, or channels of different lengths (naming them)
         */
        public List<Selection> select(List<List<String>> signals, Double sampleRateHz, double tolerance,
                List<String> notes) throws InputException {
            List<Selection> out = new ArrayList<>();
            Map<String, List<Channel>> byRate = new LinkedHashMap<>();
            Set<String> noted = new LinkedHashSet<>();
            for (List<String> signal : signals) {
                List<Channel> axes = new ArrayList<>();
                for (String n : signal) {
                    Channel c = byName.get(n);
                    if (c == null) {
                        throw new IllegalArgumentException("no channel named '" + n + "'; available: " + names());
                    }
                    axes.add(c);
                }
                if (axes.isEmpty()) {
                    throw new IllegalArgumentException("a signal needs at least one channel");
                }
                double fs;
                String source;
                if (sampleRateHz != null) {
                    fs = sampleRateHz;
                    source = "--fs";
                    for (Channel c : axes) {
                        if (c.rateVariable() != null && Math.abs(c.sampleRateHz() - fs) > tolerance * fs
                                && noted.add(c.rateVariable())) {
                            notes.add(String.format(Locale.ROOT,
                                    "--fs %s Hz differs from the %s Hz of variable '%s' by %.3g %%; using --fs",
                                    DelimitedText.format(fs), DelimitedText.format(c.sampleRateHz()),
                                    c.rateVariable(), 100 * Math.abs(c.sampleRateHz() - fs) / fs));
                        }
                    }
                } else {
                    for (Channel c : axes) {
                        if (c.rateVariable() == null) {
                            throw new InputException(noRate(c));
                        }
                    }
                    Channel first = axes.get(0);
                    for (Channel c : axes) {
                        if (c.sampleRateHz() != first.sampleRateHz()) {
                            throw new InputException("the axes " + describeRates(axes) + " must share one sample"
                                    + " rate; analyse them one by one with --channels, or give --fs");
                        }
                    }
                    fs = first.sampleRateHz();
                    source = "'" + first.rateVariable() + "'";
                }
                String key = DelimitedText.format(fs) + " Hz, from " + source;
                for (Channel c : axes) {
                    List<Channel> same = byRate.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!same.contains(c)) {
                        same.add(c);
                    }
                }
                double[][] samples = new double[axes.size()][];
                for (int a = 0; a < samples.length; a++) {
                    samples[a] = axes.get(a).samples();
                }
                out.add(new Selection(fs, samples));
            }
            for (Map.Entry<String, List<Channel>> e : byRate.entrySet()) {
                Map<Integer, List<String>> byLength = new LinkedHashMap<>();
                for (Channel c : e.getValue()) {
                    byLength.computeIfAbsent(c.length(), k -> new ArrayList<>()).add(c.name());
                }
                if (byLength.size() > 1) {
                    StringBuilder s = new StringBuilder();
                    for (Map.Entry<Integer, List<String>> l : byLength.entrySet()) {
                        s.append(s.length() == 0 ? "" : "; ").append(quoteAll(l.getValue())).append(' ')
                                .append(l.getKey()).append(" samples");
                    }
                    throw new InputException("channels of different lengths at one sample rate (" + e.getKey()
                            + "): " + s + "; choose channels of one length with --channels, or give each signal its"
                            + " own rate in a struct (s.emg with s.fs)");
                }
            }
            return out;
        }

        private String noRate(Channel c) {
            int dot = c.variable().indexOf('.');
            String where = dot < 0 ? "at the top level of the file"
                    : "in struct '" + c.variable().substring(0, dot) + "' or at the top level of the file";
            return "no sample rate for channel '" + c.name() + "': no number named " + String.join(", ", RATE_NAMES)
                    + " (any case) " + where + "; give it with --fs HZ";
        }

        private static String describeRates(List<Channel> axes) {
            StringBuilder s = new StringBuilder();
            for (Channel c : axes) {
                s.append(s.length() == 0 ? "" : ", ").append('\'').append(c.name()).append("' ")
                        .append(DelimitedText.format(c.sampleRateHz())).append(" Hz (").append(c.rateVariable())
                        .append(')');
            }
            return s.toString();
        }
    }

    /**
     * @param file a path
     * @return whether it is read as a MAT-file: its name ends in {@code .mat}, in any case
     */
    public static boolean isMat(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".mat");
    }

    /**
     * Reads a MAT-file whole.
     *
     * @param file the file
     * @return its channels and notes
     * @throws IOException    if the file cannot be read
     * @throws InputException if it is not a MAT-file of level 5, is v7.3 (HDF5), damaged, beyond the limits,
     *                        holds no numeric channel, or MFL is not on the class path (one-line message)
     */
    public static Contents read(Path file) throws IOException, InputException {
        Layout layout = layout(file);
        try {
            Class.forName(MFL_CLASS, false, MatReader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InputException("reading MATLAB .mat files needs MFL, the optional dependency"
                    + " us.hebi.matlab.mat:mfl-core (0.5.15), on the class path; add it to your build", e);
        }
        return MatContentsReader.read(file, layout);
    }

    /** What the header and the top-level element tags say: the byte order, the size, compression. */
    record Layout(long size, ByteOrder order, boolean compressed, int variables) {
    }

    /**
     * Checks the header (refusing v7.3/HDF5 and what is no MAT-file) and walks the top-level element tags,
     * refusing a file whose elements run past its end. Reads 128 bytes and 8 per variable.
     */
    static Layout layout(Path file) throws IOException, InputException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = new byte[(int) Math.min(size, 520)];
            readFully(ch, ByteBuffer.wrap(head), 0);
            if (startsWith(head, 0, HDF5_SIGNATURE)) {
                throw new InputException("an HDF5 file, as MATLAB writes with -v7.3: MATLAB v7.3 (HDF5) files are not"
                        + " read; save it as v7 in MATLAB: " + resave(file));
            }
            String text = new String(head, 0, Math.min(head.length, 116), StandardCharsets.ISO_8859_1);
            if (text.startsWith(MAT73_TEXT) || startsWith(head, 512, HDF5_SIGNATURE)) {
                throw new InputException("MATLAB v7.3 (HDF5) files are not read; save it as v7 in MATLAB: "
                        + resave(file));
            }
            if (size == 0) {
                throw new InputException("empty file, not a MATLAB MAT-file");
            }
            if (!text.startsWith(MAT5_TEXT)) {
                if (text.startsWith("MATLAB")) {
                    throw new InputException("a MAT-file of a version not read: its header says '"
                            + printable(text.substring(0, Math.min(text.length(), 19))) + "'; only level 5 (v5-v7,"
                            + " header 'MATLAB 5.0 MAT-file') is read");
                }
                throw new InputException("not a MATLAB MAT-file: it does not begin with the header 'MATLAB 5.0"
                        + " MAT-file' (MAT level 4 files, which have none, are not read)");
            }
            if (size < HEADER_BYTES) {
                throw new InputException("truncated MAT-file: " + size + " bytes, shorter than its 128-byte header");
            }
            ByteOrder order;
            if (head[126] == 'I' && head[127] == 'M') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (head[126] == 'M' && head[127] == 'I') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new InputException("not a valid MAT-file: no byte order mark 'IM' or 'MI' at bytes 127-128");
            }
            ByteBuffer tag = ByteBuffer.allocate(8).order(order);
            long pos = HEADER_BYTES;
            boolean compressed = false;
            int variables = 0;
            while (size - pos >= 8) {
                tag.clear();
                readFully(ch, tag, pos);
                int type = tag.getInt(0);
                long bytes = Integer.toUnsignedLong(tag.getInt(4));
                if (type != MI_MATRIX && type != MI_COMPRESSED) {
                    throw new InputException(String.format(Locale.ROOT, "damaged MAT-file: element %d at byte %d"
                            + " is of type %d, not a variable (14, or 15 compressed)", variables + 1, pos, type));
                }
                if (bytes > size - pos - 8) {
                    throw new InputException(String.format(Locale.ROOT, "truncated or damaged MAT-file: variable %d"
                            + " at byte %d declares %d bytes, but only %d follow", variables + 1, pos, bytes,
                            size - pos - 8));
                }
                compressed |= type == MI_COMPRESSED;
                variables++;
                pos += 8 + bytes;
            }
            return new Layout(size, order, compressed, variables);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long position) throws IOException {
        long p = position;
        while (into.hasRemaining()) {
            int n = ch.read(into, p);
            if (n < 0) {
                throw new EOFException("end of file at byte " + p);
            }
            p += n;
        }
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** MATLAB commands that save the same variables as v7 beside the file. */
    private static String resave(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "x.mat" : name.toString().replace("'", "''");
        String base = n.toLowerCase(Locale.ROOT).endsWith(".mat") ? n.substring(0, n.length() - 4) : n;
        return "S = load('" + n + "'); save('" + base + "_v7.mat', '-struct', 'S', '-v7')";
    }

    static String quoteAll(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(s.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return s.toString();
    }
}
