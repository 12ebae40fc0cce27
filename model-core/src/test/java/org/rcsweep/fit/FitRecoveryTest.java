package org.rcsweep.fit;

import org.junit.jupiter.api.Test;
import org.rcsweep.random.Rng;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fits recover known laws from synthetic data, and bootstrap intervals cover the truth as often as they claim. */
class FitRecoveryTest {
    private static final double[] LS = {2, 4, 8, 16, 32, 64};

    private static List<ReplicaBootstrap.Replica> powerLawReplicas(double a, double alpha, double noise, int replicas,
                                                                  Rng rng) {
        List<ReplicaBootstrap.Replica> out = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            double[] y = new double[LS.length];
            // A replica-level offset (different network) plus point noise: replicas are the independent units.
            double replicaEffect = noise * rng.nextGaussian();
            for (int i = 0; i < LS.length; i++) {
                y[i] = a * Math.pow(LS[i], alpha) * Math.exp(replicaEffect + 0.5 * noise * rng.nextGaussian());
            }
            out.add(new ReplicaBootstrap.Replica(LS.clone(), y));
        }
        return out;
    }

    @Test
    void powerLawExponentIsRecoveredAndItsIntervalCoversTheTruth() {
        for (double alpha : new double[] {0.5, 1.0}) {
            int covered = 0;
            Rng rng = new Rng(Double.doubleToLongBits(alpha));
            for (int rep = 0; rep < 50; rep++) {
                List<ReplicaBootstrap.Replica> data = powerLawReplicas(1.3, alpha, 0.05, 12, rng);
                ReplicaBootstrap.Replica pooled = ReplicaBootstrap.pool(data);
                double[] fit = PowerLaw.fit(pooled.x(), pooled.y());
                assertEquals(alpha, fit[1], 0.05);
                double[][] ci = ReplicaBootstrap.interval(data, d -> PowerLaw.fit(d.x(), d.y()), 400, rep);
                if (ci[1][0] <= alpha && alpha <= ci[1][1]) {
                    covered++;
                }
            }
            assertTrue(covered >= 45, "α = " + alpha + ": the 95% interval covered the truth in " + covered + "/50");
        }
    }

    @Test
    void saturatingLawIsRecovered() {
        double[] l = {1, 2, 5, 10, 20, 40, 80};
        double[] y = new double[l.length];
        Rng rng = new Rng(5);
        for (int i = 0; i < l.length; i++) {
            y[i] = 12.0 * l[i] / (l[i] + 9.0) * (1 + 0.01 * rng.nextGaussian());
        }
        double[] fit = SaturatingLaw.fit(l, y);
        assertEquals(12.0, fit[0], 0.3);
        assertEquals(9.0, fit[1], 0.5);
        assertTrue(fit[2] > 0.99);
    }

    @Test
    void saturationBeyondTheMeasuredRangeIsUndetermined() {
        double[] l = {5, 10, 20, 40, 80};
        double[] y = new double[l.length];
        Rng rng = new Rng(7);
        for (int i = 0; i < l.length; i++) {
            y[i] = 0.9 * l[i] * (1 + 0.02 * rng.nextGaussian()); // linear growth: M and L½ run off together
        }
        double[] fit = SaturatingLaw.fit(l, y);
        assertTrue(Double.isNaN(fit[0]) && Double.isNaN(fit[1]) && Double.isNaN(fit[2]),
                java.util.Arrays.toString(fit));
        // Saturation visible within the range (L½ = 60 < 80) is still fitted.
        for (int i = 0; i < l.length; i++) {
            y[i] = 100.0 * l[i] / (l[i] + 60.0) * (1 + 0.002 * rng.nextGaussian());
        }
        assertEquals(60.0, SaturatingLaw.fit(l, y)[1], 6.0);
    }

    @Test
    void onsetsInterpolateBetweenSamples() {
        double[] l = {5, 10, 20, 40};
        assertEquals(15.0, Onset.firstAbove(l, new double[] {0, 0.2, 1.8, 3}, 1.0), 1e-12);
        assertEquals(5.0, Onset.firstAbove(l, new double[] {2, 3, 4, 5}, 1.0), 1e-12);
        assertTrue(Double.isNaN(Onset.firstAbove(l, new double[] {0, 0, 0, 0}, 1.0)));
        assertEquals(30.0, Onset.firstBelow(l, new double[] {1, 0.95, 0.9, 0.7}, 0.8), 1e-12);
    }

    @Test
    void onsetsAtTheFirstSampleAreMarkedAsBounds() {
        assertTrue(Onset.alreadyAbove(new double[] {2, 3}, 1.0));
        assertTrue(Onset.alreadyAbove(new double[] {1.0, 3}, 1.0), "at the level counts as reached");
        assertTrue(!Onset.alreadyAbove(new double[] {0.2, 1.8}, 1.0), "a crossing between samples is a value");
        assertTrue(!Onset.alreadyAbove(new double[0], 1.0));
        assertTrue(Onset.alreadyBelow(new double[] {0.7, 0.5}, 0.8));
        assertTrue(!Onset.alreadyBelow(new double[] {1, 0.7}, 0.8));
    }

    @Test
    void studentQuantilesMatchTables() {
        assertEquals(2.570581835636314, StudentT.quantile975(5), 5e-3); // Cornish–Fisher: 3e-3 at ν = 5
        assertEquals(2.200985160082949, StudentT.quantile975(11), 1e-3);
        assertEquals(2.042272456301238, StudentT.quantile975(30), 1e-4);
    }

    @Test
    void lineFitIsExactOnALine() {
        LineFit f = LineFit.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9});
        assertEquals(2.0, f.slope(), 1e-12);
        assertEquals(1.0, f.intercept(), 1e-12);
        assertEquals(1.0, f.r2(), 1e-12);
    }
}
