package org.rcsweep.eval;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.RingSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Oracle: a ring x(t+1) = ρ P x(t) + e_0 u(t+1) has m_k = (1−ρ^{2N})·ρ^{2N⌊k/N⌋}, summing to N. */
class RingMemoryTest {
    @Test
    void memoryCurveAndTotalMatchClosedForm() {
        int n = 10;
        double rho = 0.9;
        int maxDelay = 60; // ρ^{2·60} ≈ 3e-6: the truncated tail is negligible
        ReadoutResult r = Points.only(PointEvaluator.evaluate(
                Points.point(new RingSpec(rho), n, List.of(n), 50_000, 200, maxDelay, Estimator.IN_SAMPLE, 3)));
        double exactTotal = 0;
        for (int k = 0; k <= maxDelay; k++) {
            double exact = (1 - Math.pow(rho, 2 * n)) * Math.pow(rho, 2 * n * (k / n));
            exactTotal += exact;
            assertEquals(exact, r.memory()[k], 1e-2, "m_" + k);
        }
        assertEquals(n, exactTotal, 1e-4);
        assertEquals(n, r.mcTotal(), 1e-2 * n);
    }
}
