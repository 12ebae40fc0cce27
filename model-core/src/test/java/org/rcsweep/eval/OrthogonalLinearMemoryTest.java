package org.rcsweep.eval;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.OrthogonalSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Oracle: a controllable linear reservoir has total memory capacity N (Jaeger 2002). */
class OrthogonalLinearMemoryTest {
    @Test
    void totalMemoryOfLinearOrthogonalReservoirIsN() {
        int n = 50;
        org.rcsweep.spec.PointSpec p = Points.point(new OrthogonalSpec(Activation.LINEAR, 0.95, 1.0, 1.0), n, List.of(10, 25, n),
                60_000, 500, 200, Estimator.HOLDOUT, 4);
        PointResult result = PointEvaluator.evaluate(p);
        ReadoutResult full = Points.only(result);
        assertEquals(n, full.mcTotal(), 0.02 * n);
        assertEquals(n, full.mcInSample(), 0.02 * n);
    }

}
