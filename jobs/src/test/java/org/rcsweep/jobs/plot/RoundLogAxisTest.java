package org.rcsweep.jobs.plot;

import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundLogAxisTest {
    private static List<Double> ticks(double lo, double hi) {
        return RoundLogAxis.values(new Range(lo, hi), 0.1);
    }

    @Test
    void readoutAxesGetTheNumbersOfTheirGrid() {
        // The quick example's readout axis (L = 5…40 with margins) and MC axis.
        assertEquals(List.of(5.0, 10.0, 20.0, 30.0), ticks(4.5, 44.0));
        assertEquals(List.of(4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), ticks(3.9, 12.0));
    }

    @Test
    void wideRangesGetPowersOfTenAndFractionsPrintExactly() {
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), ticks(0.9, 1500));
        assertEquals(List.of(0.1, 0.2, 0.5, 1.0), ticks(0.1, 1.2));
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4), ticks(0.1, 0.45)); // 0.3, not 0.30000000000000004
    }

    @Test
    void aRangeWithinOneStepGetsItsEnds() {
        assertEquals(List.of(4.21, 4.79), ticks(4.21, 4.79));
        assertEquals(List.of(), ticks(5, Double.POSITIVE_INFINITY));
    }
}
