package org.rcsweep.eval;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismAndStatusTest {
    private static PointSpec esn(EsnSpec model, int chunk, int replica) {
        return new PointSpec("test", 11, model, 40, new CorrelationSpec(Knob.MEAN_COUPLING, 0.5), replica,
                List.of(4, 20, 40), new InputSpec(InputDistribution.UNIFORM, 1500, 100),
                CapacitySpec.defaults().withChunkSteps(chunk), TheorySpec.defaults(), IpcSpec.disabled());
    }

    private static final EsnSpec TANH = new EsnSpec(Activation.TANH, 1.0, 0.95, null, 0.5, 0.5, 0.0);

    @Test
    void sameSpecGivesBitIdenticalResults() {
        PointResult a = PointEvaluator.evaluate(esn(TANH, 128, 0));
        PointResult b = PointEvaluator.evaluate(esn(TANH, 128, 0));
        assertEquals(a.pointId(), b.pointId());
        assertEquals(a.seed(), b.seed());
        for (int i = 0; i < a.readouts().size(); i++) {
            ReadoutResult ra = a.readouts().get(i);
            ReadoutResult rb = b.readouts().get(i);
            assertArrayEquals(ra.memory(), rb.memory(), 0.0);
            assertArrayEquals(ra.memoryInSample(), rb.memoryInSample(), 0.0);
            assertEquals(Double.doubleToLongBits(ra.mcTotal()), Double.doubleToLongBits(rb.mcTotal()));
            assertEquals(ra.correlations(), rb.correlations());
        }
    }

    @Test
    void chunkSizeChangesResultsOnlyByRoundingAndIsNotPartOfTheId() {
        PointResult a = PointEvaluator.evaluate(esn(TANH, 128, 0));
        PointResult b = PointEvaluator.evaluate(esn(TANH, 37, 0));
        assertEquals(a.pointId(), b.pointId());
        for (int i = 0; i < a.readouts().size(); i++) {
            assertArrayEquals(a.readouts().get(i).memory(), b.readouts().get(i).memory(), 1e-10);
        }
    }

    @Test
    void replicasHaveDifferentSeedsAndIds() {
        PointSpec a = esn(TANH, 128, 0);
        PointSpec b = esn(TANH, 128, 1);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.seed(), b.seed());
    }

    @Test
    void divergingLinearReservoirIsAStatusNotAnException() {
        EsnSpec unstable = new EsnSpec(Activation.LINEAR, 1.0, 1.0, 1.5, 1.0, 1.0, 0.0);
        PointResult r = PointEvaluator.evaluate(esn(unstable, 128, 0));
        assertEquals(PointStatus.DIVERGED, r.status());
        assertTrue(r.message().contains("reached"), r.message());
        assertEquals(3, r.readouts().size());
        for (ReadoutResult row : r.readouts()) {
            assertEquals(PointStatus.DIVERGED, row.status());
            assertTrue(Double.isNaN(row.mcTotal()));
        }
    }

    @Test
    void silentReadoutsAreDependentNotErrors() {
        // Zero input scale and zero bias: every state stays exactly 0. No readout carries information: rank 0, and
        // every capacity is exactly 0 (not NaN, not an error).
        EsnSpec silent = new EsnSpec(Activation.TANH, 1.0, 0.5, null, 1.0, 0.0, 0.0);
        PointSpec spec = new PointSpec("test", 11, silent, 10, CorrelationSpec.none(), 0, List.of(2, 10),
                new InputSpec(InputDistribution.UNIFORM, 500, 10), CapacitySpec.defaults().withRidge(0.0),
                TheorySpec.defaults(), IpcSpec.disabled());
        PointResult r = PointEvaluator.evaluate(spec);
        assertEquals(PointStatus.OK, r.status(), r.message());
        for (ReadoutResult row : r.readouts()) {
            assertEquals(0, row.rank());
            assertEquals(0.0, row.mcTotal(), 0.0);
        }
    }

    @Test
    void nearlyCollinearReadoutsAreReportedIllConditioned() {
        // Two readouts whose second one has a residual variance fraction of 1e-11: above the rank tolerance (1e-12),
        // so it is kept, but the condition estimate (≈ 2e11) is above the default limit of 1e10.
        org.ejml.data.DMatrixRMaj gram = new org.ejml.data.DMatrixRMaj(new double[][] {
            {1.0, 1.0, 0.0}, {1.0, 1.0 + 1e-11, 0.0}, {0.0, 0.0, 1.0}});
        org.rcsweep.capacity.NestedCholesky chol = org.rcsweep.capacity.NestedCholesky.factor(gram, 3, 0.0);
        assertEquals(3, chol.rank(3));
        assertTrue(chol.conditionEstimate(2) > CapacitySpec.DEFAULT_MAX_CONDITION, "condition " + chol.conditionEstimate(2));
        org.ejml.data.DMatrixRMaj exact = new org.ejml.data.DMatrixRMaj(new double[][] {
            {1.0, 1.0, 0.0}, {1.0, 1.0, 0.0}, {0.0, 0.0, 1.0}});
        org.rcsweep.capacity.NestedCholesky dependent = org.rcsweep.capacity.NestedCholesky.factor(exact, 3, 0.0);
        assertEquals(1, dependent.rank(2), "an exact duplicate is dependent");
        assertEquals(2, dependent.rank(3));
        assertTrue(dependent.conditionEstimate(3) < 1.0 + 1e-12);
    }
}
