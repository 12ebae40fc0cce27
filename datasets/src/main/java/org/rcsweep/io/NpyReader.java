package org.rcsweep.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1–3) holding a 1-D or 2-D array of float64 or float32, little- or
 * big-endian, in C or Fortran order — what {@code numpy.save} writes for a trained network's weights.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static Matrix read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WeightFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new WeightFileException(file + ": not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = bytes[6];
        buf.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        int start = buf.position();
        if (start + headerLength > bytes.length) {
            throw new WeightFileException(file + ": truncated header");
        }
        String header = new String(bytes, start, headerLength, major >= 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, file, "descr");
        boolean fortran = "True".equals(find(FORTRAN, header, file, "fortran_order"));
        String shapeText = find(SHAPE, header, file, "shape").trim();
        String[] dims = shapeText.isEmpty() ? new String[0] : shapeText.split("\\s*,\\s*");
        int rows;
        int cols;
        if (dims.length == 1 || (dims.length == 2 && dims[1].isEmpty())) {
            rows = Integer.parseInt(dims[0].trim());
            cols = 1;
        } else if (dims.length == 2) {
            rows = Integer.parseInt(dims[0].trim());
            cols = Integer.parseInt(dims[1].trim());
        } else {
            throw new WeightFileException(file + ": shape (" + shapeText + ") is not 1-D or 2-D");
        }
        ByteOrder order;
        int width;
        switch (descr) {
            case "<f8", "|f8", "f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            case "<f4", "|f4", "f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            default -> throw new WeightFileException(file + ": dtype '" + descr
                    + "' is not float64 or float32 (save with arr.astype(np.float64))");
        }
        long count = (long) rows * cols;
        int dataStart = start + headerLength;
        if (bytes.length - dataStart < count * width) {
            throw new WeightFileException(file + ": holds " + (bytes.length - dataStart) / width + " values, shape ("
                    + shapeText + ") needs " + count);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice().order(order);
        double[] values = new double[(int) count];
        for (int k = 0; k < count; k++) {
            double v = width == 8 ? data.getDouble(k * 8) : data.getFloat(k * 4);
            int row = fortran ? k % rows : k / cols;
            int col = fortran ? k / rows : k % cols;
            values[row * cols + col] = v;
        }
        return new Matrix(rows, cols, values);
    }

    private static String find(Pattern p, String header, Path file, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new WeightFileException(file + ": header has no '" + key + "'");
        }
        return m.group(1);
    }
}
