package org.rcsweep.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SIMD and scalar row products do the same operations in the same order, and both are accurate sums. */
class MatVecTest {
    @Test
    void vectorAndScalarPathsAgreeBitForBitAndWithAnExactSum() {
        Random random = new Random(9);
        for (int n : new int[] {1, 3, 15, 16, 17, 40, 100, 1000}) {
            double[] a = new double[3 * n];
            double[] x = new double[n];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextGaussian();
            }
            for (int j = 0; j < n; j++) {
                x[j] = random.nextGaussian();
            }
            for (int i = 0; i < 3; i++) {
                double vector = VectorMatVec.row(a, i * n, x, n);
                double scalar = MatVec.scalarRow(a, i * n, x, n);
                assertEquals(Double.doubleToLongBits(scalar), Double.doubleToLongBits(vector), "n = " + n);
                BigDecimal exact = BigDecimal.ZERO;
                double magnitude = 0;
                for (int j = 0; j < n; j++) {
                    exact = exact.add(new BigDecimal(a[i * n + j]).multiply(new BigDecimal(x[j])));
                    magnitude += Math.abs(a[i * n + j] * x[j]);
                }
                // Summation error bound: n·ε·Σ|a_j x_j|.
                assertEquals(exact.doubleValue(), vector, n * 0x1p-52 * magnitude, "n = " + n);
                assertEquals(exact.doubleValue(), MatVec.row(a, i, x, n), n * 0x1p-52 * magnitude, "n = " + n);
            }
        }
    }

    /** The two-rows-at-a-time product gives every row the bits of the single-row and scalar paths. */
    @Test
    void fullProductEqualsRowByRowBitForBit() {
        Random random = new Random(10);
        for (int n : new int[] {1, 2, 7, 16, 33, 100}) {
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
                assertEquals(Double.doubleToLongBits(MatVec.scalarRow(a, i * n, x, n)), Double.doubleToLongBits(out[i]),
                        "n = " + n + ", row " + i);
            }
            // a range starting at an odd row pairs rows differently; every row keeps its bits
            double[] part = new double[n];
            VectorMatVec.product(a, x, n, part, n / 3 | 1, n);
            for (int i = n / 3 | 1; i < n; i++) {
                assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(part[i]), "range, row " + i);
            }
        }
    }
}
