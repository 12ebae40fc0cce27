package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rcsweep.random.Rng;
import org.rcsweep.weights.RandomMatrices;
import org.rcsweep.weights.SpectralRadius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LyapunovSolverTest {
    @Test
    void solutionSatisfiesSteinEquation() {
        int n = 30;
        DMatrixRMaj a = gaussianWithRadius(n, 3, 0.97);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        Rng rng = new Rng(4);
        DMatrixRMaj b = new DMatrixRMaj(n, 2);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = rng.nextGaussian();
        }
        CommonOps_DDRM.multTransB(b, b, q);
        assertSolvesSteinEquation(a, q, LyapunovSolver.solve(a, q));
    }

    /** Products through the SIMD kernel: the same bits on any number of threads, at a size with ragged blocks. */
    @Test
    void sameSolutionOnAnyNumberOfThreads() {
        int n = 70;
        DMatrixRMaj a = gaussianWithRadius(n, 6, 0.95);
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        DMatrixRMaj one = LyapunovSolver.solve(a, q, 1);
        assertArrayEquals(one.data, LyapunovSolver.solve(a, q, 2).data);
        assertArrayEquals(one.data, LyapunovSolver.solve(a, q, 3).data);
        assertSolvesSteinEquation(a, q, one);
    }

    /** A random Gaussian n × n matrix rescaled to the given spectral radius. */
    private static DMatrixRMaj gaussianWithRadius(int n, long seed, double radius) {
        double[] w = RandomMatrices.gaussian(n, 1.0, 1.0, new Rng(seed));
        SpectralRadius.rescale(w, n, radius);
        return DMatrixRMaj.wrap(n, n, w);
    }

    /** ‖Γ − AΓAᵀ − Q‖_F within 1e-12 of ‖Γ‖_F, with EJML's products as the independent check. */
    private static void assertSolvesSteinEquation(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj gamma) {
        int n = a.numRows;
        DMatrixRMaj agat = new DMatrixRMaj(n, n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, gamma, tmp);
        CommonOps_DDRM.multTransB(tmp, a, agat);
        DMatrixRMaj residual = gamma.copy();
        CommonOps_DDRM.subtractEquals(residual, agat);
        CommonOps_DDRM.subtractEquals(residual, q);
        assertTrue(NormOps_DDRM.normF(residual) < 1e-12 * NormOps_DDRM.normF(gamma),
                "relative residual " + NormOps_DDRM.normF(residual) / NormOps_DDRM.normF(gamma));
    }

    @Test
    void unstableDynamicsAreReportedNotSolved() {
        DMatrixRMaj a = gaussianWithRadius(10, 5, 1.05);
        DMatrixRMaj q = CommonOps_DDRM.identity(10);
        TheoryException e = assertThrows(TheoryException.class, () -> LyapunovSolver.solve(a, q));
        assertTrue(e.getMessage().contains("unstable") || e.getMessage().contains("converge"), e.getMessage());
    }
}
