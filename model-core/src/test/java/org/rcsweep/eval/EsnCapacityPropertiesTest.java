package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every capacity estimate of a tanh ESN must have, and the fast path against a plain per-L fit. */
class EsnCapacityPropertiesTest {
    private static final List<Integer> LS = List.of(1, 3, 8, 15, 24, 30);

    /** Readout counts up to N = 80 on both sides of a triangular-solve block edge (NestedCholesky.BLOCK = 64). */
    private static final List<Integer> LS_BLOCKED = List.of(1, 20, 33, 64, 80);

    private static PointSpec esn(Estimator estimator, int steps, double ridge) {
        return esn(estimator, steps, ridge, 30, LS);
    }

    private static PointSpec esn(Estimator estimator, int steps, double ridge, int n, List<Integer> readouts) {
        return new PointSpec("test", 7, new EsnSpec(Activation.TANH, 0.7, 0.9, null, 1.0, 0.8, 0.1), n,
                new CorrelationSpec(Knob.SHARED_INPUT, 0.3), 0, readouts, new InputSpec(InputDistribution.UNIFORM, steps, 200),
                CapacitySpec.defaults().withEstimator(estimator).withMaxDelay(60).withRidge(ridge).withChunkSteps(97),
                TheorySpec.defaults(), IpcSpec.disabled());
    }

    @Test
    void capacitiesAreBoundedMonotoneInLAndAtMostLTimesTargetSpread() {
        PointSpec spec = esn(Estimator.IN_SAMPLE, 3000, 1e-10);
        PointResult result = PointEvaluator.evaluate(spec);
        assertEquals(PointStatus.OK, result.status(), result.message());
        RecordedSamples samples = new RecordedSamples();
        new PointSimulation(spec).run(samples);
        double lambdaMax = largestEigenvalueOfTargetCorrelation(samples.trainTargets());
        // Finite-sample bound: Σ_k m_k(L) = tr(P Ŷ Ŷᵀ) ≤ rank(P)·λ_max(ŶᵀŶ) with Ŷ the centred, unit-norm targets and P
        // the projection on L centred states. λ_max ≈ (1+√((K+1)/T))² (Marchenko–Pastur), so MC may exceed L by
        // O(L·√(K/T)); with K = 60, T = 3000 that is ≈ 30%.
        assertTrue(lambdaMax > 1.0 && lambdaMax < Math.pow(1 + Math.sqrt(61.0 / 3000), 2) * 1.1, "λ_max " + lambdaMax);
        double previous = 0;
        double[] previousCurve = new double[61];
        for (ReadoutResult r : result.readouts()) {
            for (int k = 0; k < r.memory().length; k++) {
                double m = r.memory()[k];
                assertTrue(m >= 0 && m <= 1 + 1e-12, "m_" + k + " = " + m + " at L=" + r.readouts());
                assertTrue(m >= previousCurve[k] - 1e-12, "m_" + k + " decreased with L at L=" + r.readouts());
                previousCurve[k] = m;
            }
            assertTrue(r.mcTotal() >= previous - 1e-12, "MC decreased at L=" + r.readouts());
            assertTrue(r.mcTotal() <= r.readouts() * lambdaMax + 1e-9,
                    "MC " + r.mcTotal() + " > L·λ_max at L=" + r.readouts());
            previous = r.mcTotal();
        }
    }

    @Test
    void allReadoutFastPathEqualsPlainPerLeastSquaresFit() {
        for (PointSpec spec : List.of(esn(Estimator.HOLDOUT, 2000, 0.0), esn(Estimator.HOLDOUT, 2000, 1e-6),
                esn(Estimator.HOLDOUT, 3000, 1e-6, 80, LS_BLOCKED))) {
            PointResult result = PointEvaluator.evaluate(spec);
            assertEquals(PointStatus.OK, result.status(), result.message());
            RecordedSamples samples = new RecordedSamples();
            new PointSimulation(spec).run(samples);
            DMatrixRMaj x = RecordedSamples.centre(samples.trainStates());
            DMatrixRMaj y = RecordedSamples.centre(samples.trainTargets());
            DMatrixRMaj xt = RecordedSamples.centre(samples.testStates());
            DMatrixRMaj yt = RecordedSamples.centre(samples.testTargets());
            double ridgeAbs = spec.capacity().ridge() * meanDiagonalOfGram(x);
            for (ReadoutResult r : result.readouts()) {
                int l = r.readouts();
                DMatrixRMaj xl = CommonOps_DDRM.extract(x, 0, x.numRows, 0, l);
                DMatrixRMaj w = ridgeLeastSquares(xl, y, ridgeAbs);
                DMatrixRMaj xty = new DMatrixRMaj(l, y.numCols);
                CommonOps_DDRM.multTransA(xl, y, xty);
                DMatrixRMaj pred = new DMatrixRMaj(xt.numRows, y.numCols);
                CommonOps_DDRM.mult(CommonOps_DDRM.extract(xt, 0, xt.numRows, 0, l), w, pred);
                for (int k = 0; k < y.numCols; k++) {
                    double explained = 0;
                    for (int i = 0; i < l; i++) {
                        explained += w.get(i, k) * xty.get(i, k);
                    }
                    double inSample = explained / sumSquares(y, k);
                    assertEquals(inSample, r.memoryInSample()[k], 1e-8, "in-sample m_" + k + " L=" + l);
                    double holdout = squaredCorrelation(pred, yt, k);
                    assertEquals(holdout, r.memory()[k], 1e-8, "holdout m_" + k + " L=" + l);
                }
            }
        }
    }

    /** w = argmin ‖y − Xw‖² + λ‖w‖², by Householder QR of the stacked system [X; √λ I] (no normal equations). */
    private static DMatrixRMaj ridgeLeastSquares(DMatrixRMaj x, DMatrixRMaj y, double ridge) {
        int l = x.numCols;
        DMatrixRMaj a = new DMatrixRMaj(x.numRows + l, l);
        CommonOps_DDRM.insert(x, a, 0, 0);
        DMatrixRMaj b = new DMatrixRMaj(x.numRows + l, y.numCols);
        CommonOps_DDRM.insert(y, b, 0, 0);
        for (int i = 0; i < l; i++) {
            a.set(x.numRows + i, i, Math.sqrt(ridge));
        }
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        assertTrue(qr.setA(a));
        DMatrixRMaj w = new DMatrixRMaj(l, y.numCols);
        qr.solve(b, w);
        return w;
    }

    private static double meanDiagonalOfGram(DMatrixRMaj x) {
        double s = 0;
        for (int j = 0; j < x.numCols; j++) {
            s += sumSquares(x, j);
        }
        return s / x.numCols;
    }

    private static double sumSquares(DMatrixRMaj a, int col) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            s += a.get(i, col) * a.get(i, col);
        }
        return s;
    }

    private static double squaredCorrelation(DMatrixRMaj pred, DMatrixRMaj y, int col) {
        double mp = 0;
        double my = 0;
        int n = y.numRows;
        for (int i = 0; i < n; i++) {
            mp += pred.get(i, col);
            my += y.get(i, col);
        }
        mp /= n;
        my /= n;
        double spy = 0;
        double spp = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double a = pred.get(i, col) - mp;
            double b = y.get(i, col) - my;
            spy += a * b;
            spp += a * a;
            syy += b * b;
        }
        return spy * spy / (spp * syy);
    }

    private static double largestEigenvalueOfTargetCorrelation(DMatrixRMaj targets) {
        DMatrixRMaj y = RecordedSamples.centre(targets.copy());
        for (int k = 0; k < y.numCols; k++) {
            double norm = Math.sqrt(sumSquares(y, k));
            for (int i = 0; i < y.numRows; i++) {
                y.set(i, k, y.get(i, k) / norm);
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(y.numCols, y.numCols);
        CommonOps_DDRM.multTransA(y, y, c);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(c.numRows, false, true);
        assertTrue(eig.decompose(c));
        double max = 0;
        for (int i = 0; i < c.numRows; i++) {
            max = Math.max(max, eig.getEigenvalue(i).getReal());
        }
        return max;
    }
}
