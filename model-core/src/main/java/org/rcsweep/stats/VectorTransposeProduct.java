package org.rcsweep.stats;

import org.rcsweep.parallel.ParallelRanges;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TransposeProduct} with the Java Vector API: a register-blocked micro-kernel holding a 6 × 8 block of C in
 * twelve 256-bit accumulators while every row of the chunk adds its outer-product contribution with fused
 * multiply–adds. Each entry of C is the same chain fma(a_r, b_r, ·) over r = 0, 1, … as in
 * {@link ScalarTransposeProduct}, so both give identical bits on every machine; the lane count is fixed at four
 * (SPECIES_256) for the same reason.
 *
 * <p>Both operands are packed before the micro-kernel runs: the six columns of A of a row block and the eight
 * columns of B of a column block are copied into contiguous rows × 6 and rows × 8 strips, so the kernel streams
 * consecutive memory instead of one cache line per row at a stride of a whole matrix row (which for wide B also
 * means a new page per row). Packing copies values, so every entry's fma chain is unchanged.
 */
final class VectorTransposeProduct {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /**
     * Rows of C per micro-kernel block. Six rows give twelve independent accumulator chains: a core that issues two
     * fused multiply–adds per cycle with a latency of five needs at least ten chains to stay busy, more than the
     * eight of a 4 × 8 block. Twelve accumulators, two B vectors and one broadcast still fit the sixteen 256-bit
     * registers.
     */
    private static final int BI = PackedLeft.GROUP;
    private static final int BJ = 8;
    /** Columns of C per panel: the chunk's B panel (rows × PANEL) stays in L2 while every row block of C uses it. */
    private static final int PANEL = TransposeProduct.PANEL;
    /**
     * Rows of A and B per pass over a panel: a 6-column strip of A (12 KiB) stays in L1 while the panel's eight
     * 8-column strips of B (128 KiB) come from L2. Without the limit, deep products (the triangular solves' updates
     * by up to a thousand solved rows, the Lyapunov doubling at n = 1000) would stream both strips from L2 on every
     * block.
     */
    private static final int DEPTH = 256;

    private VectorTransposeProduct() {
    }

    /**
     * @param threads column panels of C are claimed by this many threads, one at a time; panels write disjoint
     *                columns
     */
    static void accumulate(double[] a, int rows, int p, double[] b, int bOff, int ldb, int m, double[] c, int cOff,
                           int ldc, boolean upperOnly, int threads) {
        accumulate(a, rows, p, b, bOff, ldb, m, c, cOff, ldc, PANEL, upperOnly, threads, null);
    }

    /**
     * As above with C stored by column panels: entry (i, j) at cOff + (j / PANEL) · panelStride + i · ldc + j mod
     * PANEL. Row-major C is the case panelStride = PANEL; {@link PanelMatrix} is the case ldc = PANEL,
     * panelStride = p · PANEL, where each panel's rows follow one another and the kernel walks C in sequence.
     *
     * @param packScratch room for the packed copy of A (at least rows · p doubles), kept by a caller that updates
     *                    many chunks, or null to allocate it: at 256 × 1000 it is a 2 MB array, which G1 allocates
     *                    outside the young generation and zeroes, once per chunk
     */
    static void accumulate(double[] a, int rows, int p, double[] b, int bOff, int ldb, int m, double[] c, int cOff,
                           int ldc, int panelStride, boolean upperOnly, int threads, double[] packScratch) {
        int iBlocks = p - p % BI;
        int jBlocks = m - m % BJ;
        double[] packedA = packScratch != null && packScratch.length >= rows * iBlocks ? packScratch
                : new double[rows * iBlocks];
        // Packed by all threads, a share of the strips each: on one thread the copy would leave the other cores idle.
        int strips = iBlocks / BI;
        int packParts = Math.min(strips, 4 * threads);
        ParallelRanges.claim(ParallelRanges.threadsFor((long) rows * iBlocks, threads), packParts, () -> null,
                (none, q) -> {
                    int end = BI * (int) ((long) strips * (q + 1) / packParts);
                    for (int i0 = BI * (int) ((long) strips * q / packParts); i0 < end; i0 += BI) {
                        int o = i0 * rows;
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(a, r * p + i0, packedA, o + r * BI, BI);
                        }
                    }
                });
        int panels = (jBlocks + PANEL - 1) / PANEL;
        int depth = Math.min(rows, DEPTH);
        // Upper only, a panel further right holds more blocks: the threads claim the heaviest first, so that the
        // light ones even out the end.
        ParallelRanges.claim(threads, panels, () -> new double[depth * PANEL], (packedB, q) -> {
            int panel = upperOnly ? panels - 1 - q : q;
            int jp = panel * PANEL;
            int jpEnd = Math.min(jBlocks, jp + PANEL);
            int cPanel = TransposeProduct.panelOffset(cOff, panelStride, jp); // (i, j) at cPanel + i · ldc + j
            // Rows in passes of at most DEPTH, in order: each entry's chain goes on from where the previous pass
            // stored it, so the operations and their order are those of one pass over all rows.
            for (int r0 = 0; r0 < rows; r0 += depth) {
                int n = Math.min(depth, rows - r0);
                for (int j0 = jp; j0 < jpEnd; j0 += BJ) {
                    int o = (j0 - jp) * n;
                    for (int r = 0; r < n; r++) {
                        int src = bOff + (r0 + r) * ldb + j0;
                        DoubleVector.fromArray(S, b, src).intoArray(packedB, o + r * BJ);
                        DoubleVector.fromArray(S, b, src + 4).intoArray(packedB, o + r * BJ + 4);
                    }
                }
                for (int i0 = 0; i0 < iBlocks; i0 += BI) {
                    for (int j0 = jp; j0 < jpEnd; j0 += BJ) {
                        if (upperOnly && j0 + BJ <= i0) {
                            continue; // block entirely below the diagonal
                        }
                        block(packedA, i0 * rows + r0 * BI, packedB, (j0 - jp) * n, n, c, cPanel + i0 * ldc + j0,
                                ldc);
                    }
                }
            }
        });
        // Remainders: rows of C below the last full row block, two at a time where possible (each pass over B then
        // serves two rows), still eight columns per step; then the columns right of the last full column block.
        int i = iBlocks;
        for (; i + 1 < p; i += 2) {
            for (int j0 = upperOnly ? i - i % BJ : 0; j0 < jBlocks; j0 += BJ) {
                pair(a, rows, p, b, bOff, ldb, c, TransposeProduct.panelOffset(cOff, panelStride, j0), ldc, i, j0);
            }
        }
        for (; i < p; i++) {
            for (int j0 = upperOnly ? i - i % BJ : 0; j0 < jBlocks; j0 += BJ) {
                row(a, rows, p, b, bOff, ldb, c, TransposeProduct.panelOffset(cOff, panelStride, j0), ldc, i, j0);
            }
        }
        // A group of four columns right of the last full block of eight (p or m = 8k + 4…7: N = 100 is one), four
        // rows of C at a time in SIMD registers, where the scalar loop below runs one fused multiply–add per load,
        // store and cycle. The rest goes column by column.
        // The columns from jBlocks on (fewer than eight, jBlocks a multiple of eight) all lie in jBlocks' panel
        int cLast = TransposeProduct.panelOffset(cOff, panelStride, jBlocks);
        int j4 = jBlocks;
        if (m - jBlocks >= 4) {
            int quads = p - p % 4;
            for (int i4 = 0; i4 < quads && !(upperOnly && i4 > jBlocks + 3); i4 += 4) {
                quad(a, rows, p, b, bOff, ldb, c, cLast, ldc, i4, jBlocks);
            }
            ScalarTransposeProduct.range(a, rows, p, b, bOff, ldb, c, cLast, ldc, quads, p, jBlocks, jBlocks + 4,
                    upperOnly);
            j4 = jBlocks + 4;
        }
        ScalarTransposeProduct.range(a, rows, p, b, bOff, ldb, c, cLast, ldc, 0, p, j4, m, upperOnly);
    }

    /**
     * C[0..p)[0..m) += AᵀB over already packed operands ({@link PackedLeft}'s strips of {@code rows} × 6,
     * {@link PackedRows}' strips of {@code capacity} × 8, both padded with zeros to whole strips); the same passes of
     * at most {@link #DEPTH} rows and panels of {@link #PANEL} columns as {@link #accumulate}. A block that C ends
     * inside (p not a multiple of 6, m not of 8) runs on a copy of its entries in a 6 × 8 scratch block and copies
     * back those of C: the padding contributes exact zeros to entries that are never read, so the entries kept get
     * the same fma chain as any other and stays on the SIMD path (a solve's last column tile is 8k + 1 wide for
     * m = 2001).
     */
    static void packed(double[] a, int rows, int p, double[] b, int capacity, int m, double[] c, int cOff, int ldc) {
        double[] edge = new double[BI * BJ];
        for (int r0 = 0; r0 < rows; r0 += DEPTH) {
            int n = Math.min(DEPTH, rows - r0);
            for (int jp = 0; jp < m; jp += PANEL) {
                int jpEnd = Math.min(m, jp + PANEL);
                for (int i0 = 0; i0 < p; i0 += BI) {
                    int aOff = i0 * rows + r0 * BI;
                    int height = Math.min(BI, p - i0);
                    for (int j0 = jp; j0 < jpEnd; j0 += BJ) {
                        int bOff = j0 * capacity + r0 * BJ;
                        int width = Math.min(BJ, m - j0);
                        int c0 = cOff + i0 * ldc + j0;
                        if (height == BI && width == BJ) {
                            block(a, aOff, b, bOff, n, c, c0, ldc);
                        } else {
                            java.util.Arrays.fill(edge, 0.0);
                            for (int i = 0; i < height; i++) {
                                System.arraycopy(c, c0 + i * ldc, edge, i * BJ, width);
                            }
                            block(a, aOff, b, bOff, n, edge, 0, BJ);
                            for (int i = 0; i < height; i++) {
                                System.arraycopy(edge, i * BJ, c, c0 + i * ldc, width);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Rows i … i + 3 of C, columns j0 … j0 + 3, reading A and B unpacked (entries left of the diagonal, if any, are
     * simply also updated): each entry is the scalar path's fma chain over the rows.
     */
    private static void quad(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff,
                             int ldc, int i, int j0) {
        int c0 = cOff + i * ldc + j0;
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(S, c, c0 + ldc);
        DoubleVector s2 = DoubleVector.fromArray(S, c, c0 + 2 * ldc);
        DoubleVector s3 = DoubleVector.fromArray(S, c, c0 + 3 * ldc);
        for (int r = 0; r < rows; r++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bOff + r * ldb + j0);
            int ar = r * p + i;
            s0 = DoubleVector.broadcast(S, a[ar]).fma(bv, s0);
            s1 = DoubleVector.broadcast(S, a[ar + 1]).fma(bv, s1);
            s2 = DoubleVector.broadcast(S, a[ar + 2]).fma(bv, s2);
            s3 = DoubleVector.broadcast(S, a[ar + 3]).fma(bv, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + ldc);
        s2.intoArray(c, c0 + 2 * ldc);
        s3.intoArray(c, c0 + 3 * ldc);
    }

    /** Rows i and i + 1 of C, columns j0 … j0 + 7 (entries left of the diagonal, if any, are simply also updated). */
    private static void pair(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                             int i, int j0) {
        int c0 = cOff + i * ldc + j0;
        int c1 = c0 + ldc;
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, c, c0 + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + 4);
        for (int r = 0; r < rows; r++) {
            int br = bOff + r * ldb + j0;
            DoubleVector b0 = DoubleVector.fromArray(S, b, br);
            DoubleVector b1 = DoubleVector.fromArray(S, b, br + 4);
            DoubleVector x0 = DoubleVector.broadcast(S, a[r * p + i]);
            DoubleVector x1 = DoubleVector.broadcast(S, a[r * p + i + 1]);
            s00 = x0.fma(b0, s00);
            s01 = x0.fma(b1, s01);
            s10 = x1.fma(b0, s10);
            s11 = x1.fma(b1, s11);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + 4);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + 4);
    }

    private static void row(double[] a, int rows, int p, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                            int i, int j0) {
        int c0 = cOff + i * ldc + j0;
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(S, c, c0 + 4);
        for (int r = 0; r < rows; r++) {
            int br = bOff + r * ldb + j0;
            DoubleVector x = DoubleVector.broadcast(S, a[r * p + i]);
            s0 = x.fma(DoubleVector.fromArray(S, b, br), s0);
            s1 = x.fma(DoubleVector.fromArray(S, b, br + 4), s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + 4);
    }

    /**
     * C[0..5][0..7] (row stride ldc, at {@code c0}) += Aᵀ B over the packed strips: A's six values of row r at
     * {@code aOff + 6r}, B's eight at {@code bOff + 8r}.
     */
    private static void block(double[] a, int aOff, double[] b, int bOff, int rows, double[] c, int c0, int ldc) {
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, c, c0 + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c0 + ldc);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c0 + ldc + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c0 + 2 * ldc);
        DoubleVector s21 = DoubleVector.fromArray(S, c, c0 + 2 * ldc + 4);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c0 + 3 * ldc);
        DoubleVector s31 = DoubleVector.fromArray(S, c, c0 + 3 * ldc + 4);
        DoubleVector s40 = DoubleVector.fromArray(S, c, c0 + 4 * ldc);
        DoubleVector s41 = DoubleVector.fromArray(S, c, c0 + 4 * ldc + 4);
        DoubleVector s50 = DoubleVector.fromArray(S, c, c0 + 5 * ldc);
        DoubleVector s51 = DoubleVector.fromArray(S, c, c0 + 5 * ldc + 4);
        // The loop runs on B's index itself with A's as a second induction variable, and no row offsets of C stay
        // live across it: C2 then keeps everything in registers (with r as the counter and the C offsets live, it
        // spills B's base and recomputes both indices every row).
        int bEnd = bOff + rows * BJ;
        for (int br = bOff, ar = aOff; br < bEnd; br += BJ, ar += BI) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, br);
            DoubleVector b1 = DoubleVector.fromArray(S, b, br + 4);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ar]);
            s00 = x0.fma(b0, s00);
            s01 = x0.fma(b1, s01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ar + 1]);
            s10 = x1.fma(b0, s10);
            s11 = x1.fma(b1, s11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ar + 2]);
            s20 = x2.fma(b0, s20);
            s21 = x2.fma(b1, s21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ar + 3]);
            s30 = x3.fma(b0, s30);
            s31 = x3.fma(b1, s31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[ar + 4]);
            s40 = x4.fma(b0, s40);
            s41 = x4.fma(b1, s41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[ar + 5]);
            s50 = x5.fma(b0, s50);
            s51 = x5.fma(b1, s51);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + 4);
        s10.intoArray(c, c0 + ldc);
        s11.intoArray(c, c0 + ldc + 4);
        s20.intoArray(c, c0 + 2 * ldc);
        s21.intoArray(c, c0 + 2 * ldc + 4);
        s30.intoArray(c, c0 + 3 * ldc);
        s31.intoArray(c, c0 + 3 * ldc + 4);
        s40.intoArray(c, c0 + 4 * ldc);
        s41.intoArray(c, c0 + 4 * ldc + 4);
        s50.intoArray(c, c0 + 5 * ldc);
        s51.intoArray(c, c0 + 5 * ldc + 4);
    }
}
