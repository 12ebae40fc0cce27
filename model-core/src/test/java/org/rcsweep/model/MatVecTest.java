package org.rcsweep.model;

import org.junit.jupiter.api.Test;
import org.rcsweep.stats.Dot;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every way of running the matrix–vector product gives every row the bits of its scalar dot product. */
class MatVecTest {
    @Test
    void fullProductEqualsRowByRowBitForBit() {
        Random random = new Random(10);
        for (int n : new int[] {1, 2, 7, 16, 33, 100, 130}) {
            double[] a = new double[n * n];
            double[] x = new double[n];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextGaussian();
            }
            for (int j = 0; j < n; j++) {
                x[j] = random.nextGaussian();
            }
            // the plain row-major layout (offset 0, stride n) and the aligned one give every row the scalar sum's bits
            double[] out = new double[n];
            VectorMatVec.product(a, 0, n, x, n, out, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToLongBits(Dot.scalar(a, i * n, x, 0, n)), Double.doubleToLongBits(out[i]),
                        "n = " + n + ", row " + i);
                assertEquals(Double.doubleToLongBits(MatVec.row(a, i, x, n)), Double.doubleToLongBits(out[i]));
            }
            AlignedRows aligned = AlignedRows.of(a, n);
            // all rows, and ranges starting at an odd row (rows paired differently), forwards and backwards
            for (int from : new int[] {0, n / 3 | 1, n / 3 & ~1}) {
                double[] forwards = new double[n];
                double[] backwards = new double[n];
                MatVec.product(aligned, x, forwards, from, n);
                MatVec.productDescending(aligned, x, backwards, from, n);
                for (int i = from; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(forwards[i]),
                            "from " + from + ", row " + i);
                    assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(backwards[i]),
                            "descending from " + from + ", row " + i);
                }
                for (int i = 0; i < from; i++) {
                    assertEquals(0.0, forwards[i], "rows below the range are not written");
                    assertEquals(0.0, backwards[i], "rows below the range are not written");
                }
            }
            // x given by its nonzero entries (here all of them, in order), through the aligned rows
            int[] all = new int[n];
            for (int j = 0; j < n; j++) {
                all[j] = j;
            }
            double[] listed = new double[n];
            MatVec.productOfSparseVector(aligned, x, all, n, listed);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(listed[i]), "listed x, row " + i);
            }
        }
    }
}
