package org.rcsweep.weights;

/** The spectral radius max|λ| of a square matrix, from all its eigenvalues ({@link HessenbergEigenvalues}). */
public final class SpectralRadius {
    private SpectralRadius() {
    }

    public static double of(double[] rowMajor, int n) {
        double[][] lambda = HessenbergEigenvalues.of(rowMajor, n);
        double max = 0.0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.hypot(lambda[0][i], lambda[1][i]));
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
