package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rcsweep.stats.ReadoutCorrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A readout whose variance is rounding-level (a silent spiking neuron) must count as constant: otherwise its
 * correlations are ratios of rounding errors, which can drive the independent-neuron prediction of a LIF sweep to
 * absurd values.
 */
class ConstantReadoutTest {
    @Test
    void roundingLevelVarianceGivesZeroCorrelations() {
        // Readouts 0 and 1 are ordinary; readout 2 has variance 1e-40 and a covariance of rounding size with the rest.
        DMatrixRMaj cov = new DMatrixRMaj(new double[][] {
            {1.0, 0.3, 1e-21},
            {0.3, 2.0, -1e-21},
            {1e-21, -1e-21, 1e-40}});
        DMatrixRMaj cross = new DMatrixRMaj(new double[][] {{0.5}, {0.2}, {1e-20}});
        CorrelationStatistics stats = CorrelationStatistics.fromCovariances(cov, cross, new double[] {1.0});
        assertEquals(0.3 / Math.sqrt(2.0), stats.correlation()[1], 1e-15);
        assertEquals(0.0, stats.correlation()[2]);
        assertEquals(0.0, stats.correlation()[2 * 3 + 1]);
        assertEquals(0.0, stats.input()[2]);
        assertEquals(0.5, stats.input()[0], 1e-15);

        ReadoutCorrelations[] nested = ReadoutCorrelations.nested(cov, new int[] {3});
        assertTrue(nested[0].meanAbs() <= 1.0, "mean |ρ| " + nested[0].meanAbs());
        assertEquals((0.3 / Math.sqrt(2.0)) / 3, nested[0].meanAbs(), 1e-15);
    }
}
