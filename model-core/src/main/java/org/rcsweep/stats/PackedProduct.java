package org.rcsweep.stats;

/**
 * C += AᵀB on packed operands ({@link PackedLeft}, {@link PackedRows}): the same fma chain per entry as
 * {@link TransposeProduct} (c ← fma(a_ri, b_ri, c) over r = 0, 1, …), hence the same bits, without packing either
 * operand again. Uses the first {@code A.rows()} rows of B.
 */
public final class PackedProduct {
    private PackedProduct() {
    }

    /** C (A.columns() × B's width, at {@code cOffset}, row stride {@code ldc}) += AᵀB over A's rows. */
    public static void multAddTransA(PackedLeft a, PackedRows b, double[] c, int cOffset, int ldc) {
        int rows = a.rows();
        if (rows > b.capacity()) {
            throw new IllegalArgumentException("A has " + rows + " rows, B holds at most " + b.capacity());
        }
        int p = a.columns();
        int m = b.width();
        if (TransposeProduct.VECTORISED) {
            VectorTransposeProduct.packed(a.data(), rows, p, b.data(), b.capacity(), m, c, cOffset, ldc);
        } else {
            scalar(a, b, rows, p, m, c, cOffset, ldc);
        }
    }

    /** Without the Vector API: entry by entry, rows r outermost (each entry still in the order r = 0, 1, …). */
    static void scalar(PackedLeft a, PackedRows b, int rows, int p, int m, double[] c, int cOffset, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < p; i++) {
                double x = a.get(r, i);
                int ci = cOffset + i * ldc;
                for (int j = 0; j < m; j++) {
                    c[ci + j] = Math.fma(x, b.get(r, j), c[ci + j]);
                }
            }
        }
    }
}
