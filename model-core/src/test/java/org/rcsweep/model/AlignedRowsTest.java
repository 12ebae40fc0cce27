package org.rcsweep.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignedRowsTest {
    @Test
    void keepsEveryEntryAndGivesItBack() {
        Random random = new Random(3);
        for (int n : new int[] {1, 3, 4, 130, 257}) {
            double[] w = new double[n * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian();
            }
            AlignedRows rows = AlignedRows.of(w, n);
            assertArrayEquals(w, rows.toRowMajor(), 0.0, "n = " + n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(w[i * n + j], rows.data()[rows.rowOffset(i) + j], 0.0);
                }
            }
        }
    }

    @Test
    void rowStartsLieOnTheAlignmentPastTheArrayHeader() {
        for (int n : new int[] {1, 5, 130, 1000}) {
            AlignedRows rows = AlignedRows.of(new double[n * n], n);
            assertEquals(0, rows.stride() % 4, "stride of n = " + n);
            assertTrue(rows.stride() >= n && rows.stride() < n + 4);
            for (int i : new int[] {0, 1, n - 1}) {
                long bytesFromArrayStart = AlignedRows.HEADER_BYTES + (long) Double.BYTES * rows.rowOffset(i);
                assertEquals(0, bytesFromArrayStart % AlignedRows.ALIGNMENT_BYTES, "n = " + n + ", row " + i);
            }
        }
    }

    @Test
    void padsAnyHeaderToTheNextBoundary() {
        assertEquals(2, AlignedRows.paddingElements(16)); // compressed class pointers (the default)
        assertEquals(1, AlignedRows.paddingElements(24)); // without them
        assertEquals(0, AlignedRows.paddingElements(32));
    }

    @Test
    void rejectsAMatrixOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> AlignedRows.of(new double[10], 3));
    }
}
