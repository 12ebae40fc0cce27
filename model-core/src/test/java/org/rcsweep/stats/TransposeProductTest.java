package org.rcsweep.stats;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiled kernels against EJML's plain product, on shapes that exercise every remainder path. */
class TransposeProductTest {
    @Test
    void generalProductEqualsEjml() {
        Random random = new Random(3);
        for (int[] shape : new int[][] {{1, 1, 1}, {7, 5, 3}, {256, 130, 301}, {13, 129, 128}, {4, 300, 257}}) {
            int rows = shape[0], p = shape[1], m = shape[2];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(rows, m, -1, 1, random);
            DMatrixRMaj expected = RandomMatrices_DDRM.rectangle(p, m, -1, 1, random);
            DMatrixRMaj actual = expected.copy();
            CommonOps_DDRM.multAddTransA(a, b, expected);
            TransposeProduct.multAddTransA(a.data, rows, p, b.data, m, actual.data);
            assertClose(expected, actual, rows + "x" + p + "x" + m);
        }
    }

    @Test
    void symmetricUpdateFillsTheUpperTriangleAndMirrorsIt() {
        Random random = new Random(4);
        for (int[] shape : new int[][] {{1, 1}, {9, 7}, {256, 200}, {3, 129}}) {
            int rows = shape[0], p = shape[1];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
            DMatrixRMaj expected = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(a, a, expected);
            DMatrixRMaj actual = new DMatrixRMaj(p, p);
            // two chunks, so the accumulation (not just one product) is checked
            DMatrixRMaj twice = expected.copy();
            CommonOps_DDRM.scale(2.0, twice);
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, actual.data);
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, actual.data);
            TransposeProduct.mirrorUpper(actual.data, p);
            assertClose(twice, actual, rows + "x" + p);
        }
    }

    /** The SIMD and scalar paths do the same fused multiply–adds in the same order: identical bits. */
    @Test
    void vectorAndScalarPathsAgreeBitForBit() {
        assertTrue(TransposeProduct.VECTORISED, "the tests run with --add-modules=jdk.incubator.vector (pom argLine)");
        Random random = new Random(5);
        for (int[] shape : new int[][] {{256, 130, 301}, {17, 9, 8}, {5, 4, 3}}) {
            int rows = shape[0], p = shape[1], m = shape[2];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(rows, m, -1, 1, random);
            double[] vector = new double[p * m];
            double[] scalar = new double[p * m];
            for (int chunk = 0; chunk < 2; chunk++) {
                TransposeProduct.multAddTransA(a.data, rows, p, b.data, m, vector);
                TransposeProduct.multAddTransAScalar(a.data, rows, p, b.data, m, scalar);
            }
            assertArrayEquals(scalar, vector, 0.0, rows + "x" + p + "x" + m);

            double[] gramVector = new double[p * p];
            double[] gramScalar = new double[p * p];
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, gramVector);
            ScalarTransposeProduct.accumulate(a.data, rows, p, a.data, 0, p, gramScalar, 0, true);
            double[] gramThreads = new double[p * p];
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, gramThreads, 3);
            TransposeProduct.mirrorUpper(gramVector, p);
            TransposeProduct.mirrorUpper(gramScalar, p);
            TransposeProduct.mirrorUpper(gramThreads, p);
            assertArrayEquals(gramScalar, gramVector, 0.0, "symmetric " + rows + "x" + p);
            assertArrayEquals(gramVector, gramThreads, 0.0, "symmetric on three threads " + rows + "x" + p);
        }
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        for (int i = 0; i < expected.data.length; i++) {
            double scale = Math.max(1.0, Math.abs(expected.data[i]));
            assertEquals(expected.data[i], actual.data[i], 1e-12 * scale, what + " entry " + i);
        }
    }
}
