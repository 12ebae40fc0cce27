package org.rcsweep.weights;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessenbergEigenvaluesTest {

    /** Oracle: EJML's general eigenvalue decomposition (an independent implementation), matched pair by pair. */
    @Test
    void matchesEjmlOnRandomMatrices() {
        Random rnd = new Random(11);
        for (int n : new int[]{1, 2, 3, 4, 5, 8, 17, 37, 100, 160}) {
            double[] a = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextGaussian() / Math.sqrt(n);
            }
            double[][] ours = HessenbergEigenvalues.of(a, n);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
            assertTrue(eig.decompose(DMatrixRMaj.wrap(n, n, a.clone())));
            boolean[] used = new boolean[n];
            for (int i = 0; i < n; i++) {
                int best = -1;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double d = Math.hypot(ours[0][i] - eig.getEigenvalue(j).real,
                            ours[1][i] - eig.getEigenvalue(j).imaginary);
                    if (!used[j] && d < bestDistance) {
                        best = j;
                        bestDistance = d;
                    }
                }
                used[best] = true;
                // eigenvalues of a random matrix with spectrum radius ≈ 1 are well conditioned to ~1e-13 here
                assertTrue(bestDistance < 1e-9, "n = " + n + ": eigenvalue " + ours[0][i] + " + " + ours[1][i]
                        + "i is " + bestDistance + " from EJML's nearest");
            }
        }
    }

    /**
     * The structures rcsweep's weight generators produce: sparse (1%, 5%), low rank plus nothing (rank 1, 3), badly
     * scaled. Only the spectral radius is compared: the many near-zero eigenvalues of a low-rank matrix are
     * ill-conditioned one by one, its largest modulus is not.
     */
    @Test
    void spectralRadiusMatchesEjmlOnSparseLowRankAndScaledMatrices() {
        Random rnd = new Random(9);
        int n = 200;
        for (int kind = 0; kind < 6; kind++) {
            double[] a = new double[n * n];
            if (kind < 2) {
                double density = kind == 0 ? 0.01 : 0.05;
                for (int i = 0; i < a.length; i++) {
                    a[i] = rnd.nextDouble() < density ? rnd.nextGaussian() : 0.0;
                }
            } else if (kind < 4) {
                for (int r = 0; r < (kind == 2 ? 1 : 3); r++) {
                    double[] u = new double[n];
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        u[i] = rnd.nextGaussian();
                        v[i] = rnd.nextGaussian() / n;
                    }
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            a[i * n + j] += u[i] * v[j];
                        }
                    }
                }
            } else {
                double scale = kind == 4 ? 1e150 : 1e-150;
                for (int i = 0; i < a.length; i++) {
                    a[i] = rnd.nextGaussian() * scale;
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
            assertTrue(eig.decompose(DMatrixRMaj.wrap(n, n, a.clone())));
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected = Math.max(expected, eig.getEigenvalue(i).getMagnitude());
            }
            assertEquals(expected, SpectralRadius.of(a, n), 1e-11 * expected, "kind " + kind);
        }
    }

    /** A scaled cyclic shift (a ring reservoir): eigenvalues ρ·exp(2πik/n), all of modulus ρ. */
    @Test
    void ringHasItsScaleAsSpectralRadius() {
        for (int n : new int[]{2, 3, 50, 301}) {
            double rho = 0.9;
            double[] w = new double[n * n];
            for (int i = 0; i < n; i++) {
                w[((i + 1) % n) * n + i] = rho;
            }
            double[][] lambda = HessenbergEigenvalues.of(w, n);
            for (int i = 0; i < n; i++) {
                assertEquals(rho, Math.hypot(lambda[0][i], lambda[1][i]), 1e-12, "n = " + n);
            }
            assertEquals(rho, SpectralRadius.of(w, n), 1e-12);
        }
    }

    /** Companion matrix of (x − 1)(x − 2)(x − 3)(x + 4) = x⁴ − 2x³ − 13x² + 38x − 24 and of x² + 1 (roots ±i). */
    @Test
    void companionMatricesHaveTheirPolynomialsRoots() {
        double[] c = {
                2, 13, -38, 24,
                1, 0, 0, 0,
                0, 1, 0, 0,
                0, 0, 1, 0};
        double[][] lambda = HessenbergEigenvalues.of(c, 4);
        double[] re = lambda[0].clone();
        java.util.Arrays.sort(re);
        assertArrayEquals(new double[]{-4, 1, 2, 3}, re, 1e-12);
        assertArrayEquals(new double[4], lambda[1], 0.0);

        double[][] pair = HessenbergEigenvalues.of(new double[]{0, -1, 1, 0}, 2);
        assertArrayEquals(new double[]{0, 0}, pair[0], 0.0);
        assertEquals(1.0, Math.abs(pair[1][0]), 1e-15);
        assertEquals(-pair[1][0], pair[1][1], 0.0);
    }

    /** Upper triangular: the diagonal; the zero matrix: zeros; trace = Σλ for a larger random matrix. */
    @Test
    void triangularZeroAndTrace() {
        int n = 30;
        double[] t = new double[n * n];
        Random rnd = new Random(5);
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = i - 11.5;
            for (int j = i; j < n; j++) {
                t[i * n + j] = j == i ? diagonal[i] : rnd.nextGaussian();
            }
        }
        double[] re = HessenbergEigenvalues.of(t, n)[0].clone();
        java.util.Arrays.sort(re);
        assertArrayEquals(diagonal, re, 1e-12);

        assertEquals(0.0, SpectralRadius.of(new double[n * n], n), 0.0);

        int m = 400;
        double[] a = new double[m * m];
        double trace = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < m; i++) {
            trace += a[i * m + i];
        }
        double[][] lambda = HessenbergEigenvalues.of(a, m);
        double sumRe = 0;
        double sumIm = 0;
        for (int i = 0; i < m; i++) {
            sumRe += lambda[0][i];
            sumIm += lambda[1][i];
        }
        assertEquals(trace, sumRe, 1e-9 * m);
        assertEquals(0.0, sumIm, 1e-9 * m);
    }

    @Test
    void refusesNonFiniteEntries() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> HessenbergEigenvalues.of(new double[]{1, Double.NaN, 0, 1}, 2));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
