package org.rcsweep.theory;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.eval.ReadoutResult;
import org.rcsweep.model.Reservoir;
import org.rcsweep.model.ReservoirFactory;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact linear theory against closed forms, against the sum rule Σ_k m_k = N, and against simulation. */
class LinearMemoryTheoryTest {
    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static LinearMemoryTheory.Result theory(ModelSpec model, int n, int[] readouts, int maxDelay, long seed) {
        Reservoir r = ReservoirFactory.build(model, n, CorrelationSpec.none(), seed);
        LinearDynamics d = Linearization.of(r, InputDistribution.UNIFORM.variance());
        assertEquals(LinearDynamics.EXACT, d.kind());
        return LinearMemoryTheory.compute(d, all(n), readouts, maxDelay, CapacitySpec.DEFAULT_MAX_CONDITION);
    }

    @Test
    void reproducesTheRingClosedForm() {
        int n = 10;
        double rho = 0.9;
        LinearMemoryTheory.Result r = theory(new RingSpec(rho), n, new int[] {n}, 5 * n, 1);
        for (int k = 0; k <= 5 * n; k++) {
            double exact = (1 - Math.pow(rho, 2 * n)) * Math.pow(rho, 2 * n * (k / n));
            assertEquals(exact, r.memory()[0][k], 1e-10, "m_" + k);
        }
    }

    @Test
    void privateNoiseEntersAsTheScalarAutoregressionClosedForm() {
        // x(t+1) = a x(t) + c u(t+1) + ξ: Γ = (σ²c² + s²)/(1 − a²), m_k = σ²c²(1 − a²) a^{2k} / (σ²c² + s²).
        double a = 0.8;
        double c = 1.5;
        double sigma2 = 1.0 / 3.0;
        double s2 = 0.05;
        LinearDynamics d = new LinearDynamics(org.ejml.data.DMatrixRMaj.wrap(1, 1, new double[] {a}),
                org.ejml.data.DMatrixRMaj.wrap(1, 1, new double[] {c}), sigma2, LinearDynamics.EXACT, s2);
        LinearMemoryTheory.Result r = LinearMemoryTheory.compute(d, new int[] {0}, new int[] {1}, 30,
                CapacitySpec.DEFAULT_MAX_CONDITION);
        for (int k = 0; k <= 30; k++) {
            double exact = sigma2 * c * c * (1 - a * a) * Math.pow(a, 2 * k) / (sigma2 * c * c + s2);
            assertEquals(exact, r.memory()[0][k], 1e-12, "m_" + k);
        }
    }

    @Test
    void reproducesTheDelayLineClosedFormForEveryL() {
        int n = 20;
        int[] ls = {1, 5, 20};
        LinearMemoryTheory.Result r = theory(new DelayLineSpec(), n, ls, 2 * n, 1);
        for (int idx = 0; idx < ls.length; idx++) {
            for (int k = 0; k <= 2 * n; k++) {
                // Readouts are the first L neurons in index order here; neuron i holds u(t−i).
                assertEquals(k < ls[idx] ? 1.0 : 0.0, r.memory()[idx][k], 1e-10, "L=" + ls[idx] + " m_" + k);
            }
        }
    }

    @Test
    void independentPredictorIsExactWhenNeuronsAreUncorrelatedByConstruction() {
        // With one scalar input a diagonal A never decorrelates neurons (cov ∝ c_i c_j/(1−λ_iλ_j) ≠ 0); the delay
        // line and the ring are the networks whose Γ is diagonal: each neuron holds disjoint delays.
        for (ModelSpec model : List.of(new DelayLineSpec(), new RingSpec(0.8))) {
            int n = 12;
            int[] ls = {3, 7, 12};
            LinearMemoryTheory.Result r = theory(model, n, ls, 4 * n, 1);
            double[][] independent = IndependentPredictor.memory(r.statistics(), ls);
            for (int idx = 0; idx < ls.length; idx++) {
                for (int k = 0; k <= 4 * n; k++) {
                    assertEquals(r.memory()[idx][k], independent[idx][k], 1e-12, model.kind() + " m_" + k);
                }
            }
        }
    }

    @Test
    void totalMemoryOfRandomLinearReservoirsWithWellConditionedGammaIsN() {
        // Random orthogonal reservoirs (eigenvalues spread on a circle) keep Γ well-conditioned up to N = 40; a
        // Gaussian one only at small N (see the next test). ρ = 0.9: the tail beyond K = 400 is below 0.9^800.
        List<ModelSpec> models = List.of(new OrthogonalSpec(Activation.LINEAR, 0.9, 1.0, 1.0),
                new OrthogonalSpec(Activation.LINEAR, 0.95, 1.0, 1.0));
        for (ModelSpec model : models) {
            for (int n : new int[] {20, 30, 40}) {
                LinearMemoryTheory.Result r = theory(model, n, new int[] {n / 2, n}, 400, n);
                assertTrue(r.condition()[1] < 1e9, "Γ well-conditioned: " + r.condition()[1]);
                assertEquals(n, sum(r.memory()[1]), 1e-6, model.canonical() + " N = " + n);
                assertTrue(sum(r.memory()[0]) < n / 2.0 + 1e-9, "at most L for L readouts");
            }
        }
        // A leak moves the eigenvalues off the circle and Γ's conditioning degrades quickly with N.
        LinearMemoryTheory.Result leaky = theory(new OrthogonalSpec(Activation.LINEAR, 0.95, 0.7, 1.0), 20,
                new int[] {20}, 600, 20);
        assertTrue(leaky.condition()[0] < 1e9, "Γ well-conditioned: " + leaky.condition()[0]);
        assertEquals(20, sum(leaky.memory()[0]), 1e-6);
        ModelSpec gaussian = new EsnSpec(Activation.LINEAR, 1.0, 1.0, 0.95, 1.0, 1.0, 0.0);
        LinearMemoryTheory.Result r = theory(gaussian, 20, new int[] {20}, 600, 1);
        assertTrue(r.condition()[0] < 1e9, "Γ well-conditioned: " + r.condition()[0]);
        assertEquals(20, sum(r.memory()[0]), 1e-6);
    }

    @Test
    void illConditionedGammaIsReportedNotReturned() {
        // Gaussian A at N = 40: Γ's condition estimate is far above the limit (the Krylov basis of one input vector is
        // nearly degenerate); the theory must say so instead of returning rounding noise.
        ModelSpec gaussian = new EsnSpec(Activation.LINEAR, 1.0, 1.0, 0.9, 1.0, 1.0, 0.0);
        LinearMemoryTheory.Result r = theory(gaussian, 40, new int[] {5, 40}, 100, 1);
        assertTrue(r.wellConditioned(0), "5 readouts are fine");
        assertTrue(!r.wellConditioned(1) && r.condition()[1] > 1e10, "condition " + r.condition()[1]);
        assertTrue(Double.isNaN(sum(r.memory()[1])));
    }

    private static double sum(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v;
        }
        return s;
    }

    @Test
    void theoryEqualsLongSimulation() {
        int n = 30;
        PointSpec spec = new PointSpec("t", 3, new OrthogonalSpec(Activation.LINEAR, 0.95, 0.8, 1.0), n,
                CorrelationSpec.none(), 0, List.of(5, 15, 30), new InputSpec(InputDistribution.UNIFORM, 100_000, 500),
                CapacitySpec.defaults().withEstimator(Estimator.HOLDOUT).withMaxDelay(120), TheorySpec.defaults(), IpcSpec.disabled());
        PointResult result = PointEvaluator.evaluate(spec);
        assertEquals(PointStatus.OK, result.status(), result.message());
        assertEquals(LinearDynamics.EXACT, result.theory().linearKind());
        for (ReadoutResult r : result.readouts()) {
            double theory = r.theory().mcLinear();
            assertEquals(theory, r.mcTotal(), 0.02 * theory, "L = " + r.readouts());
        }
    }

    @Test
    void linearisedTheoryHoldsForWeakInputAndDepartsAsInputGrows() {
        double[] errors = new double[2];
        double[] scales = {0.02, 1.5};
        for (int i = 0; i < scales.length; i++) {
            PointSpec spec = new PointSpec("t", 5, new OrthogonalSpec(Activation.TANH, 0.95, 1.0, scales[i]), 20,
                    CorrelationSpec.none(), 0, List.of(20), new InputSpec(InputDistribution.UNIFORM, 40_000, 500),
                    CapacitySpec.defaults().withMaxDelay(100), TheorySpec.defaults(), IpcSpec.disabled());
            PointResult result = PointEvaluator.evaluate(spec);
            assertEquals(PointStatus.OK, result.status(), result.message());
            assertEquals(LinearDynamics.LINEARISED, result.theory().linearKind());
            ReadoutResult r = result.readouts().get(0);
            errors[i] = Math.abs(r.theory().mcLinear() - r.mcTotal()) / r.theory().mcLinear();
        }
        assertTrue(errors[0] < 0.02, "weak input: relative error " + errors[0]);
        assertTrue(errors[1] > 5 * errors[0] && errors[1] > 0.1, "strong input: relative error " + errors[1]);
    }
}
