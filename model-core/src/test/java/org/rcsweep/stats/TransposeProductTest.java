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
        // p runs through every remainder mod 6 (the micro-kernel's rows) and mod 4 (the column-quad path)
        for (int[] shape : new int[][] {{256, 130, 301}, {17, 9, 8}, {5, 4, 3}, {64, 100, 100}, {33, 102, 15},
                {40, 97, 101}, {21, 62, 68}, {19, 41, 44}}) {
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
            ScalarTransposeProduct.accumulate(a.data, rows, p, a.data, 0, p, p, gramScalar, 0, p, true);
            double[] gramThreads = new double[p * p];
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, gramThreads, 3);
            TransposeProduct.mirrorUpper(gramVector, p);
            TransposeProduct.mirrorUpper(gramScalar, p);
            TransposeProduct.mirrorUpper(gramThreads, p);
            assertArrayEquals(gramScalar, gramVector, 0.0, "symmetric " + rows + "x" + p);
            assertArrayEquals(gramVector, gramThreads, 0.0, "symmetric on three threads " + rows + "x" + p);
        }
    }

    /**
     * The Gram update into a {@link PanelMatrix} keeps the bits of the row-major update, on the SIMD and the scalar
     * path and on several threads, for sizes around the panel width and every remainder mod 6 and mod 8.
     */
    @Test
    void panelLayoutKeepsTheRowMajorBits() {
        Random random = new Random(12);
        for (int[] shape : new int[][] {{1, 1}, {7, 5}, {256, 64}, {30, 65}, {19, 127}, {40, 130}, {33, 203},
                {256, 1000}}) {
            int rows = shape[0], p = shape[1];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
            double[] rowMajor = new double[p * p];
            PanelMatrix vector = new PanelMatrix(p);
            double[] scalar = new double[panelDoubles(p)];
            for (DMatrixRMaj chunk : new DMatrixRMaj[] {a, b}) {
                TransposeProduct.symmetricRankUpdate(chunk.data, rows, p, rowMajor);
                vector.symmetricRankUpdate(chunk.data, rows, 3);
                TransposeProduct.symmetricRankUpdatePanels(chunk.data, rows, p, scalar, 1, null, false);
            }
            TransposeProduct.mirrorUpper(rowMajor, p);
            assertArrayEquals(rowMajor, vector.toSymmetricRowMajor(), 0.0, "SIMD, " + rows + "x" + p);
            for (int j0 = 0; j0 < p; j0 += TransposeProduct.PANEL) {
                for (int i = 0; i < p; i++) {
                    for (int j = Math.max(i, j0); j < Math.min(p, j0 + TransposeProduct.PANEL); j++) {
                        double v = scalar[(j0 / TransposeProduct.PANEL) * p * TransposeProduct.PANEL
                                + i * TransposeProduct.PANEL + j - j0];
                        assertEquals(rowMajor[i * p + j], v, 0.0, "scalar, " + rows + "x" + p + " (" + i + ", " + j
                                + ")");
                    }
                }
            }
        }
    }

    private static int panelDoubles(int p) {
        return (p + TransposeProduct.PANEL - 1) / TransposeProduct.PANEL * p * TransposeProduct.PANEL;
    }

    /** A product on a column sub-block of larger arrays equals those columns of the whole product, bit for bit. */
    @Test
    void columnSubBlocksMatchTheWholeProduct() {
        Random random = new Random(6);
        int rows = 70, p = 13, m = 301;
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(rows, m, -1, 1, random);
        double[] whole = RandomMatrices_DDRM.rectangle(p, m, -1, 1, random).data;
        double[] split = whole.clone();
        TransposeProduct.multAddTransA(a.data, rows, p, b.data, m, whole);
        int[] edges = {0, 9, 100, 256, 301};
        for (int e = 0; e + 1 < edges.length; e++) {
            int c0 = edges[e];
            TransposeProduct.multAddTransA(a.data, rows, p, b.data, c0, m, edges[e + 1] - c0, split, c0, m);
        }
        assertArrayEquals(whole, split, 0.0);
    }

    /** The upper-triangle update of a p × p block inside a larger array touches nothing outside the block. */
    @Test
    void upperUpdateOfAnEmbeddedBlock() {
        Random random = new Random(8);
        int rows = 9, p = 37, ld = 50, offset = 5 * ld + 11;
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(rows, p, -1, 1, random);
        DMatrixRMaj expected = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(a, b, expected);
        double[] c = new double[(5 + p) * ld + 20];
        java.util.Arrays.fill(c, 7.0);
        TransposeProduct.multAddTransAUpper(a.data, rows, p, b.data, c, offset, ld, 2);
        for (int i = 0; i < c.length; i++) {
            int row = (i - offset) / ld;
            int col = (i - offset) % ld;
            boolean inBlock = i >= offset && row < p && col >= 0 && col < p;
            if (inBlock && col >= row) {
                assertEquals(7.0 + expected.get(row, col), c[i], 1e-12, "entry " + row + "," + col);
            } else if (!inBlock) {
                assertEquals(7.0, c[i], 0.0, "outside the block at " + i);
            }
        }
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        for (int i = 0; i < expected.data.length; i++) {
            double scale = Math.max(1.0, Math.abs(expected.data[i]));
            assertEquals(expected.data[i], actual.data[i], 1e-12 * scale, what + " entry " + i);
        }
    }
}
