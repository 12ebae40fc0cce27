package org.rcsweep.stats;

import org.ejml.data.DMatrixRMaj;

/**
 * Standard deviations of features from their covariance, with constant features recognised: a variance at most
 * {@link #RELATIVE_TOLERANCE} times the largest is rounding (e.g. a silent spiking neuron whose filtered trace still
 * decays from a washout spike), so its standard deviation is reported as 0 and every correlation with it is 0
 * rather than a ratio of rounding errors. The rank-revealing factorisation of the readouts uses the same tolerance.
 */
public final class FeatureScales {
    public static final double RELATIVE_TOLERANCE = 1e-12;

    private FeatureScales() {
    }

    /** √cov_ii for the first {@code count} features, 0 for constant ones. */
    public static double[] standardDeviations(DMatrixRMaj cov, int count) {
        int p = cov.numCols;
        double largest = 0;
        for (int i = 0; i < count; i++) {
            largest = Math.max(largest, cov.data[i * p + i]);
        }
        double floor = RELATIVE_TOLERANCE * largest;
        double[] sd = new double[count];
        for (int i = 0; i < count; i++) {
            double variance = cov.data[i * p + i];
            sd[i] = variance > floor ? Math.sqrt(variance) : 0.0;
        }
        return sd;
    }
}
