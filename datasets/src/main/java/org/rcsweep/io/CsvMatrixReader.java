package org.rcsweep.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a dense matrix from CSV (UTF-8): one row per line, values separated by a comma or white space (a trailing
 * comma is allowed), lines starting with '#' and blank lines ignored. Every value is a finite decimal number
 * ({@code -1.5}, {@code 2e-3}); every row has as many values as the first. The file is read as a stream, never
 * holding more than one value's text, and stops at the first problem or at {@link WeightFiles#MAX_VALUES} values.
 */
public final class CsvMatrixReader {
    /** The longest text of one value (a float64 written in full needs about 25 characters). */
    static final int MAX_CELL_CHARS = 400;
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private CsvMatrixReader() {
    }

    public static Matrix read(Path file) {
        return read(file, WeightFiles.checkedSize(file), ShapeCheck.ANY);
    }

    static Matrix read(Path file, long size, ShapeCheck expected) {
        Parser parser = new Parser(file);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            char[] buf = new char[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    parser.accept(buf[i]);
                }
            }
        } catch (CharacterCodingException e) {
            throw new WeightFileException(file + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new WeightFileException(file + ": cannot read (" + e + ")", e);
        }
        return parser.finish(expected);
    }

    /** A character-at-a-time parser: the current line, row and value, and the values so far. */
    private static final class Parser {
        private final Path file;
        private final StringBuilder cell = new StringBuilder();
        private double[] values = new double[1024];
        private int count;
        private long line = 1;
        private int rows;
        private int firstRowLength = -1;
        private int col; // values in the current row
        private boolean comma; // a comma since the last value of this row
        private boolean comment;
        private boolean first = true;

        Parser(Path file) {
            this.file = file;
        }

        void accept(char c) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    return; // byte-order mark
                }
            }
            if (c == '\n') {
                endCell();
                endLine();
            } else if (comment) {
                return;
            } else if (c == ',') {
                endCell();
                if (comma || col == 0) {
                    throw new WeightFileException(file + ": " + where(col + 1) + " is empty");
                }
                comma = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                endCell();
            } else if (c == '#' && col == 0 && cell.length() == 0) {
                comment = true;
            } else {
                if (cell.length() == MAX_CELL_CHARS) {
                    throw new WeightFileException(file + ": " + where(col + 1) + " is longer than "
                            + MAX_CELL_CHARS + " characters");
                }
                cell.append(c);
            }
        }

        Matrix finish(ShapeCheck expected) {
            endCell();
            endLine();
            if (rows == 0) {
                throw new WeightFileException(file + ": holds no values (only blank lines and '#' comments)");
            }
            expected.check(rows, firstRowLength);
            return new Matrix(rows, firstRowLength, count == values.length ? values : Arrays.copyOf(values, count));
        }

        private void endCell() {
            if (cell.length() == 0) {
                return;
            }
            String text = cell.toString();
            cell.setLength(0);
            int column = col + 1;
            if (!NUMBER.matcher(text).matches()) {
                if (NON_FINITE.matcher(text).matches()) {
                    String what = text.toLowerCase(Locale.ROOT).contains("nan") ? "NaN"
                            : text.startsWith("-") ? "-Infinity" : "Infinity";
                    throw new WeightFileException(file + ": " + where(column) + " is " + what
                            + ": weights must be finite");
                }
                throw new WeightFileException(file + ": " + where(column) + ": '" + WeightFiles.printable(text)
                        + "' is not a number");
            }
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new WeightFileException(file + ": " + where(column) + " is " + WeightFiles.printable(text)
                        + ", beyond the float64 range: weights must be finite");
            }
            if (count == values.length) {
                WeightFiles.checkCount(file, count + 1L, "holds at least");
                values = Arrays.copyOf(values, (int) Math.min((long) values.length * 2, WeightFiles.MAX_VALUES));
            }
            values[count++] = v;
            col++;
            comma = false;
        }

        private void endLine() {
            if (col > 0) {
                rows++;
                if (firstRowLength < 0) {
                    firstRowLength = col;
                } else if (col != firstRowLength) {
                    throw new WeightFileException(file + ": " + rowAt(rows) + " has " + values(col) + ", row 1 has "
                            + firstRowLength);
                }
            }
            col = 0;
            comma = false;
            comment = false;
            line++;
        }

        private static String values(int n) {
            return n == 1 ? "1 value" : n + " values";
        }

        /** "row 3, column 2", with the line when comments or blank lines make it differ from the row. */
        private String where(int column) {
            return rowAt(rows + 1) + ", column " + column;
        }

        private String rowAt(int row) {
            return "row " + row + (row == line ? "" : " (line " + line + ")");
        }
    }
}
