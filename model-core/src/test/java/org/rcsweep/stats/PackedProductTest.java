package org.rcsweep.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The product on packed operands against the unpacked kernel: the same fma chain per entry, so the same bits, on
 * shapes with every remainder (columns of A not a multiple of 4, of B not of 8, depths across several passes),
 * with B's rows set in batches as a triangular solve sets them.
 */
class PackedProductTest {
    @Test
    void packedProductHasTheUnpackedProductsBits() {
        Random random = new Random(11);
        // A's columns p through every remainder mod 6 (the strips of PackedLeft)
        int[][] shapes = {{1, 1, 1}, {5, 3, 7}, {64, 64, 256}, {300, 66, 203}, {513, 61, 9}, {700, 4, 8},
                {80, 65, 30}, {50, 62, 17}};
        for (int[] shape : shapes) {
            int rows = shape[0], p = shape[1], width = shape[2];
            int ldb = width + 5, ldc = width + 3, bOffset = 2, cOffset = 7;
            double[] a = uniform(random, rows * p);
            double[] b = uniform(random, bOffset + rows * ldb);
            double[] expected = uniform(random, cOffset + p * ldc);
            double[] actual = expected.clone();
            TransposeProduct.multAddTransA(a, rows, p, b, bOffset, ldb, width, expected, cOffset, ldc);

            PackedRows packed = new PackedRows(rows + 10, width + 9);
            packed.reset(width);
            int half = rows / 2;
            packed.set(b, bOffset, ldb, 0, half);
            packed.set(b, bOffset, ldb, half, rows);
            double[] scalar = actual.clone();
            PackedLeft left = PackedLeft.of(a, rows, p);
            PackedProduct.multAddTransA(left, packed, actual, cOffset, ldc);
            assertArrayEquals(expected, actual, 0.0, rows + "x" + p + "x" + width);
            // the path of a JVM without the Vector API
            PackedProduct.scalar(left, packed, rows, p, width, scalar, cOffset, ldc);
            assertArrayEquals(expected, scalar, 0.0, "scalar " + rows + "x" + p + "x" + width);
        }
    }

    @Test
    void aReusedBufferHoldsOnlyTheNewBlocksValues() {
        Random random = new Random(12);
        int rows = 40;
        double[] a = uniform(random, rows * 6);
        double[] wide = uniform(random, rows * 24);
        double[] narrow = uniform(random, rows * 13);
        PackedRows packed = new PackedRows(rows, 24);
        packed.reset(24);
        packed.set(wide, 0, 24, 0, rows);
        packed.reset(13); // the padding of the narrower block's last group must not keep the wider block's values
        packed.set(narrow, 0, 13, 0, rows);
        double[] expected = new double[6 * 13];
        double[] actual = new double[6 * 13];
        TransposeProduct.multAddTransA(a, rows, 6, narrow, 0, 13, 13, expected, 0, 13);
        PackedProduct.multAddTransA(PackedLeft.of(a, rows, 6), packed, actual, 0, 13);
        assertArrayEquals(expected, actual, 0.0);
        assertEquals(narrow[5 * 13 + 12], packed.get(5, 12));
    }

    @Test
    void shapesOutsideTheBufferAreRejected() {
        PackedRows packed = new PackedRows(10, 16);
        assertThrows(IllegalArgumentException.class, () -> packed.reset(17));
        packed.reset(16);
        assertThrows(IllegalArgumentException.class, () -> packed.set(new double[200], 0, 16, 5, 11));
        PackedLeft deep = PackedLeft.of(new double[11 * 2], 11, 2);
        assertThrows(IllegalArgumentException.class,
                () -> PackedProduct.multAddTransA(deep, packed, new double[32], 0, 16));
    }

    private static double[] uniform(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }
}
