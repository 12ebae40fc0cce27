package org.rcsweep.theory;

/**
 * Correlation-aware prediction of the memory function m_k(L) from summary statistics (docs/theory.md derives it).
 *
 * <p>For standardised readouts m_k = r_kᵀ(I + E)⁻¹r_k, E the off-diagonal correlations. Replacing E by its mean
 * μ(11ᵀ − I) — neurons equicorrelated — gives an exact inverse by Sherman–Morrison,
 * m_k(L) = [L b_k − μ (L b_k + L(L−1) c_k) / (1 + (L−1)μ)] / (1 − μ), with c_k = mean_{i≠j} r_ik r_jk ≈ a_k²
 * (the expected (Σ_{i&lt;L} r_ik)² is L b_k + L(L−1) c_k),
 * whose expansion to second order in μ is the averaged second-order expansion of r_kᵀ(I + E)⁻¹r_k. It is linear in L
 * while L·μ ≪ 1 and bends at L ~ 1/μ: correlations of size O(1/√N) bend MC(L) at L ~ √N. Each m_k is capped to [0, 1].
 */
public final class CorrelatedPredictor {
    private CorrelatedPredictor() {
    }

    public static double[][] memory(SummaryStatistics s, int[] readouts) {
        double[][] out = new double[readouts.length][];
        for (int idx = 0; idx < readouts.length; idx++) {
            out[idx] = memory(s, readouts[idx]);
        }
        return out;
    }

    public static double[] memory(SummaryStatistics s, int l) {
        int m = s.inputMean().length;
        double mu = Math.min(s.pairMean(), 1.0 - 1e-9);
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            double b = s.inputMeanSquare()[k];
            double sumSquares = l * b;
            double squareOfSum = l * b + (double) l * (l - 1) * s.inputPairProduct(k);
            double value = (sumSquares - mu * squareOfSum / (1.0 + (l - 1) * mu)) / (1.0 - mu);
            out[k] = Math.max(0.0, Math.min(1.0, value));
        }
        return out;
    }
}
