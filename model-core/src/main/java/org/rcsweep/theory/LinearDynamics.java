package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * Linear dynamics x(t+1) = A x(t) + C u(t+1) + ξ(t+1) driven by i.i.d. input of variance σ² and private white
 * noise ξ of variance s² on every neuron.
 *
 * @param a             A, N × N
 * @param c             C, N × 1
 * @param variance      σ² of the input
 * @param kind          {@code exact} for a linear reservoir, {@code linearised} for the Jacobian of a nonlinear one
 * @param noiseVariance s², 0 for a noiseless reservoir
 */
public record LinearDynamics(DMatrixRMaj a, DMatrixRMaj c, double variance, String kind, double noiseVariance) {
    public static final String EXACT = "exact";
    public static final String LINEARISED = "linearised";

    /** Noiseless dynamics. */
    public LinearDynamics(DMatrixRMaj a, DMatrixRMaj c, double variance, String kind) {
        this(a, c, variance, kind, 0.0);
    }

    public int size() {
        return a.numRows;
    }
}
