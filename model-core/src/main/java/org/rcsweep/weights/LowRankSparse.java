package org.rcsweep.weights;

import org.rcsweep.random.Rng;

/**
 * W = c·(U Vᵀ) ⊙ M: U, V ∈ ℝ^{N×r} i.i.d. N(0, 1), M a Bernoulli(1 − s) mask, c = g/√(r(1 − s)N), so that the
 * entries have second moment g²/N at every (r, s), as in a dense Gaussian matrix of gain g. Without the mask the
 * nonzero eigenvalues are those of the r × r matrix c·VᵀU, whose entries have variance g²/r: a circular law of radius
 * g. The mask keeps the second moment and, measured, the spectral radius: ρ(W) = g within ~10% for r ≥ 5 at any s
 * (docs/models.md has the table; ModelZooTest checks r = 40, s = 0…0.9). The exception is r = 1 without a mask,
 * whose one eigenvalue is g·vᵀu/√N, of modulus g·|z|, z ~ N(0, 1).
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
