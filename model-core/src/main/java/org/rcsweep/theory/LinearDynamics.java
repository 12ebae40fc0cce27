package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * Linear dynamics x(t+1) = A x(t) + C u(t+1) driven by i.i.d. input of variance σ².
 *
 * @param a        A, N × N
 * @param c        C, N × 1
 * @param variance σ² of the input
 * @param kind     {@code exact} for a linear reservoir, {@code linearised} for the Jacobian of a nonlinear one
 */
public record LinearDynamics(DMatrixRMaj a, DMatrixRMaj c, double variance, String kind) {
    public static final String EXACT = "exact";
    public static final String LINEARISED = "linearised";

    public int size() {
        return a.numRows;
    }
}
