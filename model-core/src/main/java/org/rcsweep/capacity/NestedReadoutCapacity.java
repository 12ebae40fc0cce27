package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.stats.CrossMoments;

import java.util.Arrays;

/**
 * Linear-readout capacities for every nested readout count L from one Cholesky factorisation.
 *
 * <p>With G = Σ(x−x̄)(x−x̄)ᵀ + λI = R Rᵀ over the readout neurons (in readout order), c_k = Σ(x−x̄)(y_k−ȳ_k) and
 * z_k = R⁻¹c_k, the in-sample capacity of the first L neurons for target k is
 * m_k(L) = c_{k,L}ᵀ G_LL⁻¹ c_{k,L} / Σ(y_k−ȳ_k)² = Σ_{i&lt;L} z_ik² / Σ(y_k−ȳ_k)², a cumulative sum: R's leading block is
 * the factor of G's leading block. With λ = 0 it is the squared correlation of the least-squares readout; with λ &gt; 0
 * it is the ridge-regularised explained variance, never above it. The holdout readout w_L = R_L⁻ᵀ z_{k,L} is scored by
 * its squared correlation with the target on the test samples, using the test samples' own means, for all L at once
 * in whitened coordinates ({@link HoldoutScores}). No inverse is ever formed.
 */
public final class NestedReadoutCapacity {
    private NestedReadoutCapacity() {
    }

    /**
     * @param train           moments of the training samples (features in readout order)
     * @param test            moments of the held-out samples, or null for in-sample only
     * @param readouts        strictly increasing L values, the largest at most the number of features
     * @param relativeRidge   λ as a fraction of the mean diagonal of the training Gram matrix
     * @param maxCondition    condition estimates above this mark a readout set as ill-conditioned
     */
    public static ReadoutCapacity[] solve(CrossMoments train, CrossMoments test, int[] readouts, double relativeRidge,
                                          double maxCondition) {
        return solve(train, test, readouts, relativeRidge, maxCondition, 1);
    }

    /** As {@link #solve(CrossMoments, CrossMoments, int[], double, double)}, its products on several threads. */
    public static ReadoutCapacity[] solve(CrossMoments train, CrossMoments test, int[] readouts, double relativeRidge,
                                          double maxCondition, int threads) {
        int lMax = readouts[readouts.length - 1];
        int m = train.targets();
        DMatrixRMaj gram = train.centredGram();
        double ridge = relativeRidge * meanDiagonal(gram, lMax);
        NestedCholesky chol = NestedCholesky.factor(gram, lMax, ridge, threads);
        int valid = chol.validPrefix();

        double[] z = leading(train.centredCross().data, lMax * m);
        chol.forwardSubstitute(z, valid, m, threads);
        double[] vy = train.centredTargetSquares();

        HoldoutScores holdout = test == null ? null : new HoldoutScores(chol, valid, lMax, z, test, threads);

        ReadoutCapacity[] out = new ReadoutCapacity[readouts.length];
        double[] cumulative = new double[m];
        int done = 0;
        for (int idx = 0; idx < readouts.length; idx++) {
            int l = readouts[idx];
            double condition = chol.conditionEstimate(l);
            boolean ok = l <= valid && condition <= maxCondition;
            if (!ok) {
                double[] nan = new double[m];
                Arrays.fill(nan, Double.NaN);
                out[idx] = new ReadoutCapacity(l, nan, test == null ? null : nan.clone(), condition, chol.rank(l), false);
                continue;
            }
            for (; done < l; done++) {
                int o = done * m;
                for (int k = 0; k < m; k++) {
                    cumulative[k] += z[o + k] * z[o + k];
                }
            }
            double[] inSample = new double[m];
            for (int k = 0; k < m; k++) {
                // An explained fraction of variance: at most 1, also where rounding would put it an ulp above.
                inSample[k] = vy[k] > 0 ? Math.min(1.0, cumulative[k] / vy[k]) : 0.0;
            }
            out[idx] = new ReadoutCapacity(l, inSample, holdout == null ? null : holdout.upTo(l), condition,
                    chol.rank(l), true);
        }
        return out;
    }

    /**
     * The first {@code length} values of a freshly computed array: the array itself when that is all of it (a copy
     * of the cross moments at N = 1000, K = 2000 is 16 MB to allocate and fill), else a copy.
     */
    static double[] leading(double[] fresh, int length) {
        return fresh.length == length ? fresh : Arrays.copyOf(fresh, length);
    }

    private static double meanDiagonal(DMatrixRMaj g, int l) {
        double s = 0;
        for (int i = 0; i < l; i++) {
            s += g.data[i * g.numCols + i];
        }
        return s / l;
    }
}
