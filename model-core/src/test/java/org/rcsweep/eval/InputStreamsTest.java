package org.rcsweep.eval;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.TheorySpec;
import org.rcsweep.stats.CrossMoments;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input streams ({@code input.streams} S &gt; 1): the exact oracles still hold, a tanh reservoir's capacities agree
 * with one stream's within the sampling error, the rows do not depend on the number of threads, S = 1 keeps its
 * identity, and the pooled moments equal a plain computation over the same samples.
 */
class InputStreamsTest {
    private static PointSpec point(ModelSpec model, int n, List<Integer> readouts, int steps, int washout,
                                   int maxDelay, Estimator estimator, int streams, int threads) {
        CapacitySpec cap = CapacitySpec.defaults().withEstimator(estimator).withMaxDelay(maxDelay).withThreads(threads);
        return new PointSpec("streams", 9, model, n, CorrelationSpec.none(), 0, readouts,
                new InputSpec(InputDistribution.UNIFORM, steps, washout, streams), cap, TheorySpec.defaults(),
                IpcSpec.disabled());
    }

    @Test
    void aDelayLineRemembersExactlyWithStreams() {
        int n = 12;
        ReadoutResult r = Points.only(PointEvaluator.evaluate(point(new DelayLineSpec(), n, List.of(n), 8_000, 20, 20,
                Estimator.IN_SAMPLE, 4, 1)));
        for (int k = 0; k < n; k++) {
            assertEquals(1.0, r.memory()[k], 1e-9, "m_" + k);
        }
        for (int k = n; k <= 20; k++) {
            assertTrue(r.memory()[k] < 0.01, "m_" + k + " = " + r.memory()[k]);
        }
    }

    @Test
    void aRingMatchesItsClosedFormWithStreams() {
        int n = 10;
        double rho = 0.9;
        int maxDelay = 60;
        ReadoutResult r = Points.only(PointEvaluator.evaluate(point(new RingSpec(rho), n, List.of(n), 48_000, 200,
                maxDelay, Estimator.IN_SAMPLE, 6, 1)));
        for (int k = 0; k <= maxDelay; k++) {
            double exact = (1 - Math.pow(rho, 2 * n)) * Math.pow(rho, 2 * n * (k / n));
            assertEquals(exact, r.memory()[k], 1e-2, "m_" + k);
        }
    }

    @Test
    void anOrthogonalLinearReservoirKeepsItsSumRule() {
        int n = 40;
        ReadoutResult r = Points.only(PointEvaluator.evaluate(point(new OrthogonalSpec(Activation.LINEAR, 0.95, 1.0,
                1.0), n, List.of(10, n), 60_000, 500, 200, Estimator.HOLDOUT, 8, 2)));
        assertEquals(n, r.mcTotal(), 0.02 * n);
        assertEquals(n, r.mcInSample(), 0.02 * n);
    }

    @Test
    void aTanhReservoirsCapacitiesAgreeWithOneStreamWithinTheSamplingError() {
        EsnSpec esn = new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0);
        List<Integer> ls = List.of(5, 20, 60);
        PointResult one = PointEvaluator.evaluate(point(esn, 60, ls, 40_000, 200, 120, Estimator.HOLDOUT, 1, 1));
        PointResult eight = PointEvaluator.evaluate(point(esn, 60, ls, 40_000, 200, 120, Estimator.HOLDOUT, 8, 1));
        for (int i = 0; i < ls.size(); i++) {
            double a = one.readouts().get(i).mcTotal();
            double b = eight.readouts().get(i).mcTotal();
            // Two estimates from independent inputs of 40 000 samples: each sums 121 squared correlations whose
            // sampling error is about sqrt(2/T) · sqrt(m) (≈ 0.007 for m near 1); summed over the delays that carry
            // memory the two differ by well under 3% of MC (observed: under 1%).
            assertEquals(a, b, 0.03 * a + 0.05, "MC(L = " + ls.get(i) + ")");
        }
    }

    @Test
    void rowsDoNotDependOnTheNumberOfThreadsAndOneStreamKeepsItsIdentity() {
        EsnSpec esn = new EsnSpec(Activation.TANH, 0.7, 0.9, null, 1.0, 0.5, 0.1);
        PointSpec oneThread = point(esn, 150, List.of(10, 150), 4_000, 100, 40, Estimator.HOLDOUT, 5, 1);
        PointSpec twoThreads = point(esn, 150, List.of(10, 150), 4_000, 100, 40, Estimator.HOLDOUT, 5, 2);
        ReadoutResult a = Points.only(PointEvaluator.evaluate(oneThread));
        ReadoutResult b = Points.only(PointEvaluator.evaluate(twoThreads));
        assertArrayEquals(a.memory(), b.memory(), 0.0, "same bits on one and two threads");
        assertEquals(a.mcInSample(), b.mcInSample(), 0.0);

        PointSpec s1 = point(esn, 150, List.of(10), 4_000, 100, 40, Estimator.HOLDOUT, 1, 1);
        PointSpec s1Old = new PointSpec("streams", 9, esn, 150, CorrelationSpec.none(), 0, List.of(10),
                new InputSpec(InputDistribution.UNIFORM, 4_000, 100), s1.capacity(), TheorySpec.defaults(),
                IpcSpec.disabled());
        assertEquals(s1Old.id(), s1.id(), "S = 1 is the point it always was");
        assertNotEquals(s1.id(), oneThread.id(), "S > 1 is another point");
        assertEquals(s1.seed(), oneThread.seed(), "the same reservoir");
    }

    @Test
    void samplesThatDoNotSplitEvenlyAreRejected() {
        SpecException e = assertThrows(SpecException.class,
                () -> new InputSpec(InputDistribution.UNIFORM, 1001, 10, 4));
        assertTrue(e.getMessage().contains("multiple of input.streams"), e.getMessage());
    }

    /** The streamed accumulators equal a plain computation over the same samples, pooled by hand. */
    @Test
    void streamedMomentsEqualAPlainComputationOverTheSamePooledSamples() {
        int n = 20;
        int maxDelay = 30;
        EsnSpec esn = new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0);
        PointSpec spec = point(esn, n, List.of(n), 3_000, 50, maxDelay, Estimator.IN_SAMPLE, 3, 1);
        // The FFT path (delayed inputs, segments ended per stream) against the plain product of stored samples.
        CrossMoments fft = CrossMoments.forDelayedInputs(n, maxDelay, PointSimulation.rowsPerCall(spec, maxDelay));
        List<double[]> rows = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        new PointSimulation(spec, maxDelay, false, PointSimulation.reservoirs(spec)).run(new InputSink() {
            @Override
            public void accept(org.ejml.data.DMatrixRMaj x, double[] u, int offset, boolean training) {
                for (int r = 0; r < x.numRows; r++) {
                    rows.add(java.util.Arrays.copyOfRange(x.data, r * n, (r + 1) * n));
                    double[] y = new double[maxDelay + 1];
                    for (int k = 0; k <= maxDelay; k++) {
                        y[k] = u[offset + r - k];
                    }
                    targets.add(y);
                }
                fft.addDelayedInputs(x, u, offset);
            }

            @Override
            public void endStream() {
                fft.endSegment();
            }
        });
        assertEquals(3_000, rows.size(), "every stream's samples, once");
        CrossMoments plain = new CrossMoments(n, maxDelay + 1);
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(rows.size(), n);
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(rows.size(), maxDelay + 1);
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, x.data, r * n, n);
            System.arraycopy(targets.get(r), 0, y.data, r * (maxDelay + 1), maxDelay + 1);
        }
        plain.add(x, y);
        double[] a = fft.centredCross().data;
        double[] b = plain.centredCross().data;
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-9 * (1 + Math.abs(b[i])), "cross moment " + i);
        }
        assertArrayEquals(plain.centredGram().data, fft.centredGram().data, 1e-9);
    }
}
