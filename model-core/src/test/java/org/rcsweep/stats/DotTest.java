package org.rcsweep.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SIMD and scalar dot products do the same operations in the same order, and both are accurate sums. */
class DotTest {
    @Test
    void vectorAndScalarPathsAgreeBitForBitAndWithAnExactSum() {
        Random random = new Random(9);
        for (int n : new int[] {1, 3, 15, 16, 17, 40, 100, 1000}) {
            double[] a = new double[n + 5];
            double[] b = new double[n + 2];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextGaussian();
            }
            for (int j = 0; j < b.length; j++) {
                b[j] = random.nextGaussian();
            }
            double vector = VectorDot.dot(a, 5, b, 2, n);
            double scalar = Dot.scalar(a, 5, b, 2, n);
            assertEquals(Double.doubleToLongBits(scalar), Double.doubleToLongBits(vector), "n = " + n);
            BigDecimal exact = BigDecimal.ZERO;
            double magnitude = 0;
            for (int j = 0; j < n; j++) {
                exact = exact.add(new BigDecimal(a[5 + j]).multiply(new BigDecimal(b[2 + j])));
                magnitude += Math.abs(a[5 + j] * b[2 + j]);
            }
            // Summation error bound: n·ε·Σ|a_j b_j|.
            assertEquals(exact.doubleValue(), vector, n * 0x1p-52 * magnitude, "n = " + n);
            assertEquals(exact.doubleValue(), Dot.dot(a, 5, b, 2, n), n * 0x1p-52 * magnitude, "n = " + n);
        }
    }
}
