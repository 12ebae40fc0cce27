package org.rcsweep.io;

/** A dense matrix read from a file: row-major values and its shape (a vector is rows × 1). */
public record Matrix(int rows, int cols, double[] values) {
    public boolean isVector() {
        return rows == 1 || cols == 1;
    }
}
