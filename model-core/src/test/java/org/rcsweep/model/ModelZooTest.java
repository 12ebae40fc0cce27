package org.rcsweep.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.eval.ReadoutResult;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CfcSpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.LiGruSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SsmReparameterization;
import org.rcsweep.spec.TheorySpec;
import org.rcsweep.theory.LinearDynamics;
import org.rcsweep.weights.LowRankSparse;
import org.rcsweep.weights.SpectralRadius;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defining property of each model of the zoo. */
class ModelZooTest {
    private static PointSpec point(ModelSpec model, int n, List<Integer> ls, int steps, int maxDelay,
                                   CorrelationSpec correlation) {
        return new PointSpec("zoo", 5, model, n, correlation, 0, ls, new InputSpec(InputDistribution.UNIFORM, steps, 200),
                CapacitySpec.defaults().withMaxDelay(maxDelay), TheorySpec.defaults(), IpcSpec.disabled());
    }

    @Test
    void lowRankSparseHasRankAtMostRBeforeMaskingAndTheMaskKeepsOneMinusS() {
        int n = 120;
        double[] unmasked = LowRankSparse.sample(n, 7, 0.0, 1.0, new Rng(1));
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, false, false, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(n, n, unmasked)));
        assertEquals(7, SingularOps_DDRM.rank(svd, 1e-10));
        for (double s : new double[] {0.3, 0.9}) {
            double[] w = LowRankSparse.sample(n, 7, s, 1.0, new Rng(2));
            long nonzero = java.util.Arrays.stream(w).filter(v -> v != 0.0).count();
            assertEquals(1 - s, nonzero / (double) (n * n), 0.02, "density at s = " + s);
        }
    }

    @Test
    void lowRankSparseSpectralRadiusIsTheGainForModerateRank() {
        // docs/models.md: entries have second moment g²/N at any (r, s), and for r ≳ 20 the spectral radius is g to
        // within ~10% at any sparsity (measured at N = 400, r = 40: 0.99–1.04 for s = 0…0.95).
        for (double s : new double[] {0.0, 0.5, 0.9}) {
            for (long seed = 1; seed <= 2; seed++) {
                double rho = SpectralRadius.of(LowRankSparse.sample(300, 40, s, 0.8, new Rng(seed)), 300);
                assertEquals(0.8, rho, 0.8 * 0.15, "s = " + s + ", seed " + seed);
            }
        }
    }

    @Test
    void cfcStatesStayInsideTheUnitBoxForAnyInput() {
        CfcReservoir cell = (CfcReservoir) ReservoirFactory.build(new CfcSpec(4, 0.5, 5.0, 1.0, 10.0, 0.0), 30,
                CorrelationSpec.none(), 3);
        Rng rng = new Rng(4);
        double[] u = new double[5000];
        for (int i = 0; i < u.length; i++) {
            u[i] = i % 100 < 50 ? (rng.nextDouble() < 0.5 ? -1.0 : 1.0) : 2 * rng.nextDouble() - 1;
        }
        double[] states = new double[u.length * 30];
        cell.advance(u, 0, u.length, states);
        for (double v : states) {
            assertTrue(Math.abs(v) < 1.0, "state " + v);
        }
    }

    @Test
    void cfcWithTheGateForcedToOneIsTheGHead() {
        int n = 8;
        Rng rng = new Rng(5);
        double[] wf = LowRankSparse.sample(n, 2, 0.2, 1.0, rng);
        double[] wg = LowRankSparse.sample(n, 2, 0.2, 1.5, rng);
        double[] wh = LowRankSparse.sample(n, 2, 0.2, 1.0, rng);
        double[] inF = new double[n];
        double[] inG = new double[n];
        double[] inH = new double[n];
        for (int i = 0; i < n; i++) {
            inF[i] = rng.nextGaussian();
            inG[i] = rng.nextGaussian();
            inH[i] = rng.nextGaussian();
        }
        // σ(−f·Δt) with f ≈ −100: the gate is 1 to double precision, so x(t+1) = tanh(W_g x + w_g u).
        CfcReservoir cell = new CfcReservoir(wf, wg, wh, inF, inG, inH, -100.0, 1.0);
        double[] u = new double[200];
        for (int i = 0; i < u.length; i++) {
            u[i] = 2 * rng.nextDouble() - 1;
        }
        double[] states = new double[u.length * n];
        cell.advance(u, 0, u.length, states);
        double[] x = new double[n];
        for (int t = 0; t < u.length; t++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double s = inG[i] * u[t];
                for (int j = 0; j < n; j++) {
                    s += wg[i * n + j] * x[j];
                }
                next[i] = Math.tanh(s);
            }
            x = next;
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], states[t * n + i], 1e-12);
            }
        }
    }

    @Test
    void diagonalSsmMemoryMatchesItsLinearTheoryAndSumsToN() {
        for (SsmReparameterization reparameterization : SsmReparameterization.values()) {
            PointResult r = PointEvaluator.evaluate(point(new DiagonalSsmSpec(reparameterization, 0.5, 0.95, 1.0,
                    false), 20, List.of(10, 20), 40_000, 300, CorrelationSpec.none()));
            assertEquals(PointStatus.OK, r.status(), r.message());
            assertEquals(LinearDynamics.EXACT, r.theory().linearKind());
            ReadoutResult full = r.readouts().get(1);
            assertEquals(20.0, full.theory().mcLinear(), 1e-6, "distinct eigenvalues: theory MC = N");
            assertEquals(full.theory().mcLinear(), full.mcTotal(), 0.02 * 20, reparameterization.label());
            ReadoutResult half = r.readouts().get(0);
            assertEquals(half.theory().mcLinear(), half.mcTotal(), 0.02 * 10);
        }
    }

    @Test
    void stabilisedLightGruStaysBoundedWherePlainLightGruDiverges() {
        PointResult plain = PointEvaluator.evaluate(point(new LiGruSpec(3.0, 1.0, false), 30, List.of(10, 30), 3000,
                60, CorrelationSpec.none()));
        PointResult stabilised = PointEvaluator.evaluate(point(new LiGruSpec(3.0, 1.0, true), 30, List.of(10, 30),
                3000, 60, CorrelationSpec.none()));
        assertEquals(PointStatus.DIVERGED, plain.status(), plain.message());
        assertEquals(PointStatus.OK, stabilised.status(), stabilised.message());
        assertTrue(stabilised.readouts().get(1).mcTotal() > 1.0);
    }

    @Test
    void rankKnobChangesTheRankOfTheLowRankModel() {
        PointResult low = PointEvaluator.evaluate(point(new org.rcsweep.spec.LowRankSparseSpec(20, 0.0, 0.9, 0.9,
                org.rcsweep.spec.Activation.LINEAR, 1.0, 1.0), 30, List.of(30), 20_000, 120,
                new CorrelationSpec(Knob.RANK, 2)));
        assertEquals(PointStatus.OK, low.status(), low.message());
        // A linear network whose recurrent matrix has rank 2 is driven through a 3-dimensional Krylov space:
        // w_in, W w_in, W² w_in, … span at most 1 + 2 dimensions, so at most 3 readouts are independent.
        assertEquals(3, low.readouts().get(0).rank());
        assertTrue(low.readouts().get(0).mcTotal() <= 3.1);
    }
}
