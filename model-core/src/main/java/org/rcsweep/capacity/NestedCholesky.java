package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.stats.Dot;
import org.rcsweep.stats.FeatureScales;
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
 * <p>Factorisation stops at the first pivot that is not positive; {@link #validPrefix()} says how many leading rows
 * are usable. {@link #conditionEstimate(int)} is max_i A_ii / min_i d_i over the leading block, with d_i = R_ii² the
 * Schur-complement pivot (the variance of neuron i not explained by neurons before it). Each pivot lies between
 * λ_min and λ_max of the block, so the estimate is a lower bound of the condition number κ₂; it is large exactly when
 * some readout is nearly a linear combination of earlier ones.
 */
public final class NestedCholesky {
    public static final double RANK_TOLERANCE = FeatureScales.RELATIVE_TOLERANCE;
    /**
     * Rows per block of the triangular solves: within a block rows are solved one by one; the update of a block
     * by all rows solved before it is one matrix product, which runs at GEMM speed.
     */
    static final int BLOCK = 64;
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
        boolean[] dependent = new boolean[size];
        double maxVariance = 0;
        for (int i = 0; i < size; i++) {
            maxVariance = Math.max(maxVariance, a.data[i * a.numCols + i]);
        }
        Pass exact = pass(a, size, 0.0, dependent, maxVariance, true);
        if (ridge == 0.0) {
            return new NestedCholesky(size, exact.r, exact.pivots, exact.diagonal, dependent, exact.valid);
        }
        Pass regularised = pass(a, Math.min(size, exact.valid), ridge, dependent, maxVariance, false);
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
     */
    private static Pass pass(DMatrixRMaj a, int size, double ridge, boolean[] dependent, double maxVariance,
                             boolean detect) {
        int p = a.numCols;
        double[] r = new double[size * size];
        double[] pivots = new double[size];
        double[] diagonal = new double[size];
        int valid = size;
        outer:
        for (int i = 0; i < size; i++) {
            double variance = a.data[i * p + i];
            diagonal[i] = variance + ridge;
            int oi = i * size;
            if (!Double.isFinite(variance)) {
                valid = i;
                break;
            }
            if (!detect && dependent[i]) {
                r[oi + i] = 1.0;
                pivots[i] = Double.NaN;
                continue;
            }
            for (int j = 0; j <= i; j++) {
                if (j < i && dependent[j]) {
                    continue; // column of a left-out readout stays zero
                }
                int oj = j * size;
                double s = a.data[i * p + j] + (i == j ? ridge : 0.0) - Dot.dot(r, oi, r, oj, j);
                if (i == j) {
                    if (!Double.isFinite(s)) {
                        valid = i;
                        break outer;
                    }
                    if (detect && (variance <= RANK_TOLERANCE * maxVariance || s <= RANK_TOLERANCE * variance)) {
                        dependent[i] = true;
                        java.util.Arrays.fill(r, oi, oi + i, 0.0);
                        r[oi + i] = 1.0;
                        pivots[i] = Double.NaN;
                        continue outer;
                    }
                    if (!(s > 0.0)) {
                        valid = i;
                        break outer;
                    }
                    pivots[i] = s;
                    r[oi + i] = Math.sqrt(s);
                } else {
                    r[oi + j] = s / r[oj + j];
                }
            }
        }
        return new Pass(r, pivots, diagonal, valid);
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

    /** As {@link #forwardSubstitute(double[], int, int)} with the block updates on several threads (same bits). */
    public void forwardSubstitute(double[] b, int l, int m, int threads) {
        for (int i0 = 0; i0 < l; i0 += BLOCK) {
            int i1 = Math.min(l, i0 + BLOCK);
            int nb = i1 - i0;
            if (i0 > 0) {
                // Rows i0..i1 minus (their part of R left of the block) × (rows already solved): one GEMM.
                double[] a = new double[i0 * nb];
                for (int k = 0; k < i0; k++) {
                    for (int ii = 0; ii < nb; ii++) {
                        a[k * nb + ii] = -r[(i0 + ii) * size + k];
                    }
                }
                TransposeProduct.multAddTransA(a, i0, nb, b, 0, m, b, i0 * m, threads);
            }
            for (int i = i0; i < i1; i++) {
                int oi = i * size;
                int bi = i * m;
                for (int k = i0; k < i; k++) {
                    double rik = r[oi + k];
                    if (rik != 0.0) {
                        int bk = k * m;
                        for (int c = 0; c < m; c++) {
                            b[bi + c] -= rik * b[bk + c];
                        }
                    }
                }
                if (dependent[i]) {
                    java.util.Arrays.fill(b, bi, bi + m, 0.0);
                    continue;
                }
                double inv = 1.0 / r[oi + i];
                for (int c = 0; c < m; c++) {
                    b[bi + c] *= inv;
                }
            }
        }
    }

    /** Solves R_lᵀ W = Z in place for the leading l×l block (Z is l × m, row-major, row stride m). */
    public void backSubstituteTransposed(double[] z, int l, int m) {
        for (int i1 = l; i1 > 0; i1 -= BLOCK) {
            int i0 = Math.max(0, i1 - BLOCK);
            int nb = i1 - i0;
            if (i1 < l) {
                // Rows i0..i1 minus (R below the block)ᵀ × (rows already solved): one GEMM.
                int below = l - i1;
                double[] a = new double[below * nb];
                for (int k = 0; k < below; k++) {
                    int rk = (i1 + k) * size + i0;
                    for (int ii = 0; ii < nb; ii++) {
                        a[k * nb + ii] = -r[rk + ii];
                    }
                }
                TransposeProduct.multAddTransA(a, below, nb, z, i1 * m, m, z, i0 * m);
            }
            for (int i = i1 - 1; i >= i0; i--) {
                int zi = i * m;
                for (int k = i + 1; k < i1; k++) {
                    double rki = r[k * size + i];
                    if (rki != 0.0) {
                        int zk = k * m;
                        for (int c = 0; c < m; c++) {
                            z[zi + c] -= rki * z[zk + c];
                        }
                    }
                }
                if (dependent[i]) {
                    java.util.Arrays.fill(z, zi, zi + m, 0.0);
                    continue;
                }
                double inv = 1.0 / r[i * size + i];
                for (int c = 0; c < m; c++) {
                    z[zi + c] *= inv;
                }
            }
        }
    }
}
