package org.rcsweep.capacity;

import org.junit.jupiter.api.Test;
import org.rcsweep.stats.TransposeProduct;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowUpdateTest {
    /** The dispatching path (SIMD where the module is present) gives the scalar loop's bits for every shape. */
    @Test
    void sameBitsAsTheScalarLoop() {
        assertTrue(TransposeProduct.VECTORISED, "the tests run with jdk.incubator.vector (surefire argLine)");
        Random rng = new Random(11);
        int stride = 101;
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[40 * stride];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextGaussian();
            }
            double[] f = new double[40 * stride];
            for (int i = 0; i < f.length; i++) {
                f[i] = rng.nextInt(4) == 0 ? 0.0 : rng.nextGaussian(); // zero multipliers are skipped
            }
            int first = rng.nextInt(20);
            int last = first + rng.nextInt(15);
            int target = last + rng.nextInt(5);
            int c0 = rng.nextInt(40);
            int c1 = c0 + rng.nextInt(stride - c0 + 1);
            int fStride = 1 + rng.nextInt(3) * 50;
            int fOffset = rng.nextInt(100);
            double[] expected = a.clone();
            RowUpdate.scalar(expected, stride, target, first, last, f, fOffset, fStride, c0, c1);
            RowUpdate.subtract(a, stride, target, first, last, f, fOffset, fStride, c0, c1);
            assertArrayEquals(expected, a, "trial " + trial);
        }
    }

    /** Against the definition, written out: only the target row's columns c0..c1 change. */
    @Test
    void subtractsTheMultiplesOfTheSourceRows() {
        int stride = 70;
        double[] a = new double[4 * stride];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 7 - 3;
        }
        double[] f = {0.5, 0.0, -2.0};
        double[] expected = a.clone();
        for (int c = 3; c < 67; c++) {
            expected[3 * stride + c] = (a[3 * stride + c] - 0.5 * a[c]) - -2.0 * a[2 * stride + c];
        }
        RowUpdate.subtract(a, stride, 3, 0, 3, f, 0, 1, 3, 67);
        assertArrayEquals(expected, a);
    }
}
