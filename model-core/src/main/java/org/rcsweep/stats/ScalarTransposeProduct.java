package org.rcsweep.stats;

/**
 * {@link TransposeProduct} without the Vector API: every entry of C is the chain c ← fma(a_ri, b_rj, c) over
 * r = 0, 1, …, exactly as the vector kernel computes it, so a JVM without {@code jdk.incubator.vector} gives the
 * same bits, only slower.
 */
final class ScalarTransposeProduct {
    private ScalarTransposeProduct() {
    }

    static void accumulate(double[] a, int rows, int p, double[] b, int bOff, int ldb, int m, double[] c, int cOff,
                           int ldc, boolean upperOnly) {
        columns(a, rows, p, b, bOff, ldb, c, cOff, ldc, 0, m, upperOnly);
    }

    /**
     * Columns jLo ≤ j &lt; jHi of C (entry (i, j) at cOff + i · ldc + j; jLo a multiple of four), all rows of C.
     */
    static void columns(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                        int jLo, int jHi, boolean upperOnly) {
        // 4 × 4 blocks of C held in sixteen locals while every row adds to them (the order per entry is unchanged).
        int iBlocks = p - p % 4;
        int jBlocks = jHi - (jHi - jLo) % 4;
        for (int i0 = 0; i0 < iBlocks; i0 += 4) {
            for (int j0 = upperOnly ? Math.max(jLo, i0) : jLo; j0 < jBlocks; j0 += 4) {
                block(a, rows, p, b, bOff, ldb, c, cOff, ldc, i0, j0);
            }
        }
        range(a, rows, p, b, bOff, ldb, c, cOff, ldc, iBlocks, p, jLo, jHi, upperOnly);
        range(a, rows, p, b, bOff, ldb, c, cOff, ldc, 0, iBlocks, jBlocks, jHi, upperOnly);
    }

    private static void block(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                              int i0, int j0) {
        int c0 = cOff + i0 * ldc + j0;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        double s00 = c[c0], s01 = c[c0 + 1], s02 = c[c0 + 2], s03 = c[c0 + 3];
        double s10 = c[c1], s11 = c[c1 + 1], s12 = c[c1 + 2], s13 = c[c1 + 3];
        double s20 = c[c2], s21 = c[c2 + 1], s22 = c[c2 + 2], s23 = c[c2 + 3];
        double s30 = c[c3], s31 = c[c3 + 1], s32 = c[c3 + 2], s33 = c[c3 + 3];
        for (int r = 0; r < rows; r++) {
            int ar = r * p + i0;
            int br = bOff + r * ldb + j0;
            double x0 = a[ar], x1 = a[ar + 1], x2 = a[ar + 2], x3 = a[ar + 3];
            double y0 = b[br], y1 = b[br + 1], y2 = b[br + 2], y3 = b[br + 3];
            s00 = Math.fma(x0, y0, s00); s01 = Math.fma(x0, y1, s01); s02 = Math.fma(x0, y2, s02); s03 = Math.fma(x0, y3, s03);
            s10 = Math.fma(x1, y0, s10); s11 = Math.fma(x1, y1, s11); s12 = Math.fma(x1, y2, s12); s13 = Math.fma(x1, y3, s13);
            s20 = Math.fma(x2, y0, s20); s21 = Math.fma(x2, y1, s21); s22 = Math.fma(x2, y2, s22); s23 = Math.fma(x2, y3, s23);
            s30 = Math.fma(x3, y0, s30); s31 = Math.fma(x3, y1, s31); s32 = Math.fma(x3, y2, s32); s33 = Math.fma(x3, y3, s33);
        }
        c[c0] = s00; c[c0 + 1] = s01; c[c0 + 2] = s02; c[c0 + 3] = s03;
        c[c1] = s10; c[c1 + 1] = s11; c[c1 + 2] = s12; c[c1 + 3] = s13;
        c[c2] = s20; c[c2 + 1] = s21; c[c2 + 2] = s22; c[c2 + 3] = s23;
        c[c3] = s30; c[c3 + 1] = s31; c[c3 + 2] = s32; c[c3 + 3] = s33;
    }

    /**
     * Entries (i, j) with i in [i0, i1), j in [j0, j1) (and j ≥ i if upperOnly). Rows r are the outer loop: each
     * entry still gets its fma chain in the order r = 0, 1, …, while consecutive operations update different
     * entries and so do not wait on each other (with r inner, every fma waits for the one before it).
     */
    static void range(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc, int i0,
                      int i1, int j0, int j1, boolean upperOnly) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int ar = r * p;
            int br = bOff + r * ldb;
            for (int i = i0; i < i1; i++) {
                double x = a[ar + i];
                int ci = cOff + i * ldc;
                for (int j = upperOnly ? Math.max(i, j0) : j0; j < j1; j++) {
                    c[ci + j] = Math.fma(x, b[br + j], c[ci + j]);
                }
            }
        }
    }
}
