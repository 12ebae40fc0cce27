package org.rcsweep.stats;

/**
 * The left operand A (rows × columns) of C += AᵀB, copied once into the layout the product kernel streams: column
 * groups of six (the micro-kernel's rows of C), each a contiguous rows × 6 strip (the last group padded with
 * zeros). For an operand used in many products, such as the strips of a triangular factor that every column tile of
 * a solve multiplies by: packing it for every product would cost as much as the product itself at the solves'
 * shapes.
 *
 * @param data    ⌈columns / 6⌉ strips of rows × 6 values, row by row (held, not copied: a working operand)
 * @param rows    rows of A (the depth of every product it is used in)
 * @param columns columns of A (rows of C)
 */
public record PackedLeft(double[] data, int rows, int columns) {
    static final int GROUP = 6;

    /** Packs the row-major rows × columns matrix {@code a}. */
    public static PackedLeft of(double[] a, int rows, int columns) {
        int groups = (columns + GROUP - 1) / GROUP;
        double[] data = new double[groups * rows * GROUP];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < columns; i++) {
                data[(i / GROUP) * rows * GROUP + r * GROUP + i % GROUP] = a[r * columns + i];
            }
        }
        return new PackedLeft(data, rows, columns);
    }

    /** Entry (r, i) of A. */
    double get(int r, int i) {
        return data[(i / GROUP) * rows * GROUP + r * GROUP + i % GROUP];
    }
}
