package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's plain-words sentence for one group's fits claims no more than the fits show. */
class ReportSentenceTest {
    /** Columns as the report's fit query selects them. */
    private static Row group(double alpha, double low, double high, Double m, Double half, double sublinear,
                             String bound) {
        return RowFactory.create("esn", 100, "none", 0.0, alpha, low, high, 0.9, m, half, sublinear, 2L, "p", bound);
    }

    @Test
    void anIntervalThatIncludesOneClaimsNoShape() {
        String s = ReportWriter.sentence(group(0.84, -0.03, 1.71, null, null, 5.0, "at_most"), null);
        assertTrue(s.contains("scales with readout count as L^0.84 (95% interval -0.03 to 1.71, which includes both "
                + "no growth and linear growth)"), s);
        assertFalse(s.contains("sublinearly"), s);
        assertTrue(s.contains("no saturation within the measured L"), s);
        assertTrue(s.contains("below the sublinearity level already at the smallest L measured (5)"), s);
        s = ReportWriter.sentence(group(0.84, 0.3, 1.2, null, null, 5.0, null), null);
        assertTrue(s.contains("as L^0.84 (95% interval 0.30 to 1.20, which includes linear growth)"), s);
    }

    @Test
    void anIntervalThatIncludesZeroClaimsNoGrowth() {
        String s = ReportWriter.sentence(group(0.13, -0.16, 0.41, 1.3, 2.6, 5.0, "at_most"), null);
        assertTrue(s.contains("scales with readout count as L^0.13 (95% interval -0.16 to 0.41, which includes no "
                + "growth)"), s);
        s = ReportWriter.sentence(group(0.26, -0.73, 1.25, 1.6, 6.4, 5.0, "at_most"), null);
        assertTrue(s.contains("which includes both no growth and linear growth)"), s);
    }

    @Test
    void aFirmExponentKeepsItsShapeAndTheSaturatingFit() {
        String s = ReportWriter.sentence(group(0.44, 0.41, 0.46, 15.0, 10.0, 9.2, null), null);
        assertTrue(s.contains("grows sublinearly with readout count as L^0.44 (95% interval 0.41 to 0.46)"), s);
        assertTrue(s.contains("levels off at M = 15.0 with half of it reached at L = 10.0"), s);
        assertTrue(s.contains("drops below the sublinearity level at L ≈ 9.2"), s);
    }
}
