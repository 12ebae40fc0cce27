package org.rcsweep.eval;

import java.io.Serializable;

/**
 * Point-level facts of the theory step.
 *
 * @param linearKind     {@code exact}, {@code linearised}, or null when the linear theory was not computed
 * @param message        why a theory is missing (empty when all requested theories were computed)
 * @param pairMean       μ, mean pairwise correlation of the L_max readouts (sign-fixed), NaN if not computed
 * @param pairMeanSquare s², mean squared pairwise correlation, NaN if not computed
 * @param inputMean      a_k, mean neuron–input correlation per delay (sign-fixed), empty if not computed
 * @param inputMeanSquare b_k, mean squared neuron–input correlation per delay, empty if not computed
 */
public record TheorySummary(String linearKind, String message, double pairMean, double pairMeanSquare,
                            double[] inputMean, double[] inputMeanSquare) implements Serializable {
    public static TheorySummary none(String message) {
        return new TheorySummary(null, message, Double.NaN, Double.NaN, new double[0], new double[0]);
    }
}
