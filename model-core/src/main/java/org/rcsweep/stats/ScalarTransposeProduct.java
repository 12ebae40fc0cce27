package org.rcsweep.stats;

/**
 * {@link TransposeProduct} without the Vector API: every entry of C is the chain c ← fma(a_ri, b_rj, c) over
 * r = 0, 1, …, exactly as the vector kernel computes it, so a JVM without {@code jdk.incubator.vector} gives the
 * same bits, only slower.
 */
final class ScalarTransposeProduct {
    private ScalarTransposeProduct() {
    }

    static void accumulate(double[] a, int rows, int p, double[] b, int bOff, int m, double[] c, int cOff,
                           boolean upperOnly) {
        range(a, rows, p, b, bOff, m, c, cOff, 0, p, 0, m, upperOnly);
    }

    /** Entries (i, j) with i in [i0, i1), j in [j0, j1) (and j ≥ i if upperOnly). */
    static void range(double[] a, int rows, int p, double[] b, int bOff, int m, double[] c, int cOff, int i0, int i1,
                      int j0, int j1, boolean upperOnly) {
        for (int i = i0; i < i1; i++) {
            int from = upperOnly ? Math.max(i, j0) : j0;
            int ci = cOff + i * m;
            for (int r = 0; r < rows; r++) {
                double x = a[r * p + i];
                int br = bOff + r * m;
                for (int j = from; j < j1; j++) {
                    c[ci + j] = Math.fma(x, b[br + j], c[ci + j]);
                }
            }
        }
    }
}
