package org.rcsweep.weights;

import org.rcsweep.random.Rng;

/** Input weight vectors w_in. */
public final class InputWeights {
    private InputWeights() {
    }

    /** s·ξ with ξ_i i.i.d. standard normal. */
    public static double[] gaussian(int n, double scale, Rng rng) {
        return sharedInput(n, scale, 0.0, rng);
    }

    /**
     * s·(√c·1 + √(1−c)·ξ): a common component of weight c ∈ [0, 1] plus an independent one, so every neuron's input
     * weight has second moment s² while the fraction c of it is shared.
     */
    public static double[] sharedInput(int n, double scale, double c, Rng rng) {
        double common = Math.sqrt(c);
        double own = Math.sqrt(1.0 - c);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = scale * (common + own * rng.nextGaussian());
        }
        return w;
    }

    /** e_0: the input reaches neuron 0 only (delay lines and rings). */
    public static double[] firstNeuron(int n) {
        double[] w = new double[n];
        w[0] = 1.0;
        return w;
    }
}
