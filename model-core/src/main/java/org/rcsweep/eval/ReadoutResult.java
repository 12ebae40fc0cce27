package org.rcsweep.eval;

import org.rcsweep.stats.ReadoutCorrelations;

import java.io.Serializable;

/**
 * Results for one readout count L of a point.
 *
 * @param readouts          L
 * @param status            ok, or why the values are NaN
 * @param message           empty when ok
 * @param mcTotal           Σ_k m_k with the point's estimator
 * @param mcInSample        Σ_k m_k in-sample (on the training samples)
 * @param mcHoldout         Σ_k m_k on held-out samples (NaN for the in-sample estimator)
 * @param memory            m_k, k = 0..K, with the point's estimator
 * @param memoryInSample    m_k in-sample
 * @param correlations      correlation statistics of the L readout neurons (training samples)
 * @param conditionEstimate lower bound of the condition number of the regularised Gram matrix
 * @param theory            theory predictions for this L
 * @param rank              independent readouts among the L (dependent ones are constant or exact combinations)
 */
public record ReadoutResult(int readouts, PointStatus status, String message, double mcTotal, double mcInSample,
                            double mcHoldout, double[] memory, double[] memoryInSample,
                            ReadoutCorrelations correlations, double conditionEstimate, TheoryCurves theory,
                            int rank)
        implements Serializable {
}
