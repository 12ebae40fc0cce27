package org.rcsweep.model;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.Activation;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse products (sparse W, or a sparse vector such as a spike train) have the bits of the dense ones, so a
 * reservoir's states do not depend on the path.
 */
class SparseRowsTest {
    /** Entry by entry, the same bits (stricter than a zero tolerance, which lets −0 pass for +0). */
    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), what + " " + i);
        }
    }

    private static double[] sparse(int n, double density, Random random) {
        double[] w = new double[n * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble() < density ? random.nextGaussian() : 0.0;
        }
        return w;
    }

    @Test
    void rowProductsEqualTheDenseProductBitForBit() {
        Random random = new Random(21);
        for (int n : new int[] {1, 3, 4, 5, 15, 16, 17, 33, 100, 203}) {
            for (double density : new double[] {0.0, 0.02, 0.1}) {
                double[] w = sparse(n, density, random);
                if (n >= 3) {
                    w[(n - 1) * n + n - 1] = 0.5; // an entry in the last n mod 4 columns (the dense product's tail)
                    w[(n - 1) * n + n - 2] = -0.25;
                }
                SparseRows rows = SparseRows.ofSparse(w, n);
                if (rows == null) {
                    continue; // too dense for a small n once the two entries above are set
                }
                double[] x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = random.nextGaussian();
                }
                double[] dense = new double[n];
                MatVec.product(AlignedRows.of(w, n), x, dense, 0, n);
                double[] viaSparse = new double[n];
                rows.product(x, viaSparse, 0, n);
                assertSameBits(dense, viaSparse, "n = " + n + ", density " + density + ", row");
            }
        }
    }

    @Test
    void sparseVectorProductEqualsTheDenseProductBitForBit() {
        Random random = new Random(31);
        for (int n : new int[] {1, 5, 16, 17, 99, 250}) {
            double[] w = sparse(n, 1.0, random);
            AlignedRows aligned = AlignedRows.of(w, n);
            for (double rate : new double[] {0.0, 0.05, 0.5}) {
                double[] x = new double[n];
                int[] nonzero = new int[n];
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (random.nextDouble() < rate || j == n - 1 && rate > 0) {
                        x[j] = rate == 0.5 ? random.nextGaussian() : 1.0; // spikes, and general values
                        nonzero[count++] = j;
                    }
                }
                double[] dense = new double[n];
                MatVec.product(aligned, x, dense, 0, n);
                double[] viaList = new double[n];
                MatVec.productOfSparseVector(aligned, x, nonzero, count, viaList);
                assertSameBits(dense, viaList, "n = " + n + ", rate " + rate + ", row");
            }
        }
    }

    /** LIF neurons with dense W (spike-list product) and with 5%-dense W (sparse rows) against the dense loop. */
    @Test
    void lifStatesEqualTheDenseComputation() {
        Random random = new Random(12);
        int n = 400;
        for (double density : new double[] {1.0, 0.05}) {
            double[] w = sparse(n, density, random);
            for (int i = 0; i < w.length; i++) {
                w[i] *= 0.6 / Math.sqrt(density * n);
            }
            double[] wIn = new double[n];
            for (int i = 0; i < n; i++) {
                wIn[i] = 0.35 * random.nextGaussian();
            }
            double[] u = new double[400];
            for (int t = 0; t < u.length; t++) {
                u[t] = random.nextDouble();
            }
            double beta = 0.9;
            double[] v = new double[n];
            double[] spikes = new double[n];
            double[] drive = new double[n];
            boolean[][] expected = new boolean[u.length][n];
            int total = 0;
            AlignedRows aligned = AlignedRows.of(w, n);
            for (int t = 0; t < u.length; t++) {
                MatVec.product(aligned, spikes, drive, 0, n);
                for (int i = 0; i < n; i++) {
                    v[i] = beta * v[i] + (wIn[i] * u[t] + drive[i] - LifReservoir.THRESHOLD * spikes[i]);
                    spikes[i] = v[i] > LifReservoir.THRESHOLD ? 1.0 : 0.0;
                    expected[t][i] = spikes[i] == 1.0;
                    total += expected[t][i] ? 1 : 0;
                }
            }
            assertTrue(total > u.length && total < u.length * n / 16 && total > 1000, "a sparse but active regime: " + total + " spikes");
            // tau_r → 0⁺ leaves each step's spikes as the feature (decay e^{-1/τ} underflows to 0)
            LifReservoir lif = new LifReservoir(w, wIn, beta, 1e-3);
            double[] states = new double[u.length * n];
            lif.advance(u, 0, u.length, states);
            for (int t = 0; t < u.length; t++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[t][i], states[t * n + i] > 0.5, "density " + density + ", step " + t
                            + ", neuron " + i);
                }
            }
        }
    }

    @Test
    void onlyMatricesWithAtMostATenthNonzeroAreSparse() {
        int n = 50;
        double[] w = new double[n * n];
        for (int k = 0; k < n * n / 10; k++) {
            w[k * 10] = 1.0;
        }
        assertNotNull(SparseRows.ofSparse(w, n));
        w[1] = 1.0;
        assertNull(SparseRows.ofSparse(w, n));
    }

    /** A 5%-dense tanh reservoir, on one and on two threads, against a plain loop over the dense product. */
    @Test
    void sparseReservoirStatesEqualTheDenseComputation() {
        Random random = new Random(8);
        int n = 600;
        double[] w = sparse(n, 0.05, random);
        double[] wIn = new double[n];
        double[] bias = new double[n];
        for (int i = 0; i < n; i++) {
            wIn[i] = random.nextGaussian();
            bias[i] = 0.1 * random.nextGaussian();
        }
        double[] u = new double[300];
        for (int t = 0; t < u.length; t++) {
            u[t] = 2 * random.nextDouble() - 1;
        }
        double leak = 0.7;
        double[] expected = new double[u.length * n];
        double[] x = new double[n];
        double[] drive = new double[n];
        AlignedRows aligned = AlignedRows.of(w, n);
        for (int t = 0; t < u.length; t++) {
            MatVec.product(aligned, x, drive, 0, n);
            for (int i = 0; i < n; i++) {
                drive[i] = drive[i] + wIn[i] * u[t] + bias[i];
            }
            Tanh.apply(drive, 0, drive, 0, n);
            for (int i = 0; i < n; i++) {
                x[i] = (1.0 - leak) * x[i] + leak * drive[i];
            }
            System.arraycopy(x, 0, expected, t * n, n);
        }
        for (int threads : new int[] {1, 2}) {
            LeakyRateReservoir reservoir = new LeakyRateReservoir(w, wIn, bias, leak, Activation.TANH)
                    .withThreads(threads);
            double[] states = new double[u.length * n];
            reservoir.advance(u, 0, u.length, states);
            assertSameBits(expected, states, threads + " thread(s), entry");
        }
    }
}
