package org.rcsweep.jobs.golden;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.ReadoutResult;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpecParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that must not claim more than the data hold: bounds, silent readouts, in-sample bias. */
class HonestValuesTest {
    private static PointResult evaluate(String models, String extra) {
        return PointEvaluator.evaluate(SweepPlanner.plan(SweepSpecParser.parse("name: h\nseed: 2\nmodels: [" + models
                + "]\nsizes: [12]\nreadouts: [3, 12]\ninput: {steps: 400, washout: 50}\n" + extra)).get(0));
    }

    @Test
    void noCapacityIsAboveOne() {
        // The delay line reproduces its delays exactly: m_k = 1 up to rounding, never above.
        PointResult r = evaluate("{kind: delay-line}", "capacity: {estimator: in-sample, max_delay: 20}\n");
        for (ReadoutResult row : r.readouts()) {
            for (double m : row.memory()) {
                assertTrue(m <= 1.0, "m_k = " + m);
            }
            for (double m : row.memoryInSample()) {
                assertTrue(m <= 1.0, "in-sample m_k = " + m);
            }
        }
    }

    @Test
    void readoutsWithoutSignalPredictNoCapacity() {
        // No input and no bias: every state stays 0, the readouts carry nothing.
        PointResult r = evaluate("{kind: esn, gain: 0.5, input_scale: 0.0}", "");
        for (ReadoutResult row : r.readouts()) {
            assertEquals(0, row.rank());
            double correlated = row.theory().mcCorrelated();
            double independent = row.theory().mcIndependent();
            assertTrue(correlated == 0.0 || Double.isNaN(correlated), "correlated prediction " + correlated);
            assertTrue(independent == 0.0 || Double.isNaN(independent), "independent prediction " + independent);
        }
    }

    @Test
    void anInSampleSumAboveLSaysWhy() {
        // T = 400 samples and K = 60 delays: the in-sample bias of 12 readouts adds about 12·61/400 ≈ 1.8.
        PointResult r = evaluate("{kind: delay-line}", "capacity: {estimator: in-sample, max_delay: 60}\n");
        ReadoutResult top = r.readouts().get(1);
        assertTrue(top.mcInSample() > 12, "in-sample MC " + top.mcInSample());
        assertTrue(top.message().contains("exceeds L = 12"), top.message());
    }
}
