package org.rcsweep.eval;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.Estimator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oracle: a shift register of N neurons remembers u(t−k) perfectly for k &lt; N and not at all beyond. */
class DelayLineMemoryTest {
    private static final int N = 20;
    private static final int T = 2000;

    @Test
    void inSampleMemoryIsOneBelowNAndOnlyFiniteSampleExcessBeyond() {
        ReadoutResult r = Points.only(PointEvaluator.evaluate(
                Points.point(new DelayLineSpec(), N, List.of(N), T, 50, 2 * N, Estimator.IN_SAMPLE, 1)));
        double[] m = r.memory();
        assertEquals(2 * N + 1, m.length);
        for (int k = 0; k < N; k++) {
            assertEquals(1.0, m[k], 1e-6, "m_" + k);
        }
        // Beyond N the targets are independent of the states: in-sample R² of N regressors on T samples has
        // expectation N/(T−1) (Beta(N/2, (T−N−1)/2)); sd ≈ 0.003, so these bounds are ≥ 6 sd wide.
        double expected = N / (T - 1.0);
        double sum = 0;
        for (int k = N; k <= 2 * N; k++) {
            assertTrue(m[k] >= 0 && m[k] < 4 * expected, "m_" + k + " = " + m[k]);
            sum += m[k];
        }
        double mean = sum / (N + 1);
        assertTrue(mean > 0.5 * expected && mean < 1.5 * expected, "mean excess " + mean + " vs " + expected);
    }

    @Test
    void holdoutMemoryIsOneBelowN() {
        ReadoutResult r = Points.only(PointEvaluator.evaluate(
                Points.point(new DelayLineSpec(), N, List.of(5, 10, N), T, 50, 2 * N, Estimator.HOLDOUT, 2)));
        for (int k = 0; k < N; k++) {
            assertEquals(1.0, r.memory()[k], 1e-6, "m_" + k);
        }
        for (int k = N; k <= 2 * N; k++) {
            assertTrue(r.memory()[k] < 0.05, "m_" + k + " = " + r.memory()[k]);
        }
    }

    /** The same oracle with a delay range long enough for the FFT cross moments (K = 300 ≥ FFT_MIN_DELAY). */
    @Test
    void inSampleMemoryIsOneBelowNThroughTheFftPath() {
        int n = 150;
        assertTrue(2 * n >= PointEvaluator.FFT_MIN_DELAY);
        ReadoutResult r = Points.only(PointEvaluator.evaluate(
                Points.point(new DelayLineSpec(), n, List.of(n), 3000, 200, 2 * n, Estimator.IN_SAMPLE, 5))); // washout ≥ N fills the line
        for (int k = 0; k < n; k++) {
            assertEquals(1.0, r.memory()[k], 1e-6, "m_" + k);
        }
        for (int k = n; k <= 2 * n; k++) {
            assertTrue(r.memory()[k] < 4 * n / 2999.0, "m_" + k + " = " + r.memory()[k]);
        }
    }
}
