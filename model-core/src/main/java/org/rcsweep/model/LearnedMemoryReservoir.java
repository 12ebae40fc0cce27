package org.rcsweep.model;

import org.rcsweep.random.Rng;

/**
 * A network whose weights were learned and then frozen ({@link LearnedMemoryNetwork}): the linear reservoir
 * x(t+1) = A x(t) + C u(t+1) + σ·ξ(t+1) with private N(0, 1) noise ξ per neuron and step, plus the record of how its
 * learning went.
 */
public final class LearnedMemoryReservoir implements LearnedReservoir {
    private final int n;
    /** A, its rows on 32-byte boundaries ({@link AlignedRows}). */
    private final AlignedRows a;
    private final double[] c;
    private final double noise;
    private final Rng noiseRng;
    private final LearningRecord learning;
    private final double[] x;
    private final double[] drive;

    LearnedMemoryReservoir(double[] a, double[] c, double noise, Rng noiseRng, LearningRecord learning) {
        this.n = c.length;
        this.a = AlignedRows.of(a, c.length);
        this.c = c;
        this.noise = noise;
        this.noiseRng = noiseRng;
        this.learning = learning;
        this.x = new double[n];
        this.drive = new double[n];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            MatVec.product(a, x, drive, 0, n);
            for (int i = 0; i < n; i++) {
                x[i] = drive[i] + c[i] * ut + noise * noiseRng.nextGaussian();
            }
            System.arraycopy(x, 0, states, s * n, n);
        }
    }

    /** A copy of A (row-major N × N). */
    public double[] transition() {
        return a.toRowMajor();
    }

    public double[] inputWeights() {
        return c.clone();
    }

    /** σ², the variance of each neuron's private noise per step. */
    public double noiseVariance() {
        return noise * noise;
    }

    @Override
    public LearningRecord learning() {
        return learning;
    }
}
