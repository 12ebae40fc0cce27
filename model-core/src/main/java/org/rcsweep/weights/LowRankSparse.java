package org.rcsweep.weights;

import org.rcsweep.random.Rng;

/**
 * W = c·(U Vᵀ) ⊙ M: U, V ∈ ℝ^{N×r} i.i.d. N(0, 1), M a Bernoulli(1 − s) mask, c = g/√(r(1 − s)N), so that the
 * entries have second moment g²/N as in a dense Gaussian matrix of gain g. The mean part c(1 − s)UVᵀ keeps r
 * eigenvalues within radius ≈ g√(1 − s); the mask's fluctuations add a full-rank bulk of radius ≈ g√s. Hence
 * ρ(W) ≈ g·max(√(1 − s), √s) for large r and N (docs/models.md; checked numerically by LowRankSparseTest).
 */
public final class LowRankSparse {
    private LowRankSparse() {
    }

    public static double[] sample(int n, int rank, double sparsity, double gain, Rng rng) {
        int r = Math.min(rank, n);
        double[] u = new double[n * r];
        double[] v = new double[n * r];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        double c = gain / Math.sqrt((double) r * (1.0 - sparsity) * n);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean keep = sparsity == 0.0 || rng.nextDouble() >= sparsity;
                if (keep) {
                    double s = 0;
                    for (int k = 0; k < r; k++) {
                        s += u[i * r + k] * v[j * r + k];
                    }
                    w[i * n + j] = c * s;
                }
            }
        }
        return w;
    }
}
