package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.capacity.NestedCholesky;
import org.rcsweep.stats.Dot;

import java.util.Arrays;

/**
 * Exact memory function of linear dynamics x(t+1) = A x(t) + C u(t+1) + ξ(t+1) from the weights alone: with Γ
 * solving Γ = AΓAᵀ + σ²CCᵀ + s²I (s² the private noise variance, 0 for noiseless reservoirs) and cross-covariance cov(x(t), u(t−k)) = σ²AᵏC,
 * m_k(S) = σ² (AᵏC)_Sᵀ (Γ_SS)⁻¹ (AᵏC)_S for each nested readout set S, from one Cholesky factor of Γ over the readout
 * neurons (as in the simulation's estimator). Readout sets whose Γ block has a condition estimate above the limit
 * get NaN: Γ of a random Gaussian A can have κ above 1e17 at N ≥ 50, and rounding would dominate.
 */
public final class LinearMemoryTheory {
    private LinearMemoryTheory() {
    }

    /**
     * @param memory     m_k(L) for each requested L ({@code memory[index of L][k]}), NaN rows where ill-conditioned
     * @param condition  condition estimate of Γ's leading L×L readout block, per requested L
     * @param statistics the theory's own correlation statistics of the readouts
     */
    public record Result(double[][] memory, double[] condition, CorrelationStatistics statistics) {
        public boolean wellConditioned(int index) {
            return !Double.isNaN(memory[index][0]);
        }
    }

    public static Result compute(LinearDynamics dynamics, int[] readoutNeurons, int[] readouts, int maxDelay,
                                 double maxCondition) {
        return compute(dynamics, readoutNeurons, readouts, maxDelay, maxCondition, 1);
    }

    /** As {@link #compute(LinearDynamics, int[], int[], int, double)}, Γ's products on several threads (same result). */
    public static Result compute(LinearDynamics dynamics, int[] readoutNeurons, int[] readouts, int maxDelay,
                                 double maxCondition, int threads) {
        int n = dynamics.size();
        int lMax = readouts[readouts.length - 1];
        int m = maxDelay + 1;
        double sigma2 = dynamics.variance();
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q.data[i * n + j] = sigma2 * dynamics.c().data[i] * dynamics.c().data[j];
            }
            q.data[i * n + i] += dynamics.noiseVariance();
        }
        DMatrixRMaj gamma = LyapunovSolver.solve(dynamics.a(), q, threads);
        return fromCovariance(dynamics, gamma, readoutNeurons, readouts, maxDelay, maxCondition);
    }

    /**
     * The memory function from a state covariance Γ already solved for the dynamics (Γ = AΓAᵀ + σ²CCᵀ + Q_noise for
     * any noise covariance, e.g. the diagonal residual noise of {@link MeanFieldTheory}): cross-covariances σ²AᵏC,
     * one Cholesky factor of Γ over the readout neurons, m_k for every nested readout set.
     */
    public static Result fromCovariance(LinearDynamics dynamics, DMatrixRMaj gamma, int[] readoutNeurons,
                                        int[] readouts, int maxDelay, double maxCondition) {
        int n = dynamics.size();
        int lMax = readouts[readouts.length - 1];
        int m = maxDelay + 1;
        double sigma2 = dynamics.variance();
        DMatrixRMaj gammaS = new DMatrixRMaj(lMax, lMax);
        for (int i = 0; i < lMax; i++) {
            for (int j = 0; j < lMax; j++) {
                gammaS.data[i * lMax + j] = gamma.get(readoutNeurons[i], readoutNeurons[j]);
            }
        }
        // cross[i][k] = σ² (AᵏC)_{S_i}: iterate v ← A v, keeping only the readout entries.
        DMatrixRMaj cross = new DMatrixRMaj(lMax, m);
        double[] v = dynamics.c().data.clone();
        double[] next = new double[n];
        double[] a = dynamics.a().data;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < lMax; i++) {
                cross.data[i * m + k] = sigma2 * v[readoutNeurons[i]];
            }
            for (int i = 0; i < n; i++) {
                next[i] = Dot.dot(a, i * n, v, 0, n); // sixteen partial sums, not one chain of n additions
            }
            System.arraycopy(next, 0, v, 0, n);
        }
        double[] targetVariance = new double[m];
        Arrays.fill(targetVariance, sigma2);
        CorrelationStatistics stats = CorrelationStatistics.fromCovariances(gammaS, cross, targetVariance);

        NestedCholesky chol = NestedCholesky.factor(gammaS, lMax, 0.0);
        double[] z = cross.data.clone();
        chol.forwardSubstitute(z, chol.validPrefix(), m);
        double[][] memory = new double[readouts.length][];
        double[] condition = new double[readouts.length];
        double[] cumulative = new double[m];
        int done = 0;
        for (int idx = 0; idx < readouts.length; idx++) {
            int l = readouts[idx];
            condition[idx] = chol.conditionEstimate(l);
            if (l > chol.validPrefix() || condition[idx] > maxCondition) {
                memory[idx] = new double[m];
                Arrays.fill(memory[idx], Double.NaN);
                continue;
            }
            for (; done < l; done++) {
                for (int k = 0; k < m; k++) {
                    cumulative[k] += z[done * m + k] * z[done * m + k];
                }
            }
            memory[idx] = new double[m];
            for (int k = 0; k < m; k++) {
                memory[idx][k] = cumulative[k] / sigma2;
            }
        }
        return new Result(memory, condition, stats);
    }
}
