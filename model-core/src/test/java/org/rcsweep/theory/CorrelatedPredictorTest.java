package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.eval.ReadoutResult;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelatedPredictorTest {
    /** r ᵀ (ρ)⁻¹ r by LU: the exact readout capacity for given correlations. */
    private static double exact(double[] rho, double[] r, int l) {
        DMatrixRMaj a = DMatrixRMaj.wrap(l, l, rho.clone());
        DMatrixRMaj b = DMatrixRMaj.wrap(l, 1, r.clone());
        DMatrixRMaj x = new DMatrixRMaj(l, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(l);
        assertTrue(lu.setA(a));
        lu.solve(b, x);
        return CommonOps_DDRM.dot(b, x);
    }

    private static double[] equicorrelated(int l, double mu) {
        double[] rho = new double[l * l];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                rho[i * l + j] = i == j ? 1.0 : mu;
            }
        }
        return rho;
    }

    @Test
    void closedFormIsExactForEquicorrelatedNeurons() {
        Rng rng = new Rng(1);
        int l = 25;
        for (double mu : new double[] {0.02, 0.2, 0.6}) {
            double[] rho = equicorrelated(l, mu);
            double[] r = new double[l];
            double a = 0;
            double b = 0;
            for (int i = 0; i < l; i++) {
                r[i] = 0.05 + 0.1 * rng.nextDouble();
                a += r[i] / l;
                b += r[i] * r[i] / l;
            }
            SummaryStatistics s = new SummaryStatistics(l, mu, mu * mu, new double[] {a}, new double[] {b});
            double expected = exact(rho, r, l);
            assertTrue(expected < 1, "test case stays below the cap");
            assertEquals(expected, CorrelatedPredictor.memory(s, l)[0], 1e-12, "μ = " + mu);
        }
    }

    @Test
    void secondOrderExpansionMatchesExactInverseToThirdOrder() {
        // m = rᵀ(I+E)⁻¹r ≈ rᵀr − rᵀEr + rᵀE²r with an error O(‖E‖³): halving E divides the error by ≈ 8.
        Rng rng = new Rng(2);
        int l = 10;
        double[] e0 = new double[l * l];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                double v = rng.nextGaussian() / l;
                e0[i * l + j] = v;
                e0[j * l + i] = v;
            }
        }
        double[] r = new double[l];
        for (int i = 0; i < l; i++) {
            r[i] = 0.2 * rng.nextGaussian();
        }
        double previous = Double.NaN;
        for (double scale : new double[] {0.4, 0.2, 0.1}) {
            double[] rho = new double[l * l];
            for (int i = 0; i < l * l; i++) {
                rho[i] = scale * e0[i] + (i % (l + 1) == 0 ? 1.0 : 0.0);
            }
            double er = 0;
            double e2r = 0;
            double rr = 0;
            double[] erv = new double[l];
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    erv[i] += scale * e0[i * l + j] * r[j];
                }
            }
            for (int i = 0; i < l; i++) {
                rr += r[i] * r[i];
                er += r[i] * erv[i];
                e2r += erv[i] * erv[i];
            }
            double error = Math.abs(exact(rho, r, l) - (rr - er + e2r));
            if (!Double.isNaN(previous)) {
                assertTrue(error < previous / 6 && error > previous / 10, "third-order error: " + previous + " → " + error);
            }
            previous = error;
        }
    }

    @Test
    void weakCorrelationsOfOrderOneOverRootNCollapseAtLOverRootN() {
        // With μ = c/√N, MC(L)/(L·b) depends on L only through L/√N: curves for different N coincide.
        double c = 2.0;
        double b = 0.01;
        double a = 0.1;
        double[] shapes = new double[3];
        int[] sizes = {100, 400, 1600};
        for (int s = 0; s < sizes.length; s++) {
            double mu = c / Math.sqrt(sizes[s]);
            int l = (int) Math.round(3 * Math.sqrt(sizes[s]));
            SummaryStatistics stats = new SummaryStatistics(sizes[s], mu, mu * mu, new double[] {a * Math.sqrt(b) / 0.1},
                    new double[] {b});
            shapes[s] = CorrelatedPredictor.memory(stats, l)[0] / (l * b);
        }
        assertTrue(shapes[0] < 0.9, "the curve has bent at L = 3√N: " + shapes[0]);
        assertEquals(shapes[2], shapes[1], 0.02);
        assertEquals(shapes[2], shapes[0], 0.05);
    }

    @Test
    void correlationAwarePredictorBeatsIndependentOneWhenTheKnobRaisesCorrelations() {
        double independentError = 0;
        double correlatedError = 0;
        for (double c : new double[] {0.0, 0.5, 0.9}) {
            for (int replica = 0; replica < 3; replica++) {
                PointSpec spec = new PointSpec("t", 21, new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0),
                        40, new CorrelationSpec(Knob.SHARED_INPUT, c), replica, List.of(2, 5, 10, 20, 40),
                        new InputSpec(InputDistribution.UNIFORM, 6000, 300), CapacitySpec.defaults(),
                        new TheorySpec(false, true), IpcSpec.disabled());
                PointResult result = PointEvaluator.evaluate(spec);
                assertEquals(PointStatus.OK, result.status(), result.message());
                for (ReadoutResult r : result.readouts()) {
                    independentError += Math.abs(r.theory().mcIndependent() - r.mcTotal());
                    correlatedError += Math.abs(r.theory().mcCorrelated() - r.mcTotal());
                }
            }
        }
        assertTrue(correlatedError < 0.5 * independentError,
                "mean |error|: correlated " + correlatedError / 45 + " vs independent " + independentError / 45);
    }
}
