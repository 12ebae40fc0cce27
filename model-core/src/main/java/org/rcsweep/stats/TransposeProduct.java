package org.rcsweep.stats;

/**
 * C += AᵀB for row-major A (rows × p) and B (rows × m), and its symmetric case C += AᵀA (upper triangle).
 *
 * <p>This is the inner loop of every capacity measurement: it runs once per chunk of time steps for the Gram and
 * cross moments, and once per block of IPC targets. With the {@code jdk.incubator.vector} module on the JVM
 * (scripts/rcsweep, the cluster scripts and the tests add it) a register-blocked SIMD kernel runs; without it a
 * scalar loop does the same arithmetic in the same order. Every entry of C is the fused multiply–add chain
 * c ← fma(a_ri, b_rj, c) over r = 0, 1, …, whatever the path or the machine, so results are bit-identical
 * everywhere.
 */
public final class TransposeProduct {
    /** Whether the SIMD kernel is in use (the incubator module is in the boot layer). */
    public static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * Columns of C per panel of the SIMD kernel: the chunk's B panel (rows × PANEL) stays in L2 while every row block
     * of C uses it; also the panel width of {@link PanelMatrix}.
     */
    static final int PANEL = 64;

    private TransposeProduct() {
    }

    /** C (p × m) += Aᵀ B, all row-major; A is rows × p, B is rows × m. */
    public static void multAddTransA(double[] a, int rows, int p, double[] b, int m, double[] c) {
        accumulate(a, rows, p, b, 0, m, m, c, 0, m, false, 1);
    }

    /**
     * C += Aᵀ B where B is the rows × m block of {@code b} starting at {@code bOffset} and C the p × m block of
     * {@code c} starting at {@code cOffset} (both with row stride m): for blocked updates inside one array.
     */
    public static void multAddTransA(double[] a, int rows, int p, double[] b, int bOffset, int m, double[] c,
                                     int cOffset) {
        accumulate(a, rows, p, b, bOffset, m, m, c, cOffset, m, false, 1);
    }

    /** As {@link #multAddTransA(double[], int, int, double[], int, int, double[], int)} on several threads (same bits). */
    public static void multAddTransA(double[] a, int rows, int p, double[] b, int bOffset, int m, double[] c,
                                     int cOffset, int threads) {
        accumulate(a, rows, p, b, bOffset, m, m, c, cOffset, m, false, threads);
    }

    /**
     * C += Aᵀ B on sub-blocks of larger row-major arrays: B is rows × width at {@code bOffset} with row stride
     * {@code ldb}, C is p × width at {@code cOffset} with row stride {@code ldc} (for work split by columns).
     */
    public static void multAddTransA(double[] a, int rows, int p, double[] b, int bOffset, int ldb, int width,
                                     double[] c, int cOffset, int ldc) {
        accumulate(a, rows, p, b, bOffset, ldb, width, c, cOffset, ldc, false, 1);
    }

    /**
     * Entries j ≥ i of C (p × p) += AᵀA, row-major. Entries below the diagonal hold partial sums of no meaning;
     * call {@link #mirrorUpper} once the sum is complete.
     */
    public static void symmetricRankUpdate(double[] a, int rows, int p, double[] c) {
        accumulate(a, rows, p, a, 0, p, p, c, 0, p, true, 1);
    }

    /** As {@link #symmetricRankUpdate(double[], int, int, double[])} on several threads (same bits). */
    public static void symmetricRankUpdate(double[] a, int rows, int p, double[] c, int threads) {
        accumulate(a, rows, p, a, 0, p, p, c, 0, p, true, threads);
    }

    /**
     * As {@link #symmetricRankUpdate(double[], int, int, double[], int)} into C stored as a {@link PanelMatrix}
     * (same bits: every entry gets the same fma chain; only where it is kept differs), packing A into
     * {@code scratch} when it is large enough.
     */
    static void symmetricRankUpdatePanels(double[] a, int rows, int p, double[] c, int threads, double[] scratch) {
        symmetricRankUpdatePanels(a, rows, p, c, threads, scratch, VECTORISED);
    }

    /** As above, on the SIMD path or not (the tests compare the two); scratch (rows · p doubles) may be null. */
    static void symmetricRankUpdatePanels(double[] a, int rows, int p, double[] c, int threads, double[] scratch,
                                          boolean vectorised) {
        int panelStride = p * PANEL;
        if (vectorised) {
            VectorTransposeProduct.accumulate(a, rows, p, a, 0, p, p, c, 0, PANEL, panelStride, true, threads,
                    scratch);
        } else {
            for (int j0 = 0; j0 < p; j0 += PANEL) {
                ScalarTransposeProduct.columns(a, rows, p, a, 0, p, c, panelOffset(0, panelStride, j0), PANEL, j0,
                        Math.min(p, j0 + PANEL), true);
            }
        }
    }

    /**
     * For C stored by column panels (entry (i, j) at cOff + (j / PANEL) · panelStride + i · ldc + j mod PANEL): the
     * offset o at which entry (i, j) lies at o + i · ldc + j, for the columns of j's panel.
     */
    static int panelOffset(int cOff, int panelStride, int j) {
        int panel = j / PANEL;
        return cOff + panel * panelStride - panel * PANEL;
    }

    /**
     * Entries j ≥ i of the p × p block of C at {@code cOffset} (row stride {@code ldc}) += AᵀB, for A and B of
     * rows × p whose product is only needed on and above the diagonal (a symmetric update written as AᵀB, e.g.
     * with A = −B). Entries below the diagonal receive partial sums of no meaning, as in
     * {@link #symmetricRankUpdate(double[], int, int, double[])}.
     */
    public static void multAddTransAUpper(double[] a, int rows, int p, double[] b, double[] c, int cOffset, int ldc,
                                          int threads) {
        accumulate(a, rows, p, b, 0, p, p, c, cOffset, ldc, true, threads);
    }

    /** Copies the upper triangle of a p × p row-major matrix onto its lower triangle. */
    public static void mirrorUpper(double[] c, int p) {
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                c[j * p + i] = c[i * p + j];
            }
        }
    }

    /** The scalar path, whatever the JVM offers: the benchmark's in-run baseline for the SIMD kernel. */
    public static void multAddTransAScalar(double[] a, int rows, int p, double[] b, int m, double[] c) {
        ScalarTransposeProduct.accumulate(a, rows, p, b, 0, m, m, c, 0, m, false);
    }

    /** {@code threads} applies to the SIMD path; the scalar fallback runs on the calling thread (same bits). */
    private static void accumulate(double[] a, int rows, int p, double[] b, int bOff, int ldb, int m, double[] c,
                                   int cOff, int ldc, boolean upper, int threads) {
        if (VECTORISED) {
            VectorTransposeProduct.accumulate(a, rows, p, b, bOff, ldb, m, c, cOff, ldc, upper, threads);
        } else {
            ScalarTransposeProduct.accumulate(a, rows, p, b, bOff, ldb, m, c, cOff, ldc, upper);
        }
    }
}
