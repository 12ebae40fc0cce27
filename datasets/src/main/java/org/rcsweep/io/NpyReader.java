package org.rcsweep.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding a 1-D or 2-D array of float64 or float32,
 * little- or big-endian, in C or Fortran order — what {@code numpy.save} writes for a trained network's weights. The
 * file is checked completely: the magic string, the version, a header of at most {@value #MAX_HEADER_BYTES} bytes
 * that is exactly the dictionary {@code {'descr': …, 'fortran_order': …, 'shape': (…)}}, a data size equal to what the
 * header says (before any value is read) and finite values. A 1-D array of length n is an n × 1 matrix.
 */
public final class NpyReader {
    /** The largest header accepted (the most a version 1.0 file can have; numpy's own headers are about 100 bytes). */
    static final int MAX_HEADER_BYTES = 65535;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DIM = Pattern.compile("[0-9]+");
    private static final int CHUNK = 1 << 20;

    private NpyReader() {
    }

    public static Matrix read(Path file) {
        return read(file, WeightFiles.checkedSize(file), ShapeCheck.ANY);
    }

    static Matrix read(Path file, long size, ShapeCheck expected) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, size, channel, expected);
        } catch (IOException e) {
            throw new WeightFileException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static Matrix read(Path file, long size, FileChannel channel, ShapeCheck expected) throws IOException {
        ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, 10)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, start, "the preamble");
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= start.limit() || start.get(i) != MAGIC[i]) {
                throw new WeightFileException(file + ": not a .npy file (magic string \\x93NUMPY missing)");
            }
        }
        if (size < 10) {
            throw new WeightFileException(file + ": truncated: the file ends inside the preamble (" + size
                    + " bytes)");
        }
        int major = Byte.toUnsignedInt(start.get(6));
        int minor = Byte.toUnsignedInt(start.get(7));
        if (major < 1 || major > 3 || minor != 0) {
            throw new WeightFileException(file + ": .npy format version " + major + "." + minor
                    + " not supported (1.0, 2.0 or 3.0)");
        }
        long headerLength;
        int preamble;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(start.getShort(8));
            preamble = 10;
        } else {
            if (size < 12) {
                throw new WeightFileException(file + ": truncated: the file ends inside the preamble (" + size
                        + " bytes)");
            }
            ByteBuffer rest = ByteBuffer.allocate(2);
            readFully(file, channel, rest, "the preamble");
            headerLength = Integer.toUnsignedLong(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .put(start.array(), 8, 2).put(rest.array()).getInt(0));
            preamble = 12;
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new WeightFileException(file + ": header length " + headerLength + " exceeds "
                    + MAX_HEADER_BYTES + " bytes");
        }
        if (preamble + headerLength > size) {
            throw new WeightFileException(file + ": truncated: the header length is " + headerLength
                    + " bytes but the file has " + (size - preamble) + " bytes after the preamble");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(file, channel, headerBytes, "the header");
        headerBytes.flip();
        String header;
        try {
            header = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBytes).toString();
        } catch (CharacterCodingException e) {
            throw new WeightFileException(file + ": header is not valid UTF-8", e);
        }
        Map<String, String> fields = new HeaderParser(file, header).parse();

        String descrField = fields.get("descr");
        if (!descrField.startsWith("'")) {
            throw new WeightFileException(file + ": descr " + WeightFiles.printable(descrField)
                    + " is not a dtype string");
        }
        String descr = descrField.substring(1, descrField.length() - 1);
        ByteOrder order;
        int width;
        switch (descr) {
            case "<f8", "|f8", "f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            case "<f4", "|f4", "f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            default -> throw new WeightFileException(file + ": dtype '" + WeightFiles.printable(descr)
                    + "' not supported (supported: float64 '<f8'/'>f8' and float32 '<f4'/'>f4';"
                    + " save with arr.astype(np.float64))");
        }
        String fortranText = WeightFiles.printable(fields.get("fortran_order"));
        if (!fortranText.equals("True") && !fortranText.equals("False")) {
            throw new WeightFileException(file + ": fortran_order " + fortranText + " is not True or False");
        }
        boolean fortran = fortranText.equals("True");

        String shapeField = fields.get("shape");
        String shape = WeightFiles.printable(shapeField.replaceAll("\\s+", " "));
        long[] dims = dims(file, shapeField, shape);
        if (dims.length != 1 && dims.length != 2) {
            throw new WeightFileException(file + ": shape " + shape + " is not 1-D or 2-D");
        }
        long rowsLong = dims[0];
        long colsLong = dims.length == 2 ? dims[1] : 1;
        long count = rowsLong * colsLong; // each dimension is below 2^31: no overflow
        if (count == 0) {
            throw new WeightFileException(file + ": shape " + shape + " holds no values");
        }
        WeightFiles.checkCount(file, count, "shape " + shape + " holds");
        int rows = (int) rowsLong;
        int cols = (int) colsLong;
        expected.check(rows, cols);

        long dataStart = preamble + headerLength;
        long dataBytes = count * width;
        long available = size - dataStart;
        if (available != dataBytes) {
            throw new WeightFileException(file + ": " + (available < dataBytes ? "truncated: " : "")
                    + "the header says " + count + " values (" + dataBytes + " bytes) but the file has " + available
                    + " bytes after the header" + (available > dataBytes ? " (trailing data)" : ""));
        }

        double[] values = new double[(int) count];
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, dataBytes)).order(order);
        int k = 0;
        while (k < count) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), (count - k) * width));
            readFully(file, channel, chunk, "the data");
            chunk.flip();
            while (chunk.hasRemaining()) {
                double v = width == 8 ? chunk.getDouble() : chunk.getFloat();
                int row = fortran ? k % rows : k / cols;
                int col = fortran ? k / rows : k % cols;
                values[row * cols + col] = v;
                k++;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                int row = i / cols;
                int col = i % cols;
                throw new WeightFileException(file + ": " + WeightFiles.cell(row + 1L, col + 1L) + " (index "
                        + (dims.length == 2 ? "[" + row + ", " + col + "]" : "[" + row + "]") + ") is "
                        + values[i] + ": weights must be finite");
            }
        }
        return new Matrix(rows, cols, values);
    }

    /** The dimensions of a shape tuple such as {@code (3,)} or {@code (2, 3)}: non-negative, each below 2^31. */
    private static long[] dims(Path file, String field, String shape) {
        if (!field.startsWith("(")) {
            throw new WeightFileException(file + ": shape " + shape + " is not a tuple");
        }
        String inner = field.substring(1, field.length() - 1).trim();
        if (inner.isEmpty()) {
            return new long[0];
        }
        if (inner.endsWith(",")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        String[] parts = inner.split(",", -1);
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (!DIM.matcher(part).matches()) {
                throw new WeightFileException(file + ": shape " + shape
                        + " is not a list of non-negative integers");
            }
            if (part.length() > 10 || Long.parseLong(part) > Integer.MAX_VALUE) {
                throw new WeightFileException(file + ": shape " + shape + " has a dimension larger than "
                        + Integer.MAX_VALUE);
            }
            dims[i] = Long.parseLong(part);
        }
        return dims;
    }

    /** Fills {@code buf} from the channel; the file ending first means it changed since its size was checked. */
    private static void readFully(Path file, FileChannel channel, ByteBuffer buf, String part) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new WeightFileException(file + ": truncated: the file ends inside " + part
                        + " (it changed while being read)");
            }
        }
    }

    /**
     * The header: a Python dict literal with exactly the keys 'descr', 'fortran_order' and 'shape', followed by
     * white space. Values are kept as text: a quoted string (with its quotes), a bare word, or a parenthesised tuple.
     */
    private static final class HeaderParser {
        private final Path file;
        private final String text;
        private int pos;

        HeaderParser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, String> parse() {
            Map<String, String> fields = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                String key = quoted();
                key = key.substring(1, key.length() - 1);
                skipSpace();
                expect(':');
                skipSpace();
                String value = value();
                if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                    throw fail("has an unknown key '" + WeightFiles.printable(key) + "'");
                }
                if (fields.put(key, value) != null) {
                    throw fail("has the key '" + key + "' twice");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw fail("is malformed: expected ',' or '}' at offset " + pos);
                }
            }
            pos++;
            skipSpace();
            if (pos != text.length()) {
                throw fail("is malformed: text after the dictionary at offset " + pos);
            }
            for (String key : new String[] {"descr", "fortran_order", "shape"}) {
                if (!fields.containsKey(key)) {
                    throw fail("has no '" + key + "'");
                }
            }
            return fields;
        }

        private String value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return quoted();
            }
            int from = pos;
            if (c == '(') {
                int close = text.indexOf(')', pos);
                if (close < 0) {
                    throw fail("is malformed: unclosed '(' at offset " + pos);
                }
                pos = close + 1;
                return text.substring(from, pos);
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (pos == from) {
                throw fail("is malformed: unexpected '" + WeightFiles.printable(String.valueOf(c)) + "' at offset "
                        + pos
                        + " (structured dtypes are not supported)");
            }
            return text.substring(from, pos);
        }

        private String quoted() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("is malformed: expected a quoted key at offset " + pos);
            }
            int close = text.indexOf(quote, pos + 1);
            if (close < 0) {
                throw fail("is malformed: unclosed string at offset " + pos);
            }
            String s = "'" + text.substring(pos + 1, close) + "'";
            pos = close + 1;
            return s;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail("is malformed: expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw fail("is malformed: it ends at offset " + pos + " inside the dictionary");
            }
            return text.charAt(pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private WeightFileException fail(String what) {
            return new WeightFileException(file + ": header " + what);
        }
    }
}
