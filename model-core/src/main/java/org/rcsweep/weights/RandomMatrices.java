package org.rcsweep.weights;

import org.rcsweep.random.Rng;

/** Random recurrent matrices, row-major {@code double[n*n]}. */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /**
     * W_ij ~ N(0, g²/(pN)) on each entry independently kept with probability p (else 0). The variance is divided by
     * p so that the bulk spectral radius stays ≈ g at any density (circular law).
     */
    public static double[] gaussian(int n, double gain, double density, Rng rng) {
        double[] w = new double[n * n];
        double sd = gain / Math.sqrt(density * n);
        for (int i = 0; i < w.length; i++) {
            if (density >= 1.0 || rng.nextDouble() < density) {
                w[i] = sd * rng.nextGaussian();
            }
        }
        return w;
    }

    /**
     * A Dale's-law matrix: column j (the presynaptic neuron) is excitatory for j &lt; ⌊0.8·n⌋ and inhibitory after;
     * entries exist with probability p, have magnitude g·|z|/√(pN), z ~ N(0, 1), and inhibitory ones are 4× stronger
     * (0.8/0.2) so that a neuron's expected excitatory and inhibitory input cancel.
     */
    public static double[] dale(int n, double gain, double density, Rng rng) {
        double[] w = new double[n * n];
        int excitatory = (int) Math.floor(0.8 * n);
        double sd = gain / Math.sqrt(density * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (density >= 1.0 || rng.nextDouble() < density) {
                    double magnitude = sd * Math.abs(rng.nextGaussian());
                    w[i * n + j] = j < excitatory ? magnitude : -4.0 * magnitude;
                }
            }
        }
        return w;
    }

    /** Adds the rank-one mean coupling (J0/N)·11ᵀ in place. */
    public static void addMeanCoupling(double[] w, int n, double j0) {
        double c = j0 / n;
        for (int i = 0; i < w.length; i++) {
            w[i] += c;
        }
    }

    /** ρ·P with P the cyclic shift (x_i ← x_{i−1}, x_0 ← x_{N−1}). */
    public static double[] ring(int n, double rho) {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + (i + n - 1) % n] = rho;
        }
        return w;
    }

    /** The shift register (x_i ← x_{i−1}, x_0 ← 0). */
    public static double[] shift(int n) {
        double[] w = new double[n * n];
        for (int i = 1; i < n; i++) {
            w[i * n + i - 1] = 1.0;
        }
        return w;
    }

    public static void scale(double[] w, double factor) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
    }
}
