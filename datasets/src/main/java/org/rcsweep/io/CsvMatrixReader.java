package org.rcsweep.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a dense matrix from CSV: one row per line, values separated by commas or white space, '#' comments. */
public final class CsvMatrixReader {
    private CsvMatrixReader() {
    }

    public static Matrix read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new WeightFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*|\\s+");
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new WeightFileException(file + ": line " + (ln + 1) + ", column " + (c + 1) + ": '"
                            + cells[c] + "' is not a number");
                }
            }
            if (!rows.isEmpty() && rows.get(0).length != row.length) {
                throw new WeightFileException(file + ": line " + (ln + 1) + " has " + row.length
                        + " values, the first row has " + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new WeightFileException(file + ": no values");
        }
        int cols = rows.get(0).length;
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return new Matrix(rows.size(), cols, values);
    }
}
