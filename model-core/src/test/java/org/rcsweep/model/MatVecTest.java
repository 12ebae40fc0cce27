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
            double[] out = new double[n];
            VectorMatVec.product(a, x, n, out, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToLongBits(Dot.scalar(a, i * n, x, 0, n)), Double.doubleToLongBits(out[i]),
                        "n = " + n + ", row " + i);
                assertEquals(Double.doubleToLongBits(MatVec.row(a, i, x, n)), Double.doubleToLongBits(out[i]));
            }
            // a range starting at an odd row pairs rows differently; every row keeps its bits
            double[] part = new double[n];
            VectorMatVec.product(a, x, n, part, n / 3 | 1, n);
            for (int i = n / 3 | 1; i < n; i++) {
                assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(part[i]), "range, row " + i);
            }
            // rows visited backwards, over the whole matrix and over a range
            for (int from : new int[] {0, n / 3 & ~1}) {
                double[] backwards = new double[n];
                MatVec.productDescending(a, x, n, backwards, from, n);
                for (int i = from; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(backwards[i]),
                            "descending from " + from + ", row " + i);
                }
                for (int i = 0; i < from; i++) {
                    assertEquals(0.0, backwards[i], "rows below the range are not written");
                }
            }
            // the same rows laid out with aligned starts (padded row stride), forwards and backwards
            AlignedRows aligned = AlignedRows.of(a, n);
            for (int from : new int[] {0, n / 3 & ~1}) {
                double[] forwards = new double[n];
                double[] backwards = new double[n];
                MatVec.product(aligned, x, forwards, from, n);
                MatVec.productDescending(aligned, x, backwards, from, n);
                for (int i = from; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(forwards[i]),
                            "aligned rows from " + from + ", row " + i);
                    assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(backwards[i]),
                            "aligned rows descending from " + from + ", row " + i);
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
