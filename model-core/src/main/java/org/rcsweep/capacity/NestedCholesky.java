package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.parallel.ParallelRanges;
import org.rcsweep.stats.FeatureScales;
import org.rcsweep.stats.PackedLeft;
import org.rcsweep.stats.PackedProduct;
import org.rcsweep.stats.PackedRows;
import org.rcsweep.stats.TransposeProduct;

/**
 * Cholesky factor A = R Rᵀ (R lower triangular) of a symmetric positive semi-definite matrix, kept with its pivots so
 * that every leading block can be used on its own: the factor of A's leading L×L block is R's leading L×L block, which
 * is what lets one factorisation serve every nested readout set.
 *
 * <p>Rank tolerance: a readout whose residual variance, after removing what the readouts before it explain, is at
 * most {@value #RANK_TOLERANCE} of its own variance (or whose variance is at most {@value #RANK_TOLERANCE} of the
 * largest), is <em>dependent</em>: it is exactly (to rounding) a combination of earlier readouts or constant, adds
 * nothing to any capacity, and is left out of the factor (its row and column are zero, its z is 0). Dead ReLU units
 * and silent neurons are therefore not errors; {@link #rank(int)} counts the independent readouts.
 *
 * <p>A pivot within the rank tolerance, negative ones included (a matrix that is not positive semi-definite there),
 * marks a dependent readout. Factorisation stops at the first pivot that is not finite (or, in the regularised pass,
 * not positive); {@link #validPrefix()} says how many leading rows are usable.
 * {@link #conditionEstimate(int)} is max_i A_ii / min_i d_i over the leading block, with d_i = R_ii² the
 * Schur-complement pivot (the variance of neuron i not explained by neurons before it). Each pivot lies between
 * λ_min and λ_max of the block, so the estimate is a lower bound of the condition number κ₂; it is large exactly when
 * some readout is nearly a linear combination of earlier ones.
 */
public final class NestedCholesky {
    public static final double RANK_TOLERANCE = FeatureScales.RELATIVE_TOLERANCE;
    /**
     * Rows per block of the factorisation and of the triangular solves: within a block rows are done one by one; the
     * update by (or of) all rows outside the block is one matrix product, which runs at GEMM speed.
     */
    static final int BLOCK = 64;
    /** Columns per tile of the multi-column solves: a 64-row block of a tile (128 KiB) stays in the core's L2. */
    static final int COLUMN_TILE = 256;
    /** Columns per tile of the factorisation's panel: a block's 64 rows of a tile (64 KiB) stay in L2. */
    static final int PANEL_TILE = 128;
    /** Columns per strip of the in-block substitution (a multiple of {@link VectorRowUpdate}'s 32). */
    private static final int SOLVE_STRIP = 64;
    private final int size;
    private final double[] r;
    private final double[] pivots;
    private final double[] diagonal;
    private final boolean[] dependent;
    private final int validPrefix;

    private NestedCholesky(int size, double[] r, double[] pivots, double[] diagonal, boolean[] dependent,
                           int validPrefix) {
        this.size = size;
        this.r = r;
        this.pivots = pivots;
        this.diagonal = diagonal;
        this.dependent = dependent;
        this.validPrefix = validPrefix;
    }

    /**
     * Factors the leading {@code size}×{@code size} block of {@code a} + ridge·I (a is not modified). Dependent readouts
     * are found first on {@code a} itself, so that the ridge cannot hide an exact dependence; the regularised factor
     * then covers the independent readouts only.
     */
    public static NestedCholesky factor(DMatrixRMaj a, int size, double ridge) {
        return factor(a, size, ridge, 1);
    }

    /** As {@link #factor(DMatrixRMaj, int, double)} with the trailing updates on several threads (same bits). */
    public static NestedCholesky factor(DMatrixRMaj a, int size, double ridge, int threads) {
        boolean[] dependent = new boolean[size];
        double maxVariance = 0;
        for (int i = 0; i < size; i++) {
            maxVariance = Math.max(maxVariance, a.data[i * a.numCols + i]);
        }
        Pass exact = pass(a, size, 0.0, dependent, maxVariance, true, threads);
        if (ridge == 0.0) {
            return new NestedCholesky(size, exact.r, exact.pivots, exact.diagonal, dependent, exact.valid);
        }
        Pass regularised = pass(a, Math.min(size, exact.valid), ridge, dependent, maxVariance, false, threads);
        int valid = Math.min(exact.valid, regularised.valid);
        double[] r = new double[size * size];
        double[] pivots = new double[size];
        double[] diagonal = new double[size];
        int rows = Math.min(size, exact.valid);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(regularised.r, i * rows, r, i * size, i + 1);
            pivots[i] = regularised.pivots[i];
            diagonal[i] = regularised.diagonal[i];
        }
        return new NestedCholesky(size, r, pivots, diagonal, dependent, valid);
    }

    private record Pass(double[] r, double[] pivots, double[] diagonal, int valid) {
    }

    /**
     * One Cholesky pass over the leading block of a + ridge·I. With {@code detect}, readouts whose residual variance
     * fraction is within the rank tolerance are marked dependent; otherwise the marks are only read. A dependent
     * readout has a zero row and column and a unit diagonal in R.
     *
     * <p>Blocked and right-looking, on U = Rᵀ (upper, row-major, so that a block of rows is contiguous): rows
     * k0..k1 of U are finished one by one from the trailing matrix within the block's own columns, then their
     * columns right of the block (the panel) tile by tile on the threads ({@link #panel}), then the trailing matrix
     * loses their outer products in one GEMM-shaped update, which is where almost all of the p³/3 flops go.
     */
    private static Pass pass(DMatrixRMaj a, int size, double ridge, boolean[] dependent, double maxVariance,
                             boolean detect, int threads) {
        int p = a.numCols;
        double[] u = new double[size * size]; // upper triangle: the trailing matrix, then U
        for (int i = 0; i < size; i++) {
            System.arraycopy(a.data, i * p + i, u, i * size + i, size - i);
            u[i * size + i] += ridge;
        }
        double[] pivots = new double[size];
        double[] diagonal = new double[size];
        int valid = size;
        outer:
        for (int k0 = 0; k0 < size; k0 += BLOCK) {
            int k1 = Math.min(size, k0 + BLOCK);
            for (int k = k0; k < k1; k++) {
                int ok = k * size;
                // row k of the trailing matrix minus the rows of this block above it (multipliers: column k), within
                // the block's columns; the panel right of them follows once the block's pivots are known
                RowUpdate.subtract(u, size, k, k0, k, u, k0 * size + k, size, k, k1);
                double variance = a.data[k * p + k];
                diagonal[k] = variance + ridge;
                double s = u[ok + k];
                if (!Double.isFinite(variance) || (!dependent[k] || detect) && !Double.isFinite(s)) {
                    valid = k;
                    break outer;
                }
                if (detect && (variance <= RANK_TOLERANCE * maxVariance || s <= RANK_TOLERANCE * variance)) {
                    dependent[k] = true;
                }
                if (dependent[k]) {
                    // a left-out readout: its row and column of U are zero (the column was computed above it)
                    java.util.Arrays.fill(u, ok + k + 1, ok + k1, 0.0);
                    for (int i = 0; i < k; i++) {
                        u[i * size + k] = 0.0;
                    }
                    u[ok + k] = 1.0;
                    pivots[k] = Double.NaN;
                    continue;
                }
                if (!(s > 0.0)) {
                    valid = k;
                    break outer;
                }
                pivots[k] = s;
                double ukk = Math.sqrt(s);
                u[ok + k] = ukk;
                for (int j = k + 1; j < k1; j++) {
                    u[ok + j] = dependent[j] ? 0.0 : u[ok + j] / ukk;
                }
            }
            if (k1 < size) {
                panel(u, size, k0, k1, dependent, threads);
                trailingUpdate(u, size, k0, k1, threads);
            }
        }
        // R = Uᵀ over the valid rows; rows from the first unusable one on are never read.
        double[] r = new double[size * size];
        for (int i = 0; i < valid; i++) {
            for (int j = 0; j <= i; j++) {
                r[i * size + j] = u[j * size + i];
            }
        }
        return new Pass(r, pivots, diagonal, valid);
    }

    /**
     * Rows k0..k1 of U right of the block (columns from k1 on), tile by tile of {@value #PANEL_TILE} columns on the
     * threads: each row minus the block's rows above it, then divided by its diagonal entry, or zero for a dependent
     * readout. Every entry gets the operations, in the order, that finishing the whole row at once would give it: a
     * row of the block needs the rows above it only in the same columns. Tiles let every thread share this part,
     * which done row by row across all columns would run on the calling thread alone.
     */
    private static void panel(double[] u, int size, int k0, int k1, boolean[] dependent, int threads) {
        int tiles = (size - k1 + PANEL_TILE - 1) / PANEL_TILE;
        ParallelRanges.claim(threads, tiles, () -> null, (none, t) -> {
            int c0 = k1 + t * PANEL_TILE;
            int c1 = Math.min(size, c0 + PANEL_TILE);
            for (int k = k0; k < k1; k++) {
                int ok = k * size;
                if (dependent[k]) {
                    java.util.Arrays.fill(u, ok + c0, ok + c1, 0.0);
                    continue;
                }
                RowUpdate.subtract(u, size, k, k0, k, u, k0 * size + k, size, c0, c1);
                double ukk = u[ok + k];
                for (int j = c0; j < c1; j++) {
                    u[ok + j] = dependent[j] ? 0.0 : u[ok + j] / ukk;
                }
            }
        });
    }

    /** Trailing matrix (rows and columns from k1 on, upper triangle) −= U[k0..k1, k1..]ᵀ U[k0..k1, k1..]. */
    private static void trailingUpdate(double[] u, int size, int k0, int k1, int threads) {
        int rows = k1 - k0;
        int rest = size - k1;
        double[] plus = new double[rows * rest];
        double[] minus = new double[rows * rest];
        for (int i = 0; i < rows; i++) {
            int o = (k0 + i) * size + k1;
            System.arraycopy(u, o, plus, i * rest, rest);
            for (int j = 0; j < rest; j++) {
                minus[i * rest + j] = -plus[i * rest + j];
            }
        }
        TransposeProduct.multAddTransAUpper(minus, rows, rest, plus, u, k1 * size + k1, size, threads);
    }

    public int size() {
        return size;
    }

    /** Number of leading rows factored with positive pivots. */
    public int validPrefix() {
        return validPrefix;
    }

    /**
     * Lower bound of κ₂ of the leading l×l block restricted to its independent readouts (infinite when it is not
     * positive semi-definite; 1 when no readout is independent).
     */
    public double conditionEstimate(int l) {
        if (l > validPrefix) {
            return Double.POSITIVE_INFINITY;
        }
        double maxDiag = 0;
        double minPivot = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l; i++) {
            if (!dependent[i]) {
                maxDiag = Math.max(maxDiag, diagonal[i]);
                minPivot = Math.min(minPivot, pivots[i]);
            }
        }
        return maxDiag == 0 ? 1.0 : maxDiag / minPivot;
    }

    /** Number of independent readouts among the first l (the numerical rank of the leading block). */
    public int rank(int l) {
        int rank = 0;
        for (int i = 0; i < Math.min(l, validPrefix); i++) {
            if (!dependent[i]) {
                rank++;
            }
        }
        return rank;
    }

    /** Solves R Z = B in place for the leading {@code l} rows of B (l × m, row-major, row stride m). */
    public void forwardSubstitute(double[] b, int l, int m) {
        forwardSubstitute(b, l, m, 1);
    }

    /**
     * As {@link #forwardSubstitute(double[], int, int)} on several threads. Columns of B are independent systems, so
     * each thread solves whole tiles of {@value #COLUMN_TILE} columns (every step of the substitution, not just the
     * block products, runs in parallel); each entry gets the same operations in the same order whatever the
     * threads, so the bits do not depend on them.
     */
    public void forwardSubstitute(double[] b, int l, int m, int threads) {
        forwardTiles(b, l, m, threads, false);
    }

    /**
     * As {@link #forwardSubstitute(double[], int, int, int)} when only the entries on and above the diagonal of the
     * result are wanted (a symmetric result, such as R⁻¹HR⁻ᵀ): column j needs rows ≤ j only, so each tile of columns
     * stops at its last column, about a third of the work. Those entries get exactly the operations of the full
     * solve; entries below the diagonal are left partly solved and must not be read.
     */
    public void forwardSubstituteUpper(double[] b, int l, int m, int threads) {
        forwardTiles(b, l, m, threads, true);
    }

    /** The tiles of the substitution on the threads; with {@code upperOnly} each tile stops at its last column. */
    private void forwardTiles(double[] b, int l, int m, int threads, boolean upperOnly) {
        PackedLeft[] strips = negatedBlockStrips(l);
        int tiles = (m + COLUMN_TILE - 1) / COLUMN_TILE;
        // Upper only, tiles further right have more rows to solve: the threads claim the heaviest first.
        ParallelRanges.claim(threads, tiles, () -> new PackedRows(l, COLUMN_TILE), (solved, q) -> {
            int c0 = (upperOnly ? tiles - 1 - q : q) * COLUMN_TILE;
            int c1 = Math.min(m, c0 + COLUMN_TILE);
            forwardColumns(b, upperOnly ? Math.min(l, c1) : l, m, c0, c1, strips, solved);
        });
    }

    /**
     * For each row block after the first, −R[block, 0..i0)ᵀ (i0 × nb), packed once: the left operand of the block's
     * update by the rows solved before it, in every column tile.
     */
    private PackedLeft[] negatedBlockStrips(int l) {
        PackedLeft[] strips = new PackedLeft[(l + BLOCK - 1) / BLOCK];
        for (int i0 = BLOCK; i0 < l; i0 += BLOCK) {
            int nb = Math.min(l, i0 + BLOCK) - i0;
            double[] a = new double[i0 * nb];
            for (int k = 0; k < i0; k++) {
                for (int ii = 0; ii < nb; ii++) {
                    a[k * nb + ii] = -r[(i0 + ii) * size + k];
                }
            }
            strips[i0 / BLOCK] = PackedLeft.of(a, i0, nb);
        }
        return strips;
    }

    /**
     * Forward substitution restricted to columns [c0, c1) of B (l × m, row stride m); {@code solved} receives the
     * tile's rows as they are solved. A tile's row limit is l or its last column, a multiple of {@link #BLOCK}
     * ({@link #COLUMN_TILE} is one), so its blocks are those the strips were made for.
     */
    private void forwardColumns(double[] b, int l, int m, int c0, int c1, PackedLeft[] strips, PackedRows solved) {
        solved.reset(c1 - c0);
        for (int i0 = 0; i0 < l; i0 += BLOCK) {
            int i1 = Math.min(l, i0 + BLOCK);
            if (i0 > 0) {
                // Rows i0..i1 minus (their part of R left of the block) × (rows already solved): one GEMM.
                PackedLeft strip = strips[i0 / BLOCK];
                if (strip.columns() != i1 - i0) {
                    throw new IllegalStateException("block " + i0 + " has " + (i1 - i0) + " rows, its strip "
                            + strip.columns());
                }
                PackedProduct.multAddTransA(strip, solved, b, i0 * m + c0, m);
            }
            // Within the block, one strip of columns at a time through all its rows: the strip's rows (64 × 64
            // doubles, 32 KiB) stay near L1 while each row subtracts the ones solved before it.
            for (int s0 = c0; s0 < c1; s0 += SOLVE_STRIP) {
                int s1 = Math.min(c1, s0 + SOLVE_STRIP);
                for (int i = i0; i < i1; i++) {
                    int oi = i * size;
                    int bi = i * m;
                    if (dependent[i]) {
                        java.util.Arrays.fill(b, bi + s0, bi + s1, 0.0);
                        continue;
                    }
                    RowUpdate.subtract(b, m, i, i0, i, r, oi + i0, 1, s0, s1);
                    double inv = 1.0 / r[oi + i];
                    for (int c = s0; c < s1; c++) {
                        b[bi + c] *= inv;
                    }
                }
            }
            if (i1 < l) {
                solved.set(b, c0, m, i0, i1);
            }
        }
    }
}
