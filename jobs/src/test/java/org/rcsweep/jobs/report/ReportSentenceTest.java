package org.rcsweep.jobs.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The findings table and the summary sentences claim no more than the fits show. */
class ReportSentenceTest {
    private static GroupFinding group(int n, double value, Double alpha, Double low, Double high, Double m,
                                      Double half, Double sublinear, String bound) {
        return new GroupFinding("esn", "esn{}", n, "shared-input", value, alpha, low, high, 0.9, m, half, sublinear,
                bound, 2, 40);
    }

    private static GroupFinding group(double alpha, double low, double high, Double m, Double half) {
        return group(100, 0.0, alpha, low, high, m, half, 5.0, "at_most");
    }

    private static String cell(GroupFinding g, String column) {
        return g.cells().get(GroupFinding.HEADER.indexOf(column));
    }

    @Test
    void anIntervalThatIncludesOneOrZeroClaimsNoShape() {
        assertEquals(GroupFinding.Growth.UNRESOLVED, group(0.84, -0.03, 1.71, null, null).growth());
        assertEquals("undetermined (interval includes 0 and 1)",
                cell(group(0.84, -0.03, 1.71, null, null), "growth of MC with L"));
        assertEquals("undetermined (interval includes 1)", cell(group(0.84, 0.3, 1.2, null, null),
                "growth of MC with L"));
        assertEquals("undetermined (interval includes 0)", cell(group(0.13, -0.16, 0.41, null, null),
                "growth of MC with L"));
        assertEquals("0.84 [0.30, 1.20]", cell(group(0.84, 0.3, 1.2, null, null), "α [95% interval]"));
        assertEquals("about linear", cell(group(1.02, 0.95, 1.08, null, null), "growth of MC with L"));
    }

    @Test
    void aFirmExponentKeepsItsShapeAndAPlausibleSaturation() {
        GroupFinding g = group(100, 0.0, 0.44, 0.41, 0.46, 15.0, 10.0, 9.2, null);
        assertEquals(GroupFinding.Growth.SUBLINEAR, g.growth());
        assertEquals("M = 15.0, L½ = 10.0", cell(g, "saturation"));
        assertEquals("9.2", cell(g, "L sublinear"));
        assertEquals("≤ 5", cell(group(0.44, 0.41, 0.46, null, null), "L sublinear"));
    }

    @Test
    void aSaturationAboveNOrBeyondTheMeasuredLIsNoSaturation() {
        GroupFinding aboveN = group(40, 0.0, 0.44, 0.41, 0.46, 55.0, 10.0, 9.2, null); // M = 55 > N = 40
        assertFalse(aboveN.saturates());
        assertEquals(GroupFinding.NO_SATURATION, cell(aboveN, "saturation"));
        GroupFinding beyondL = group(100, 0.0, 0.44, 0.41, 0.46, 30.0, 400.0, 9.2, null); // L½ = 400 > 40
        assertEquals(GroupFinding.NO_SATURATION, cell(beyondL, "saturation"));
        assertEquals(GroupFinding.NO_SATURATION, cell(group(0.44, 0.41, 0.46, null, null), "saturation"));
        String s = Summary.saturation(List.of(aboveN, beyondL));
        assertTrue(s.contains("All 2 groups show no saturation within the measured L"), s);
        assertTrue(s.contains("in 2 of them the saturating fit put M above N or L½ beyond the largest measured L"), s);
        assertFalse(s.contains("55"), s);
    }

    @Test
    void theSummaryIsAFewSentencesForTheWholeSweep() {
        List<GroupFinding> groups = List.of(
                group(40, 0.0, 0.50, 0.45, 0.55, 20.0, 10.0, 9.0, null),
                group(40, 0.9, 0.40, 0.35, 0.44, null, null, 9.0, null),
                group(80, 0.0, 0.60, 0.55, 0.65, null, null, 9.0, null),
                group(80, 0.9, 0.30, 0.25, 0.62, null, null, 9.0, null),
                group(80, 0.5, 0.84, -0.1, 1.7, null, null, 9.0, null));
        List<TheoryError> theory = List.of(theory(40, 0.5, 0.2, 0.03), theory(80, null, 0.3, 0.05));
        List<String> s = Summary.sentences(groups, theory);
        assertEquals(5, s.size(), s.toString());
        assertTrue(s.get(0).contains("sublinearly in 4 of 5 groups (α from 0.30 to 0.60)"), s.get(0));
        assertTrue(s.get(0).contains("in 1 of 5 groups the 95% interval of α is too wide to tell"), s.get(0));
        assertTrue(s.get(1).contains("levels off within the measured L in 1 of 5 groups"), s.get(1));
        assertTrue(s.get(2).contains("Raising the knob value from 0 to 0.9 (all else fixed, 2 series) lowers α in "
                + "both series"), s.get(2));
        assertTrue(s.get(2).contains("overlap in 1 of them"), s.get(2));
        assertTrue(s.get(3).contains("Raising N from 40 to 80"), s.get(3));
        assertTrue(s.get(4).contains("the correlation-aware theory is off by 4.0%") && s.get(4).contains("linear "
                + "(Lyapunov) theory by 50%") && s.get(4).contains("the correlation-aware theory comes closest"),
                s.get(4));
    }

    private static TheoryError theory(int n, Double linear, Double independent, Double correlated) {
        java.util.Map<String, Double> errors = new java.util.LinkedHashMap<>();
        errors.put("meanfield", null);
        errors.put("correlated", correlated);
        errors.put("independent", independent);
        errors.put("linear", linear);
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        errors.forEach((k, v) -> counts.put(k, v == null ? 0L : 10L));
        return new TheoryError("esn", n, "shared-input", 0.0, errors, counts, 10);
    }
}
