package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;

/**
 * Cholesky factor A = R Rᵀ (R lower triangular) of a symmetric positive definite matrix, kept with its pivots so that
 * every leading block can be used on its own: the factor of A's leading L×L block is R's leading L×L block, which is
 * what lets one factorisation serve every nested readout set.
 *
 * <p>Factorisation stops at the first pivot that is not positive; {@link #validPrefix()} says how many leading rows
 * are usable. {@link #conditionEstimate(int)} is max_i A_ii / min_i d_i over the leading block, with d_i = R_ii² the
 * Schur-complement pivot (the variance of neuron i not explained by neurons before it). Each pivot lies between
 * λ_min and λ_max of the block, so the estimate is a lower bound of the condition number κ₂; it is large exactly when
 * some readout is nearly a linear combination of earlier ones.
 */
public final class NestedCholesky {
    private final int size;
    private final double[] r;
    private final double[] pivots;
    private final double[] diagonal;
    private final int validPrefix;

    private NestedCholesky(int size, double[] r, double[] pivots, double[] diagonal, int validPrefix) {
        this.size = size;
        this.r = r;
        this.pivots = pivots;
        this.diagonal = diagonal;
        this.validPrefix = validPrefix;
    }

    /** Factors the leading {@code size}×{@code size} block of {@code a} + ridge·I (a is not modified). */
    public static NestedCholesky factor(DMatrixRMaj a, int size, double ridge) {
        int p = a.numCols;
        double[] r = new double[size * size];
        double[] pivots = new double[size];
        double[] diagonal = new double[size];
        int valid = size;
        outer:
        for (int i = 0; i < size; i++) {
            diagonal[i] = a.data[i * p + i] + ridge;
            for (int j = 0; j <= i; j++) {
                double s = a.data[i * p + j] + (i == j ? ridge : 0.0);
                int oi = i * size;
                int oj = j * size;
                for (int k = 0; k < j; k++) {
                    s -= r[oi + k] * r[oj + k];
                }
                if (i == j) {
                    if (!(s > 0.0) || !Double.isFinite(s)) {
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
        return new NestedCholesky(size, r, pivots, diagonal, valid);
    }

    public int size() {
        return size;
    }

    /** Number of leading rows factored with positive pivots. */
    public int validPrefix() {
        return validPrefix;
    }

    /** Lower bound of κ₂ of the leading l×l block (infinite when the block is not positive definite). */
    public double conditionEstimate(int l) {
        if (l > validPrefix) {
            return Double.POSITIVE_INFINITY;
        }
        double maxDiag = 0;
        double minPivot = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l; i++) {
            maxDiag = Math.max(maxDiag, diagonal[i]);
            minPivot = Math.min(minPivot, pivots[i]);
        }
        return maxDiag / minPivot;
    }

    /** Solves R Z = B in place for the leading {@code l} rows of B (l × m, row-major, row stride m). */
    public void forwardSubstitute(double[] b, int l, int m) {
        for (int i = 0; i < l; i++) {
            int oi = i * size;
            int bi = i * m;
            for (int k = 0; k < i; k++) {
                double rik = r[oi + k];
                if (rik != 0.0) {
                    int bk = k * m;
                    for (int c = 0; c < m; c++) {
                        b[bi + c] -= rik * b[bk + c];
                    }
                }
            }
            double inv = 1.0 / r[oi + i];
            for (int c = 0; c < m; c++) {
                b[bi + c] *= inv;
            }
        }
    }

    /** Solves R_lᵀ W = Z in place for the leading l×l block (Z is l × m, row-major, row stride m). */
    public void backSubstituteTransposed(double[] z, int l, int m) {
        for (int i = l - 1; i >= 0; i--) {
            int zi = i * m;
            for (int k = i + 1; k < l; k++) {
                double rki = r[k * size + i];
                if (rki != 0.0) {
                    int zk = k * m;
                    for (int c = 0; c < m; c++) {
                        z[zi + c] -= rki * z[zk + c];
                    }
                }
            }
            double inv = 1.0 / r[i * size + i];
            for (int c = 0; c < m; c++) {
                z[zi + c] *= inv;
            }
        }
    }
}
