package org.rcsweep.io;

import java.nio.file.Path;

/** Reads user-supplied network weights (.npy or .csv) and checks them: finite values, the expected shape. */
public final class WeightFiles {
    private WeightFiles() {
    }

    public static Matrix read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Matrix m;
        if (name.endsWith(".npy")) {
            m = NpyReader.read(file);
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            m = CsvMatrixReader.read(file);
        } else {
            throw new WeightFileException(file + ": unknown format (allowed: .npy, .csv)");
        }
        for (int i = 0; i < m.values().length; i++) {
            if (!Double.isFinite(m.values()[i])) {
                throw new WeightFileException(file + ": entry (" + i / m.cols() + ", " + i % m.cols() + ") is "
                        + m.values()[i] + "; every weight must be finite");
            }
        }
        return m;
    }

    /** A square N × N recurrent matrix. */
    public static Matrix square(Path file) {
        Matrix m = read(file);
        if (m.rows() != m.cols()) {
            throw new WeightFileException(file + ": shape " + m.rows() + " × " + m.cols()
                    + " is not square (a recurrent matrix is N × N)");
        }
        return m;
    }

    /** A vector of length n (stored as n × 1 or 1 × n). */
    public static double[] vector(Path file, int n) {
        Matrix m = read(file);
        if (!m.isVector() || m.values().length != n) {
            throw new WeightFileException(file + ": shape " + m.rows() + " × " + m.cols()
                    + " does not match an input weight vector of length N = " + n);
        }
        return m.values();
    }
}
