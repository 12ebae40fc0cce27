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
        double[] w = RandomMatrices.gaussian(n, 1.0, 1.0, new Rng(3));
        SpectralRadius.rescale(w, n, 0.97);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, w);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        Rng rng = new Rng(4);
        DMatrixRMaj b = new DMatrixRMaj(n, 2);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = rng.nextGaussian();
        }
        CommonOps_DDRM.multTransB(b, b, q);
        DMatrixRMaj gamma = LyapunovSolver.solve(a, q);
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

    /** Products through the SIMD kernel: the same bits on any number of threads, at a size with ragged blocks. */
    @Test
    void sameSolutionOnAnyNumberOfThreads() {
        int n = 70;
        double[] w = RandomMatrices.gaussian(n, 1.0, 1.0, new Rng(6));
        SpectralRadius.rescale(w, n, 0.95);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, w);
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        DMatrixRMaj one = LyapunovSolver.solve(a, q, 1);
        assertArrayEquals(one.data, LyapunovSolver.solve(a, q, 2).data);
        assertArrayEquals(one.data, LyapunovSolver.solve(a, q, 3).data);
        DMatrixRMaj agat = new DMatrixRMaj(n, n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, one, tmp);
        CommonOps_DDRM.multTransB(tmp, a, agat);
        DMatrixRMaj residual = one.copy();
        CommonOps_DDRM.subtractEquals(residual, agat);
        CommonOps_DDRM.subtractEquals(residual, q);
        assertTrue(NormOps_DDRM.normF(residual) < 1e-12 * NormOps_DDRM.normF(one),
                "relative residual " + NormOps_DDRM.normF(residual) / NormOps_DDRM.normF(one));
    }

    @Test
    void unstableDynamicsAreReportedNotSolved() {
        int n = 10;
        double[] w = RandomMatrices.gaussian(n, 1.0, 1.0, new Rng(5));
        SpectralRadius.rescale(w, n, 1.05);
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        TheoryException e = assertThrows(TheoryException.class,
                () -> LyapunovSolver.solve(DMatrixRMaj.wrap(n, n, w), q));
        assertTrue(e.getMessage().contains("unstable") || e.getMessage().contains("converge"), e.getMessage());
    }
}
