package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.stats.FeatureScales;
import org.rcsweep.stats.CrossMoments;

/**
 * Standardised second-order statistics of the readout neurons (in readout order): their correlation matrix
 * ρ_ij and their correlations r_ik with each target u(t−k). Every capacity predictor is a function of these; the
 * exact linear-readout capacity is m_k(L) = r_{k,L}ᵀ (ρ_LL)⁻¹ r_{k,L}.
 *
 * @param readouts    L_max
 * @param targets     K + 1
 * @param correlation ρ, L_max × L_max row-major (unit diagonal; zero row/column for a constant neuron)
 * @param input       r, L_max × (K+1) row-major
 */
public record CorrelationStatistics(int readouts, int targets, double[] correlation, double[] input) {

    /** From measured moments (a simulation's training samples). */
    public static CorrelationStatistics fromMoments(CrossMoments moments) {
        return fromCovariances(moments.centredGram(), moments.centredCross(), moments.centredTargetSquares());
    }

    /** From covariances (or centred sums: only ratios matter): cov is p × p, cross p × m, targetVariance m. */
    public static CorrelationStatistics fromCovariances(DMatrixRMaj cov, DMatrixRMaj cross, double[] targetVariance) {
        int p = cov.numRows;
        int m = cross.numCols;
        double[] sd = FeatureScales.standardDeviations(cov, p);
        double[] rho = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                rho[i * p + j] = sd[i] > 0 && sd[j] > 0 ? cov.data[i * p + j] / (sd[i] * sd[j]) : 0.0;
            }
        }
        double[] r = new double[p * m];
        for (int k = 0; k < m; k++) {
            double sy = Math.sqrt(Math.max(targetVariance[k], 0.0));
            for (int i = 0; i < p; i++) {
                r[i * m + k] = sd[i] > 0 && sy > 0 ? cross.data[i * m + k] / (sd[i] * sy) : 0.0;
            }
        }
        return new CorrelationStatistics(p, m, rho, r);
    }
}
