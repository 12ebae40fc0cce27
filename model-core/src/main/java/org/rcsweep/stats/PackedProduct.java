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
        int pFull = 0;
        int mFull = 0;
        if (TransposeProduct.VECTORISED) {
            pFull = p - p % PackedLeft.GROUP;
            mFull = m - m % PackedRows.GROUP;
            VectorTransposeProduct.packed(a.data(), rows, pFull, b.data(), b.capacity(), mFull, c, cOffset, ldc);
        }
        // What the SIMD blocks did not cover (everything without the Vector API): entry by entry, r outermost.
        scalar(a, b, rows, pFull, p, 0, m, c, cOffset, ldc);
        scalar(a, b, rows, 0, pFull, mFull, m, c, cOffset, ldc);
    }

    private static void scalar(PackedLeft a, PackedRows b, int rows, int i0, int i1, int j0, int j1, double[] c,
                               int cOffset, int ldc) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int i = i0; i < i1; i++) {
                double x = a.get(r, i);
                int ci = cOffset + i * ldc;
                for (int j = j0; j < j1; j++) {
                    c[ci + j] = Math.fma(x, b.get(r, j), c[ci + j]);
                }
            }
        }
    }
}
