package org.rcsweep.parallel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowBalanceTest {
    @Test
    void startsEqualWithBoundsOnTheMultiple() {
        RowBalance balance = new RowBalance(3, 2);
        assertArrayEquals(new int[]{0, 334, 666, 1000}, balance.bounds(1000));
        assertArrayEquals(new int[]{0, 1000}, new RowBalance(1, 2).bounds(1000));
    }

    /** A thread twice as slow per row ends up with a third of the rows: the split where both finish together. */
    @Test
    void convergesToTheRowsEachThreadFinishesInTheSameTime() {
        RowBalance balance = new RowBalance(2, 2);
        double[] nanosPerRow = {1.0, 2.0};
        int[] b = balance.bounds(1200);
        for (int call = 0; call < 30; call++) {
            b = balance.bounds(1200);
            long[] busy = new long[2];
            for (int k = 0; k < 2; k++) {
                busy[k] = Math.round((b[k + 1] - b[k]) * nanosPerRow[k] * 1000);
            }
            balance.record(b, busy);
        }
        assertEquals(800, b[1], 2, "rows of the faster thread");
        assertEquals(2.0 / 3, balance.shares()[0], 1e-3);
        assertEquals(1.0, balance.shares()[0] + balance.shares()[1], 1e-12);
    }

    /** One bad measurement moves the split half way at most, and never below half an equal share. */
    @Test
    void oneSlowCallMovesTheSplitOnlyPartWay() {
        RowBalance balance = new RowBalance(2, 2);
        int[] b = balance.bounds(1000);
        balance.record(b, new long[]{1_000, 1_000_000}); // the second range stalled (a collection on its core)
        double[] shares = balance.shares();
        assertTrue(shares[1] >= 0.25 - 1e-12, "share " + shares[1]);
        assertTrue(shares[1] < 0.5, "share " + shares[1]);
        int[] next = balance.bounds(1000);
        assertEquals(0, next[1] % 2);
        assertTrue(next[1] > 500 && next[1] <= 750, "bound " + next[1]);
    }

    @Test
    void keepsTheSharesWhenARangeWasNotMeasured() {
        RowBalance balance = new RowBalance(2, 2);
        balance.record(new int[]{0, 500, 1000}, new long[]{0, 5_000});
        assertArrayEquals(new double[]{0.5, 0.5}, balance.shares(), 0.0);
    }

    @Test
    void rejectsMismatchedRecordsAndBadSizes() {
        RowBalance balance = new RowBalance(2, 2);
        assertThrows(IllegalArgumentException.class, () -> balance.record(new int[]{0, 1000}, new long[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new RowBalance(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new RowBalance(2, 0));
    }
}
