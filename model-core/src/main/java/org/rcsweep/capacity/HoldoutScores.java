package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rcsweep.parallel.ParallelRanges;
import org.rcsweep.stats.CrossMoments;
import org.rcsweep.stats.PackedLeft;
import org.rcsweep.stats.PackedProduct;
import org.rcsweep.stats.PackedRows;

/**
 * Held-out squared correlations of the training readouts for every nested L, in whitened coordinates.
 *
 * <p>With the training factor G = R Rᵀ and z = R⁻¹c, the readout of the first L neurons is w_L = R_L⁻ᵀ z_L. On the
 * test samples, with Gram H and cross moments d, its prediction has variance q(L) = w_Lᵀ H_LL w_L and covariance
 * c(L) = w_Lᵀ d_L with the target. Because R is lower triangular, R_L⁻¹ is the leading block of R⁻¹, so
 * q(L) = z_Lᵀ H̃_LL z_L and c(L) = z_Lᵀ d̃_L with H̃ = R⁻¹ H R⁻ᵀ and d̃ = R⁻¹ d computed once. Both grow by one
 * term per neuron: c(L) = c(L−1) + z_L d̃_L and q(L) = q(L−1) + z_L (2 g_L + H̃_LL z_L) with g_L = Σ_{j&lt;L} H̃_Lj z_j.
 * This replaces a triangular solve and an L × L product per requested L (Σ 3L²m flops) by three products done once
 * (≈ 3p²m + 4p³/3 flops), all through the GEMM-shaped kernel, and scores every L, not just the requested ones.
 */
final class HoldoutScores {
    private final int m;
    private final double[] z;
    private final double[] hTilde;
    private final double[] dTilde;
    private final double[] g;
    private final double[] vt;
    private final int p;
    private final double[] q;
    private final double[] c;
    private int done;

    /**
     * @param chol  the training factor
     * @param valid rows of the factor that are usable (its valid prefix); larger L are never asked for
     * @param p     features used (L_max)
     * @param z     R⁻¹c for the training cross moments, p × m
     * @param threads threads for the products (the result does not depend on it)
     */
    HoldoutScores(NestedCholesky chol, int valid, int p, double[] z, CrossMoments test, int threads) {
        this.m = test.targets();
        this.p = p;
        this.z = z;
        int stride = test.features();
        double[] gram = test.centredGram().data;
        double[] h = gram;
        if (stride != p) { // the leading p × p block
            h = new double[p * p];
            for (int i = 0; i < p; i++) {
                System.arraycopy(gram, i * stride, h, i * p, p);
            }
        }
        chol.forwardSubstitute(h, valid, p, threads);      // R⁻¹H
        CommonOps_DDRM.transpose(DMatrixRMaj.wrap(p, p, h)); // H R⁻ᵀ (H is symmetric), in place
        chol.forwardSubstituteUpper(h, valid, p, threads); // R⁻¹ H R⁻ᵀ, on and above the diagonal only
        this.hTilde = h;
        this.dTilde = NestedReadoutCapacity.leading(test.centredCross().data, p * m);
        chol.forwardSubstitute(dTilde, valid, m, threads);
        // g = (strictly lower part of H̃) z, one block of rows of g at a time: rows l0 ≤ L < l1 only need z_j for
        // j < l1, as Aᵀz with A_jL = H̃_Lj = H̃_jL for j < L (H̃ is symmetric and only its upper triangle is solved;
        // the zeros of A above the diagonal are never multiplied). Each A is packed once; each thread claims whole
        // tiles of columns and packs z's rows of a tile once, as the blocks come to need them.
        this.g = new double[p * m];
        int block = NestedCholesky.BLOCK;
        PackedLeft[] lower = new PackedLeft[(p + block - 1) / block];
        for (int l0 = 0; l0 < p; l0 += block) {
            int l1 = Math.min(p, l0 + block);
            int nb = l1 - l0;
            double[] a = new double[l1 * nb];
            for (int l = l0; l < l1; l++) {
                for (int j = 0; j < l; j++) {
                    a[j * nb + l - l0] = hTilde[j * p + l];
                }
            }
            lower[l0 / block] = PackedLeft.of(a, l1, nb);
        }
        int tileWidth = NestedCholesky.COLUMN_TILE;
        ParallelRanges.claim(threads, (m + tileWidth - 1) / tileWidth, () -> new PackedRows(p, tileWidth),
                (zRows, t) -> {
                    int c0 = t * tileWidth;
                    zRows.reset(Math.min(m, c0 + tileWidth) - c0);
                    for (int l0 = 0; l0 < p; l0 += block) {
                        zRows.set(z, c0, m, l0, Math.min(p, l0 + block));
                        PackedProduct.multAddTransA(lower[l0 / block], zRows, g, l0 * m + c0, m);
                    }
                });
        this.vt = test.centredTargetSquares();
        this.q = new double[m];
        this.c = new double[m];
    }

    /** Squared held-out correlations of the first l neurons' readouts, per target; l never decreases between calls. */
    double[] upTo(int l) {
        for (; done < l; done++) {
            int o = done * m;
            double diagonal = hTilde[done * p + done];
            for (int k = 0; k < m; k++) {
                double zk = z[o + k];
                q[k] += zk * (2 * g[o + k] + diagonal * zk);
                c[k] += zk * dTilde[o + k];
            }
        }
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            // A squared correlation: at most 1, also where rounding would put it an ulp above.
            out[k] = q[k] > 0 && vt[k] > 0 ? Math.min(1.0, c[k] * c[k] / (q[k] * vt[k])) : 0.0;
        }
        return out;
    }
}
