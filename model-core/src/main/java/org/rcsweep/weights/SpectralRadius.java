package org.rcsweep.weights;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The spectral radius max|λ| of a square matrix, from EJML's general eigenvalue decomposition. */
public final class SpectralRadius {
    private SpectralRadius() {
    }

    public static double of(double[] rowMajor, int n) {
        if (n == 0) {
            return 0.0;
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, rowMajor.clone());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(a)) {
            throw new ArithmeticException("eigenvalue decomposition did not converge for an " + n + "x" + n + " matrix");
        }
        double max = 0.0;
        for (int i = 0; i < n; i++) {
            Complex_F64 lambda = eig.getEigenvalue(i);
            max = Math.max(max, lambda.getMagnitude());
        }
        return max;
    }

    /** Rescales w in place to spectral radius {@code target}; a zero matrix cannot be rescaled. */
    public static void rescale(double[] rowMajor, int n, double target) {
        double rho = of(rowMajor, n);
        if (!(rho > 0.0)) {
            throw new ArithmeticException("cannot rescale a matrix with spectral radius " + rho);
        }
        RandomMatrices.scale(rowMajor, target / rho);
    }
}
