package org.rcsweep.capacity;

/**
 * Capacities of one readout set (the first L readout neurons) for every target.
 *
 * @param readouts          L
 * @param inSample          explained-variance fraction on the training samples, per target
 * @param holdout           squared correlation on the held-out samples of the readout fitted on the training samples,
 *                          per target; {@code null} for the in-sample estimator
 * @param conditionEstimate lower bound of the condition number of the regularised Gram matrix of the independent
 *                          readouts among the L
 * @param rank              number of independent readouts among the L (the others are constant or exact
 *                          combinations of earlier ones and add nothing)
 * @param wellConditioned   false when the Gram block was not positive definite or its condition estimate exceeded the
 *                          limit; then the capacities are NaN
 */
public record ReadoutCapacity(int readouts, double[] inSample, double[] holdout, double conditionEstimate,
                             int rank, boolean wellConditioned) {

    public static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
