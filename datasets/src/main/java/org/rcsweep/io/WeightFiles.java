package org.rcsweep.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads user-supplied network weights (.npy or .csv) and checks them completely before use: a regular file of at
 * most {@link #MAX_BYTES} bytes, a well-formed header or rows, at most {@link #MAX_VALUES} values, every value finite,
 * and the shape the caller expects. Every problem is a {@link WeightFileException} whose message names the file.
 */
public final class WeightFiles {
    /** The largest weight file read, checked before reading: 4 GiB (a float64 .npy of {@link #MAX_VALUES} fits). */
    public static final long MAX_BYTES = 1L << 32;
    /** The most values one weight file may hold: 2^28 doubles (2 GiB in memory), a 16384 × 16384 matrix. */
    public static final int MAX_VALUES = 1 << 28;

    private WeightFiles() {
    }

    public static Matrix read(Path file) {
        return read(file, ShapeCheck.ANY);
    }

    /** A square N × N recurrent matrix. */
    public static Matrix square(Path file) {
        return read(file, (rows, cols) -> {
            if (rows != cols) {
                throw new WeightFileException(file + ": shape " + rows + " × " + cols
                        + " is not square (a recurrent matrix is N × N)");
            }
        });
    }

    /** A vector of length n (stored as n × 1 or 1 × n). */
    public static double[] vector(Path file, int n) {
        return read(file, (rows, cols) -> {
            if ((rows != 1 && cols != 1) || (long) rows * cols != n) {
                throw new WeightFileException(file + ": shape " + rows + " × " + cols
                        + " does not match an input weight vector of length N = " + n);
            }
        }).values();
    }

    private static Matrix read(Path file, ShapeCheck expected) {
        long size = checkedSize(file);
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return NpyReader.read(file, size, expected);
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvMatrixReader.read(file, size, expected);
        }
        throw new WeightFileException(file + ": unknown format (allowed: .npy, .csv)");
    }

    /**
     * The size of {@code file} after checking, without opening it, that it exists, is a regular file (following
     * symbolic links; not a directory, device or FIFO), is not empty and has at most {@link #MAX_BYTES} bytes.
     */
    static long checkedSize(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new WeightFileException(file + ": does not exist", e);
        } catch (AccessDeniedException e) {
            throw new WeightFileException(file + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new WeightFileException(file + ": cannot read (" + e + ")", e);
        }
        if (!attributes.isRegularFile()) {
            throw new WeightFileException(file + ": is not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket") + ")");
        }
        long size = attributes.size();
        if (size == 0) {
            throw new WeightFileException(file + ": is empty");
        }
        if (size > MAX_BYTES) {
            throw new WeightFileException(file + ": has " + size + " bytes, more than the " + MAX_BYTES
                    + " (4 GiB) a weight file may have");
        }
        return size;
    }

    /** Throws unless {@code count} values fit under {@link #MAX_VALUES}; {@code what} says where they come from. */
    static void checkCount(Path file, long count, String what) {
        if (count > MAX_VALUES) {
            throw new WeightFileException(file + ": " + what + " " + count + " values, more than the " + MAX_VALUES
                    + " (2^28) a weight file may hold");
        }
    }

    /** Text from the file quoted in a message: on one line, control characters as '?', at most 40 characters. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 40; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > 40 ? b + "…" : b.toString();
    }

    /** "row 2, column 3" (1-based), for messages about one value. */
    static String cell(long row, long col) {
        return "row " + row + ", column " + col;
    }
}
