package org.rcsweep.theory;

/**
 * The classical independent-neuron prediction: the readouts' correlation matrix replaced by its diagonal, so each
 * readout adds its own squared input correlations, m_k(L) = Σ_{i&lt;L} r_ik². Linear in L on average, and not capped:
 * where it exceeds 1 the independence assumption is visibly wrong.
 */
public final class IndependentPredictor {
    private IndependentPredictor() {
    }

    /** m_k(L) for every requested L: {@code result[index of L][k]}. */
    public static double[][] memory(CorrelationStatistics stats, int[] readouts) {
        int m = stats.targets();
        double[][] out = new double[readouts.length][];
        double[] cumulative = new double[m];
        int done = 0;
        for (int idx = 0; idx < readouts.length; idx++) {
            for (; done < readouts[idx]; done++) {
                for (int k = 0; k < m; k++) {
                    double r = stats.input()[done * m + k];
                    cumulative[k] += r * r;
                }
            }
            out[idx] = cumulative.clone();
        }
        return out;
    }
}
