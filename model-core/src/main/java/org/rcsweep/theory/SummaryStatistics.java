package org.rcsweep.theory;

import org.rcsweep.stats.Dot;

/**
 * The few numbers the correlation-aware predictor needs, measured over the L_max readouts after fixing each neuron's
 * arbitrary sign so that the dominant correlation mode is positive (capacities do not change when a readout neuron is
 * negated, but mean correlations would): mean and mean square of the pairwise correlations, and mean and mean square
 * of the neuron–input correlations per delay.
 *
 * @param neurons          L_max, the number of readouts the statistics were measured over
 * @param pairMean         μ = mean_{i≠j} ρ_ij
 * @param pairMeanSquare   s² = mean_{i≠j} ρ_ij²
 * @param inputMean        a_k = mean_i r_ik
 * @param inputMeanSquare  b_k = mean_i r_ik²
 */
public record SummaryStatistics(int neurons, double pairMean, double pairMeanSquare, double[] inputMean, double[] inputMeanSquare) {

    public static SummaryStatistics of(CorrelationStatistics stats) {
        int p = stats.readouts();
        int m = stats.targets();
        double[] sign = dominantModeSigns(stats.correlation(), p);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (i != j) {
                    double v = sign[i] * sign[j] * stats.correlation()[i * p + j];
                    sum += v;
                    sumSq += v * v;
                }
            }
        }
        double pairs = (double) p * (p - 1);
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < m; k++) {
                double r = sign[i] * stats.input()[i * m + k];
                a[k] += r / p;
                b[k] += r * r / p;
            }
        }
        return new SummaryStatistics(p, pairs > 0 ? sum / pairs : 0.0, pairs > 0 ? sumSq / pairs : 0.0, a, b);
    }

    /**
     * mean_{i≠j} r_ik r_jk over the measured neurons, from a_k and b_k: (L_max²a_k² − L_max b_k)/(L_max(L_max−1)).
     * For independent draws it is ≈ a_k²; using the exact pair mean makes the prediction exact at L = L_max for
     * equicorrelated neurons.
     */
    public double inputPairProduct(int k) {
        double p = neurons;
        if (p < 2) {
            return inputMean[k] * inputMean[k];
        }
        return (p * p * inputMean[k] * inputMean[k] - p * inputMeanSquare[k]) / (p * (p - 1));
    }

    /** Signs of the entries of ρ's leading eigenvector (power iteration from a fixed start: deterministic). */
    static double[] dominantModeSigns(double[] rho, int p) {
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = 1.0 + 1e-3 * ((i * 2654435761L) % 1000) / 1000.0;
        }
        double[] w = new double[p];
        for (int it = 0; it < 300; it++) {
            double norm = 0;
            for (int i = 0; i < p; i++) {
                double s = Dot.dot(rho, i * p, v, 0, p); // sixteen partial sums, not one chain of p additions
                w[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                break;
            }
            for (int i = 0; i < p; i++) {
                v[i] = w[i] / norm;
            }
        }
        double[] sign = new double[p];
        for (int i = 0; i < p; i++) {
            sign[i] = v[i] < 0 ? -1.0 : 1.0;
        }
        return sign;
    }
}
