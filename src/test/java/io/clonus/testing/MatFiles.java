package io.clonus.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;
import us.hebi.matlab.mat.types.Struct;

/**
 * Writes MATLAB MAT-files for tests: through MFL's writer (as MATLAB would save them, compressed as v7 or not as
 * v6), or byte by byte for files MFL would never write (v7.3 headers, damaged sizes).
 */
public final class MatFiles {
    /** miINT8, miUINT8, miINT32, miUINT32, miDOUBLE, miMATRIX, miCOMPRESSED, as the MAT-file format numbers them. */
    public static final int MI_INT8 = 1;
    public static final int MI_UINT8 = 2;
    public static final int MI_INT32 = 5;
    public static final int MI_UINT32 = 6;
    public static final int MI_DOUBLE = 9;
    public static final int MI_MATRIX = 14;
    public static final int MI_COMPRESSED = 15;
    /** mxCELL, mxSTRUCT, mxSPARSE, mxDOUBLE, mxUINT8, as the MAT-file format numbers array classes. */
    public static final int MX_CELL = 1;
    public static final int MX_STRUCT = 2;
    public static final int MX_SPARSE = 5;
    public static final int MX_DOUBLE = 6;
    public static final int MX_UINT8 = 9;

    private MatFiles() {
    }

    /** Variables to write, in order. */
    public static final class Builder {
        private final Map<String, Array> vars = new LinkedHashMap<>();

        /** Adds a variable. */
        public Builder add(String name, Array value) {
            vars.put(name, value);
            return this;
        }

        /** Adds a double column vector (N×1). */
        public Builder column(String name, double... x) {
            return add(name, MatFiles.column(x));
        }

        /** Adds a double scalar. */
        public Builder scalar(String name, double v) {
            return add(name, Mat5.newScalar(v));
        }

        /** Writes a compressed (v7) file, as MATLAB's save does by default. */
        public Path write(Path file) throws IOException {
            return write(file, true);
        }

        /** Writes an uncompressed (v6) file. */
        public Path writeUncompressed(Path file) throws IOException {
            return write(file, false);
        }

        private Path write(Path file, boolean compressed) throws IOException {
            Mat5File mat = Mat5.newMatFile();
            for (Map.Entry<String, Array> e : vars.entrySet()) {
                mat.addArray(e.getKey(), e.getValue());
            }
            try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
                if (compressed) {
                    mat.writeTo(sink);
                } else {
                    Mat5.newWriter(sink).setDeflateLevel(Deflater.NO_COMPRESSION).writeMat(mat);
                }
            }
            return file;
        }
    }

    /** @return a builder of a file's variables */
    public static Builder mat() {
        return new Builder();
    }

    /** @return a double N×1 vector */
    public static Matrix column(double... x) {
        Matrix m = Mat5.newMatrix(x.length, 1);
        for (int i = 0; i < x.length; i++) {
            m.setDouble(i, x[i]);
        }
        return m;
    }

    /** @return a double 1×N vector */
    public static Matrix row(double... x) {
        Matrix m = Mat5.newMatrix(1, x.length);
        for (int i = 0; i < x.length; i++) {
            m.setDouble(i, x[i]);
        }
        return m;
    }

    /**
     * @param samplesInRows true for N×k (a channel per column), false for k×N (a channel per row)
     * @param channels      the channels, of equal length
     * @return a double matrix
     */
    public static Matrix matrix(boolean samplesInRows, double[]... channels) {
        int n = channels[0].length;
        Matrix m = samplesInRows ? Mat5.newMatrix(n, channels.length) : Mat5.newMatrix(channels.length, n);
        for (int c = 0; c < channels.length; c++) {
            for (int i = 0; i < n; i++) {
                if (samplesInRows) {
                    m.setDouble(i, c, channels[c][i]);
                } else {
                    m.setDouble(c, i, channels[c][i]);
                }
            }
        }
        return m;
    }

    /** @return an N×1 vector of the given class, set from the values (which it must hold exactly) */
    public static Matrix column(MatlabType type, double... x) {
        Matrix m = Mat5.newMatrix(x.length, 1, type);
        for (int i = 0; i < x.length; i++) {
            m.setDouble(i, x[i]);
        }
        return m;
    }

    /** @return a 1×k cell array of texts */
    public static Cell texts(String... names) {
        Cell c = Mat5.newCell(1, names.length);
        for (int i = 0; i < names.length; i++) {
            c.set(i, Mat5.newString(names[i]));
        }
        return c;
    }

    /** @return a char matrix with one name per row, padded with blanks as MATLAB's char() pads them */
    public static Char charRows(String... names) {
        int width = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
        Char c = Mat5.newChar(names.length, width);
        for (int r = 0; r < names.length; r++) {
            for (int i = 0; i < width; i++) {
                c.setChar(r, i, i < names[r].length() ? names[r].charAt(i) : ' ');
            }
        }
        return c;
    }

    /** @return a 1×1 struct of the given fields (name, value, name, value …) */
    public static Struct struct(Object... fieldsAndValues) {
        Struct s = Mat5.newStruct();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            s.set((String) fieldsAndValues[i], (Array) fieldsAndValues[i + 1]);
        }
        return s;
    }

    // ---------------------------------------------------------------- byte by byte, little-endian

    /** @return a 128-byte MAT-file header: the text (padded with blanks), no subsystem, version, "IM" */
    public static byte[] header(String text, int version) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        byte[] t = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 116);
        for (int i = text.length(); i < 116; i++) {
            t[i] = ' ';
        }
        b.put(t);
        b.putLong(0);
        b.putShort((short) version);
        b.put((byte) 'I').put((byte) 'M');
        return b.array();
    }

    /** @return a level-5 header as MATLAB writes it */
    public static byte[] header() {
        return header("MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Tue Mar  5 14:30:00 2024", 0x0100);
    }

    /** @return a data element: its 8-byte tag, the data, and padding to 8 bytes */
    public static byte[] element(int type, byte[] data) {
        int padded = (data.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(data.length).put(data);
        return b.array();
    }

    /** @return a tag alone, declaring a size that need not match what follows */
    public static byte[] tag(int type, int declaredBytes) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(declaredBytes).array();
    }

    /** @return little-endian int32 values */
    public static byte[] ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    /** @return little-endian doubles */
    public static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    /**
     * @param mxClass the array class (MX_DOUBLE …)
     * @param dims    the declared dimensions
     * @param name    the name ("" inside a cell or struct)
     * @param rest    the subelements after the name (data, or the fields of a struct)
     * @return the contents of an miMATRIX element (flags, dimensions, name, the rest), without its tag
     */
    public static byte[] arrayBody(int mxClass, int[] dims, String name, byte[]... rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(element(MI_UINT32, ints(mxClass, 0)));
        out.writeBytes(element(MI_INT32, ints(dims)));
        out.writeBytes(element(MI_INT8, name.getBytes(StandardCharsets.US_ASCII)));
        for (byte[] r : rest) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    /** @return an miMATRIX element of that body */
    public static byte[] matrix(byte[] body) {
        return element(MI_MATRIX, body);
    }

    /** @return an miCOMPRESSED element holding the (whole) element given, deflated */
    public static byte[] compressed(byte[] element) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(element);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] z = out.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(8 + z.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MI_COMPRESSED).putInt(z.length).put(z);
        return b.array();
    }

    /** Writes the parts one after another. */
    public static Path bytes(Path file, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return Files.write(file, out.toByteArray());
    }
}
