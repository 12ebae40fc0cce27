package org.rcsweep.jobs.fit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupFitterTest {
    private static final GroupKey KEY = new GroupKey("esn", "esn{}", 40, "none", 0.0);

    private static Object[] row(List<Object[]> rows, String law, String parameter) {
        for (Object[] r : rows) {
            if (r[6].equals(law) && r[7].equals(parameter) && r[5].equals("mc_total")) {
                return r;
            }
        }
        throw new AssertionError("no " + law + "/" + parameter);
    }

    @Test
    void aTwoParameterLawNeedsThreeReadoutCounts() {
        List<CurveSample> samples = new ArrayList<>();
        for (int replica = 0; replica < 3; replica++) {
            for (int l : new int[] {4, 8}) {
                samples.add(new CurveSample("s" + replica, "p" + replica, l, 2.0 * Math.sqrt(l) + 0.1 * replica,
                        null, null, null));
            }
        }
        List<Object[]> rows = GroupFitter.fit(KEY, samples, FitOptions.defaults());
        assertNull(row(rows, "power", "alpha")[8], "two readout counts determine no power law");
        assertNull(row(rows, "saturating", "M")[8], "nor a saturating one");
        assertNull(row(rows, "power", "alpha")[11], "and no r² of an exact fit");
    }

    @Test
    void replicasAreCountedByReservoirNotByPointId() {
        List<CurveSample> samples = new ArrayList<>();
        for (int replica = 0; replica < 3; replica++) {
            for (String id : new String[] {"a" + replica, "b" + replica}) { // the same reservoir under two ids
                for (int l : new int[] {2, 4, 8, 16}) {
                    samples.add(new CurveSample("seed" + replica + "/" + replica, id, l,
                            1.5 * Math.pow(l, 0.5) * (1 + 0.01 * replica), null, null, null));
                }
            }
        }
        List<Object[]> rows = GroupFitter.fit(KEY, samples, FitOptions.defaults());
        Object[] alpha = row(rows, "power", "alpha");
        assertEquals(3, alpha[13], "three reservoirs, not six point ids");
        assertEquals(12, alpha[12], "each (reservoir, L) once");
        assertTrue(Math.abs((Double) alpha[8] - 0.5) < 1e-6);
    }
}
