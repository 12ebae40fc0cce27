package org.rcsweep.capacity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blocked factorisation and the tiled substitution against definitions: W = R⁻¹ (obtained by substituting the
 * identity) must whiten the matrix, W (A + λI) Wᵀ = I on the independent readouts, with zero rows for dependent
 * ones. Sizes cross the blocks of {@link NestedCholesky#BLOCK} = 64 rows and the tiles of
 * {@link NestedCholesky#COLUMN_TILE} = 256 columns, and dependences sit on and inside block edges.
 */
class NestedCholeskyTest {
    @Test
    void whitensGramMatricesAcrossBlocks() {
        for (int n : new int[] {1, 63, 64, 65, 200}) {
            DMatrixRMaj a = gram(randomData(n + 50, n, new Random(n)));
            for (double ridge : new double[] {0.0, 1e-3 * meanDiagonal(a)}) {
                NestedCholesky chol = NestedCholesky.factor(a, n, ridge);
                assertEquals(n, chol.validPrefix(), "n " + n);
                assertEquals(n, chol.rank(n), "n " + n);
                assertWhitens(a, ridge, chol, n, new boolean[n], "n " + n + " ridge " + ridge);
            }
        }
    }

    @Test
    void leavesOutExactlyTheDependentReadouts() {
        int n = 200;
        double[][] x = randomData(400, n, new Random(7));
        // column 5 constant, 64 and 130 combinations of earlier columns (64 opens a block, 130 sits inside one),
        // 199 a copy of 3
        for (double[] row : x) {
            row[5] = 2.5;
            row[64] = row[0] - 3 * row[63];
            row[130] = 0.5 * row[64] + row[129] - row[7];
            row[199] = row[3];
        }
        DMatrixRMaj a = gram(x);
        boolean[] expected = new boolean[n];
        for (int i : new int[] {5, 64, 130, 199}) {
            expected[i] = true;
        }
        for (double ridge : new double[] {0.0, 1e-6 * meanDiagonal(a)}) {
            NestedCholesky chol = NestedCholesky.factor(a, n, ridge, 3);
            assertEquals(n, chol.validPrefix());
            assertEquals(n - 4, chol.rank(n));
            assertEquals(63, chol.rank(64), "dependent readout 5 among the first 64");
            assertEquals(64, chol.rank(66));
            assertWhitens(a, ridge, chol, n, expected, "ridge " + ridge);
        }
    }

    @Test
    void leavesOutNonPositivePivotsAndStopsAtNonFiniteOnes() {
        int n = 150;
        DMatrixRMaj a = gram(randomData(300, n, new Random(9)));
        // readout 100 "twice readout 99" in its covariances but with 99's variance: its Schur pivot is negative
        DMatrixRMaj indefinite = a.copy();
        for (int j = 0; j < n; j++) {
            indefinite.set(100, j, 2 * a.get(99, j));
            indefinite.set(j, 100, 2 * a.get(j, 99));
        }
        indefinite.set(100, 100, a.get(99, 99));
        NestedCholesky chol = NestedCholesky.factor(indefinite, n, 0.0);
        assertEquals(n, chol.validPrefix());
        assertEquals(n - 1, chol.rank(n));
        assertEquals(100, chol.rank(101));

        DMatrixRMaj nan = a.copy();
        nan.set(70, 20, Double.NaN);
        nan.set(20, 70, Double.NaN);
        // the NaN reaches no pivot before readout 70's, whose variance it enters
        NestedCholesky stopped = NestedCholesky.factor(nan, n, 0.0);
        assertEquals(70, stopped.validPrefix(), "a NaN at (20, 70)");
        assertEquals(Double.POSITIVE_INFINITY, stopped.conditionEstimate(71));
        assertWhitens(a, 0.0, stopped, 70, new boolean[70], "prefix before the NaN");
    }

    /**
     * 330 readouts from 300 samples: the last ones are dependent, and the factorisation's panels (columns right of a
     * 64-row block, in tiles of {@link NestedCholesky#PANEL_TILE}) span three tiles, the last one partial.
     */
    @Test
    void resultsDoNotDependOnThreads() {
        int n = 330;
        DMatrixRMaj a = gram(randomData(300, n, new Random(11)));
        double ridge = 1e-4 * meanDiagonal(a);
        NestedCholesky one = NestedCholesky.factor(a, n, ridge, 1);
        NestedCholesky three = NestedCholesky.factor(a, n, ridge, 3);
        int m = 600; // three column tiles, the last one partial
        double[] b = flatten(randomData(n, m, new Random(12)));
        double[] z1 = b.clone();
        double[] z3 = b.clone();
        one.forwardSubstitute(z1, n, m, 1);
        three.forwardSubstitute(z3, n, m, 3);
        assertArrayEquals(z1, z3, 0.0);
        assertEquals(one.conditionEstimate(n), three.conditionEstimate(n), 0.0);
        assertEquals(one.rank(n), three.rank(n));
        assertTrue(one.rank(n) < n, "the readouts beyond the samples' rank are left out");
    }

    /**
     * A solve over several column tiles (the last one ragged: 601 = 2·256 + 89) against an independent product: R⁻¹,
     * from substituting the identity in one tile (checked by the whitening test), times B with EJML.
     */
    @Test
    void multiTileSolveEqualsTheInverseTimesB() {
        int n = 190;
        DMatrixRMaj a = gram(randomData(300, n, new Random(15)));
        NestedCholesky chol = NestedCholesky.factor(a, n, 1e-4 * meanDiagonal(a), 2);
        DMatrixRMaj inverse = CommonOps_DDRM.identity(n);
        chol.forwardSubstitute(inverse.data, n, n, 1);
        int m = 601;
        DMatrixRMaj b = DMatrixRMaj.wrap(n, m, flatten(randomData(n, m, new Random(16))));
        DMatrixRMaj expected = new DMatrixRMaj(n, m);
        CommonOps_DDRM.mult(inverse, b, expected);
        for (int threads : new int[] {1, 2}) {
            double[] z = b.data.clone();
            chol.forwardSubstitute(z, n, m, threads);
            for (int i = 0; i < n * m; i++) {
                assertEquals(expected.data[i], z[i], 1e-9 * (1 + Math.abs(expected.data[i])),
                        "entry " + i / m + ", " + i % m + ", threads " + threads);
            }
        }
    }

    /** The upper-triangle solve gives the full solve's bits on and above the diagonal, on any number of threads. */
    @Test
    void upperTriangleSolveMatchesTheFullSolveOnAndAboveTheDiagonal() {
        int p = 600; // three column tiles, the last one partial; the valid prefix below p cuts a block
        DMatrixRMaj a = gram(randomData(700, p, new Random(13)));
        NestedCholesky chol = NestedCholesky.factor(a, p, 1e-4 * meanDiagonal(a));
        int l = 581;
        double[] b = flatten(randomData(p, p, new Random(14)));
        double[] full = b.clone();
        chol.forwardSubstitute(full, l, p, 2);
        for (int threads : new int[] {1, 2, 3}) {
            double[] upper = b.clone();
            chol.forwardSubstituteUpper(upper, l, p, threads);
            for (int i = 0; i < l; i++) {
                for (int j = i; j < p; j++) {
                    assertEquals(Double.doubleToLongBits(full[i * p + j]), Double.doubleToLongBits(upper[i * p + j]),
                            "entry " + i + ", " + j + ", threads " + threads);
                }
            }
        }
    }

    /** W = R⁻¹ from substituting the identity; W (A + λI) Wᵀ must be the identity on independent readouts. */
    private static void assertWhitens(DMatrixRMaj a, double ridge, NestedCholesky chol, int l, boolean[] dependent,
                                      String what) {
        for (int i = 0; i < l; i++) {
            assertEquals(!dependent[i], chol.rank(i + 1) - chol.rank(i) == 1, what + ": readout " + i);
        }
        DMatrixRMaj w = CommonOps_DDRM.identity(l);
        chol.forwardSubstitute(w.data, l, l, 2);
        DMatrixRMaj shifted = new DMatrixRMaj(l, l);
        CommonOps_DDRM.extract(a, 0, l, 0, l, shifted, 0, 0);
        for (int i = 0; i < l; i++) {
            shifted.add(i, i, ridge);
        }
        DMatrixRMaj wa = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(w, shifted, wa);
        DMatrixRMaj whitened = new DMatrixRMaj(l, l);
        CommonOps_DDRM.multTransB(wa, w, whitened);
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                double expected = i == j && !dependent[i] ? 1.0 : 0.0;
                assertEquals(expected, whitened.get(i, j), 1e-8, what + ": entry " + i + "," + j);
            }
            if (dependent[i]) {
                for (int j = 0; j < l; j++) {
                    assertEquals(0.0, w.get(i, j), 0.0, what + ": row of dependent readout " + i);
                }
            }
        }
    }

    private static double[][] randomData(int rows, int cols, Random random) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian() + (j % 7) * 0.3;
            }
        }
        return x;
    }

    private static double[] flatten(double[][] x) {
        int cols = x[0].length;
        double[] out = new double[x.length * cols];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * cols, cols);
        }
        return out;
    }

    /** Centred Gram Σ(x − x̄)(x − x̄)ᵀ of the rows of x. */
    private static DMatrixRMaj gram(double[][] x) {
        int cols = x[0].length;
        double[] mean = new double[cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(x.length, cols);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cols; j++) {
                centred.set(i, j, x[i][j] - mean[j]);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(centred, centred, g);
        return g;
    }

    private static double meanDiagonal(DMatrixRMaj a) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            s += a.get(i, i);
        }
        return s / a.numRows;
    }
}
