package io.clonus.io.mat;

import io.clonus.io.DelimitedText;
import io.clonus.io.InputException;
import io.clonus.io.TimeColumn;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.format.Mat5Reader;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.ObjectStruct;
import us.hebi.matlab.mat.types.Opaque;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;
import us.hebi.matlab.mat.types.Struct;

/**
 * The part of {@link MatReader} that uses MFL: reads the file within the limits and applies the rules of
 * {@link MatReader}'s class description. Only {@link MatReader#read} loads this class, after checking that MFL
 * is on the class path. One instance per read; not thread-safe.
 */
final class MatContentsReader {
    /** Heap bytes counted for each element of a cell or struct array (a reference, and its tag in the file). */
    private static final int CONTAINER_ELEMENT_BYTES = 8;

    private final Path file;
    private final MatReader.Layout layout;
    /** Most elements one array may declare: what the file could hold, and {@link MatReader#MAX_SAMPLES}. */
    private final long elementBound;
    private final Budget budget;
    /** What is not read as channels, for the note: "'x' (logical)", by the place of its variable in the file. */
    private final List<Unused> unused = new ArrayList<>();
    /** The place of each top-level variable in the file, as the entry filter saw them. */
    private final Map<String, Integer> rootIndex = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** The top-level variable being read, for messages. */
    private String current;

    private MatContentsReader(Path file, MatReader.Layout layout) {
        this.file = file;
        this.layout = layout;
        long size = layout.size();
        this.elementBound = layout.compressed() ? saturatedTimes(size, MatReader.MAX_DEFLATE_RATIO) : size;
        long dataBound = layout.compressed() ? saturatedTimes(size, MatReader.MAX_DEFLATE_RATIO)
                : saturatedTimes(size, 4);
        this.budget = new Budget(Math.min(dataBound, MatReader.MAX_DATA_BYTES), dataBound < MatReader.MAX_DATA_BYTES);
    }

    static MatReader.Contents read(Path file, MatReader.Layout layout) throws IOException, InputException {
        return new MatContentsReader(file, layout).read();
    }

    /** Thrown from inside MFL (the entry filter, the allocator) to stop reading; becomes an InputException. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Counts the bytes of array data MFL holds and refuses what exceeds the limit; buffers are on the heap. */
    private final class Budget implements BufferAllocator {
        private final long limit;
        private final boolean fromFileSize;
        private long held;

        Budget(long limit, boolean fromFileSize) {
            this.limit = limit;
            this.fromFileSize = fromFileSize;
        }

        void charge(long bytes) {
            if (bytes < 0 || held + bytes > limit) {
                throw new Refused(fromFileSize
                        ? String.format(Locale.ROOT, "%s declares more data than the file can hold (%d bytes of"
                                + " arrays so far, from a file of %d bytes%s): the file is damaged", where(),
                                held + Math.max(bytes, 0), layout.size(), layout.compressed() ? ", compressed" : "")
                        : String.format(Locale.ROOT, "%s: more than %d bytes (2 GiB) of array data, the most read"
                                + " from one MAT-file (it is read whole); save shorter pieces, or use EDF for long"
                                + " recordings", where(), limit));
            }
            held += bytes;
        }

        @Override
        public ByteBuffer allocate(int numBytes) {
            charge(numBytes);
            return ByteBuffer.allocate(numBytes).order(ByteOrder.nativeOrder());
        }

        @Override
        public void release(ByteBuffer buffer) {
            held = Math.max(0, held - buffer.capacity());
        }
    }

    /** MFL's reader, with the element counts of cell and struct arrays checked before MFL allocates them. */
    private final class GuardedReader extends Mat5Reader {
        GuardedReader(Source source) {
            super(source);
        }

        @Override
        protected Array readCell(EntryHeader header) throws IOException {
            container(header, 1);
            return super.readCell(header);
        }

        @Override
        protected Array[][] readValues(EntryHeader header, int numFields, String[] names) throws IOException {
            container(header, Math.max(1, numFields));
            return super.readValues(header, numFields, names);
        }

        @Override
        protected Mat5Reader createChildReader(Source source) {
            GuardedReader child = new GuardedReader(source);
            child.filter = filter;
            child.bufferAllocator = bufferAllocator;
            return child;
        }

        private void container(EntryHeader header, int perElement) {
            long n = numel(header.getDimensions());
            if (n < 0 || n > elementBound) {
                throw new Refused(where() + " holds a cell or struct array declared as " + dims(header.getDimensions())
                        + ", more elements than the file can hold: the file is damaged");
            }
            budget.charge(n * perElement * CONTAINER_ELEMENT_BYTES);
        }
    }

    private String where() {
        return current == null ? "the file" : "variable '" + current + "'";
    }

    private MatReader.Contents read() throws IOException, InputException {
        if (layout.variables() == 0) {
            throw new InputException("no numeric channel: the MAT-file holds no variables");
        }
        Mat5File mat;
        Source source = Sources.openStreamingFile(file.toFile());
        try {
            GuardedReader reader = new GuardedReader(source);
            reader.setBufferAllocator(budget).setEntryFilter(this::accept).disableSubsystemProcessing();
            mat = reader.readMat();
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    throw new InputException(r.getMessage());
                }
            }
            throw new InputException("damaged MAT-file" + (current == null ? "" : " (in or after variable '" + current
                    + "')") + ": " + describe(e), e);
        } finally {
            source.close();
        }
        try {
            current = null;
            return contents(mat);
        } finally {
            mat.close();
        }
    }

    /** The entry filter: refuses oversized top-level arrays and skips unused ones unread. */
    private boolean accept(Mat5Reader.EntryHeader h) {
        current = h.getName();
        rootIndex.putIfAbsent(h.getName(), rootIndex.size());
        int[] dims = h.getDimensions();
        long n = numel(dims);
        if (n < 0) {
            throw new Refused("variable '" + h.getName() + "' declares the size " + dims(dims)
                    + ": the file is damaged");
        }
        String reason = unusedReason(h.getType(), dims, n, h.isLogical(), h.isComplex(), h.getName(), false);
        if (reason != null) {
            unused(h.getName(), reason);
            return false;
        }
        String refused = tooLarge(h.getName(), dims, n);
        if (refused != null) {
            throw new Refused(refused);
        }
        return true;
    }

    /** Why an array of this size is refused, or null. */
    private String tooLarge(String variable, int[] dims, long n) {
        if (n > elementBound) {
            return String.format(Locale.ROOT, "variable '%s' declares %s = %d elements, more than a file of %d"
                    + " bytes%s can hold: the file is damaged", variable, dims(dims), n, layout.size(),
                    layout.compressed() ? " (compressed)" : "");
        }
        if (n > MatReader.MAX_SAMPLES) {
            return String.format(Locale.ROOT, "variable '%s' holds %s = %d values, more than the %d (2^28) read"
                    + " from a MAT-file, which is read whole; save shorter pieces, or use EDF for long recordings",
                    variable, dims(dims), n, MatReader.MAX_SAMPLES);
        }
        return null;
    }

    /** Why an array is not read as channels, labels, rate or struct; null when it may be. */
    private static String unusedReason(MatlabType type, int[] dims, long n, boolean logical, boolean complex,
            String name, boolean inStruct) {
        if (dims.length > 2) {
            return "a " + dims.length + "-dimensional array";
        }
        switch (type) {
            case Structure:
                if (inStruct) {
                    return "a struct inside a struct: one level is read";
                }
                return n == 1 ? null : "a " + dims(dims) + " struct array: only a 1×1 struct is read";
            case Cell:
                if (!isLabelName(name)) {
                    return "a cell array";
                }
                return n > MatReader.MAX_MATRIX_CHANNELS ? "a cell array of more than "
                        + MatReader.MAX_MATRIX_CHANNELS + " labels" : null;
            case Character:
                if (!isLabelName(name)) {
                    return "char";
                }
                return dims[0] > MatReader.MAX_MATRIX_CHANNELS || n > 1 << 16 ? "char, too large for labels" : null;
            case Sparse:
                return "sparse";
            case Object:
            case Opaque:
                return "an object";
            case Function:
                return "a function handle";
            default:
                if (logical) {
                    return "logical";
                }
                if (complex) {
                    return "complex";
                }
                return n == 0 ? "empty" : null;
        }
    }

    /** Where channels, labels and a rate are looked for together: the top level, or one struct. */
    private static final class Scope {
        final String struct;
        final List<Labels> labels = new ArrayList<>();
        double rate = Double.NaN;
        String rateVariable;

        Scope(String struct) {
            this.struct = struct;
        }

        String path(String name) {
            return struct == null ? name : struct + "." + name;
        }

        String describe() {
            return struct == null ? "at the top level" : "in struct '" + struct + "'";
        }
    }

    private record Labels(String variable, List<String> names) {
    }

    private record Unused(int rank, String text) {
    }

    /** A vector or matrix to be read as channels. */
    private static final class Item {
        final Scope scope;
        final String variable;
        final Matrix matrix;
        final int rows;
        final int cols;
        List<String> labels;

        Item(Scope scope, String variable, Matrix matrix, int rows, int cols) {
            this.scope = scope;
            this.variable = variable;
            this.matrix = matrix;
            this.rows = rows;
            this.cols = cols;
        }

        boolean isVector() {
            return rows == 1 || cols == 1;
        }

        int channels() {
            return isVector() ? 1 : Math.min(rows, cols);
        }

        int samples() {
            return Math.max(rows, cols);
        }
    }

    private MatReader.Contents contents(MatFile mat) throws InputException {
        Scope top = new Scope(null);
        List<Scope> scopes = new ArrayList<>(List.of(top));
        List<Item> items = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            if (!e.getName().isEmpty()) {
                visit(top, e.getName(), e.getValue(), scopes, items);
            }
        }
        for (Scope s : scopes) {
            for (Labels l : s.labels) {
                List<Item> fits = items.stream().filter(i -> i.scope == s && !i.isVector() && i.labels == null
                        && i.channels() == l.names().size()).toList();
                if (fits.size() == 1) {
                    fits.get(0).labels = l.names();
                } else {
                    notes.add("labels '" + l.variable() + "' not used: they are " + count(l.names().size(), "name")
                            + ", and " + (fits.isEmpty() ? "no matrix " + s.describe() + " has "
                                    + count(l.names().size(), "channel")
                                    : fits.size() + " matrices " + s.describe() + " have as many channels ("
                                            + MatReader.quoteAll(fits.stream().map(i -> i.variable).toList()) + ")"));
                }
            }
        }
        long total = 0;
        for (Item i : items) {
            total += (long) i.channels() * i.samples();
        }
        if (total > MatReader.MAX_SAMPLES) {
            throw new InputException(String.format(Locale.ROOT, "the channels hold %d samples in all, more than the"
                    + " %d (2^28) read from a MAT-file, which is read whole; save shorter pieces, or use EDF for long"
                    + " recordings", total, MatReader.MAX_SAMPLES));
        }
        List<MatReader.Channel> channels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Item i : items) {
            Scope rateScope = i.scope.rateVariable != null ? i.scope : top;
            for (int c = 0; c < i.channels(); c++) {
                String base;
                if (i.isVector()) {
                    base = i.variable;
                } else if (i.labels != null && !i.labels.get(c).isBlank()) {
                    base = i.labels.get(c);
                } else {
                    base = i.variable + "[" + (c + 1) + "]";
                }
                int k = seen.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
                String name = k == 1 ? base : base + " #" + k;
                channels.add(new MatReader.Channel(name, i.variable, samples(i, c), rateScope.rate,
                        rateScope.rateVariable));
            }
        }
        // in file order: those the entry filter skipped were listed while MFL read, before the others
        String notRead = String.join(", ", unused.stream().sorted(Comparator.comparingInt(Unused::rank))
                .map(Unused::text).toList());
        if (channels.isEmpty()) {
            throw new InputException("no numeric channel: no real numeric vector or matrix of channels in the file"
                    + (unused.isEmpty() ? "" : "; not read: " + notRead));
        }
        List<String> all = new ArrayList<>();
        if (!unused.isEmpty()) {
            all.add("not read as channels: " + notRead);
        }
        all.addAll(notes);
        return new MatReader.Contents(channels, all);
    }

    private void visit(Scope scope, String name, Array array, List<Scope> scopes, List<Item> items)
            throws InputException {
        String path = scope.path(name);
        int[] dims = array.getDimensions();
        long n = numel(dims);
        if (array instanceof Opaque o) {
            unused(path, "an object of class " + o.getClassName());
            return;
        }
        if (array instanceof ObjectStruct o) {
            unused(path, "an object of class " + o.getClassName());
            return;
        }
        boolean logical = array instanceof Matrix m && m.isLogical();
        boolean complex = array instanceof Matrix m && m.isComplex();
        String reason = unusedReason(array.getType(), dims, n, logical, complex, name, scope.struct != null);
        if (reason != null) {
            unused(path, reason);
            return;
        }
        switch (array.getType()) {
            case Structure -> {
                Struct s = (Struct) array;
                Scope inner = new Scope(path);
                scopes.add(inner);
                for (String field : s.getFieldNames()) {
                    visit(inner, field, s.get(field), scopes, items);
                }
            }
            case Cell, Character -> labels(scope, path, array, dims, n);
            default -> numeric(scope, name, path, (Matrix) array, dims, n, items);
        }
    }

    private void numeric(Scope scope, String name, String path, Matrix m, int[] dims, long n, List<Item> items)
            throws InputException {
        String refused = tooLarge(path, dims, n);
        if (refused != null) {
            throw new InputException(refused);
        }
        int rows = dims[0];
        int cols = dims[1];
        boolean vector = rows == 1 || cols == 1;
        if (isRateName(name) && vector) {
            rate(scope, path, m, (int) n);
            return;
        }
        if (n == 1) {
            unused(path, "a scalar");
        } else if (vector) {
            if (TimeColumn.isTime(name)) {
                unused(path, "a time vector");
            } else {
                items.add(new Item(scope, path, m, rows, cols));
            }
        } else {
            int k = Math.min(rows, cols);
            if (k > MatReader.MAX_MATRIX_CHANNELS
                    || Math.max(rows, cols) < (long) MatReader.MIN_SAMPLES_PER_CHANNEL * k) {
                unused(path, "a " + dims(dims) + " matrix: channels are at most " + MatReader.MAX_MATRIX_CHANNELS
                        + ", with at least " + MatReader.MIN_SAMPLES_PER_CHANNEL + " times as many samples");
            } else {
                items.add(new Item(scope, path, m, rows, cols));
            }
        }
    }

    private void rate(Scope scope, String path, Matrix m, int n) {
        double v = m.getDouble(0);
        for (int i = 1; i < n; i++) {
            if (m.getDouble(i) != v) {
                unused(path, "named like a sample rate, but its " + n + " values differ");
                return;
            }
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            notes.add("'" + path + "' = " + (Double.isFinite(v) ? DelimitedText.format(v) : String.valueOf(v))
                    + " is no sample rate; not used");
        } else if (scope.rateVariable == null) {
            scope.rate = v;
            scope.rateVariable = path;
        } else if (v != scope.rate) {
            notes.add("'" + path + "' gives " + DelimitedText.format(v) + " Hz, but '" + scope.rateVariable
                    + "' before it " + DelimitedText.format(scope.rate) + " Hz; using '" + scope.rateVariable + "'");
        }
    }

    private void labels(Scope scope, String path, Array array, int[] dims, long n) {
        List<String> names = new ArrayList<>();
        if (array instanceof Char c) {
            for (int r = 0; r < dims[0]; r++) {
                names.add(c.getRow(r).strip());
            }
        } else {
            Cell cell = (Cell) array;
            for (int i = 0; i < n; i++) {
                Array a = cell.get(i);
                if (a instanceof Char c && a.getNumRows() <= 1 && a.getNumDimensions() == 2) {
                    names.add(a.getNumElements() == 0 ? "" : c.getString().strip());
                } else {
                    unused(path, "a cell array, not all of texts");
                    return;
                }
            }
        }
        scope.labels.add(new Labels(path, names));
    }

    /** The samples of one channel (MFL has checked that the data fill the declared size). */
    private static double[] samples(Item i, int channel) {
        int n = i.samples();
        double[] x = new double[n];
        if (i.isVector()) {
            for (int s = 0; s < n; s++) {
                x[s] = i.matrix.getDouble(s);
            }
        } else if (i.rows >= i.cols) {
            for (int s = 0; s < n; s++) {
                x[s] = i.matrix.getDouble(s, channel);
            }
        } else {
            for (int s = 0; s < n; s++) {
                x[s] = i.matrix.getDouble(channel, s);
            }
        }
        return x;
    }

    private void unused(String path, String reason) {
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        unused.add(new Unused(rootIndex.getOrDefault(root, Integer.MAX_VALUE), "'" + path + "' (" + reason + ")"));
    }

    private static boolean isRateName(String name) {
        return MatReader.RATE_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isLabelName(String name) {
        return MatReader.LABEL_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The element count, or -1 when a dimension is negative. */
    static long numel(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                return -1;
            }
            n = saturatedTimes(n, d);
        }
        return n;
    }

    private static long saturatedTimes(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static String dims(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims) {
            s.append(s.length() == 0 ? "" : "×").append(d);
        }
        return s.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof EOFException) {
            return "it ends in the middle of a variable";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
    }
}
