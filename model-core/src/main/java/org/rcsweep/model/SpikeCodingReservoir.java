package org.rcsweep.model;

import org.rcsweep.random.Rng;

/**
 * Spike-coding network with balanced excitation and inhibition (Boerlin, Machens & Denève 2013; Mancoo, Keemink &
 * Machens 2020), in discrete time. An M-dimensional signal integrates the input, x ← λ·x + c·u; the network's
 * estimate decays the same way and jumps by the decoder column of every spike, x̂ ← λ·x̂ + Σ_i D_i s_i. Neuron i's
 * membrane potential is its projection of the coding error, V_i = D_iᵀ(x − x̂) + σ·ξ_i (ξ fresh N(0, 1) noise each
 * step), and it spikes when V_i exceeds T_i = ‖D_i‖²/2 — exactly when its spike reduces ‖x − x̂‖. Within a step the
 * neuron furthest above threshold spikes first, the error is updated (through the recurrent weights Ω = −DᵀD,
 * rank M), and the others are checked again; each neuron spikes at most once per step. After each step no neuron
 * is above threshold, which bounds the error: D_iᵀe ≤ ‖D_i‖²/2 + σ|ξ_i| for every decoder direction.
 */
public final class SpikeCodingReservoir implements SpikingReservoir {
    private final int n;
    private final int dims;
    private final double[] decoder;
    private final double[] inputWeights;
    private final double[] thresholds;
    private final double leak;
    private final double noise;
    private final Rng noiseRng;
    private final double[] x;
    private final double[] estimate;
    private final double[] error;
    private final double[] noiseNow;
    private final boolean[] fired;
    private final SpikeTrains trains;

    /**
     * @param decoder      M × N decoder, column i = neuron i's decoding vector (row-major M × N)
     * @param inputWeights c, length M
     */
    public SpikeCodingReservoir(double[] decoder, int dims, double[] inputWeights, double leak, double noise,
                                double readoutTau, Rng noiseRng) {
        this.dims = dims;
        this.n = decoder.length / dims;
        this.decoder = decoder.clone();
        this.inputWeights = inputWeights.clone();
        this.leak = leak;
        this.noise = noise;
        this.noiseRng = noiseRng;
        this.thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < dims; d++) {
                s += decoder[d * n + i] * decoder[d * n + i];
            }
            thresholds[i] = s / 2;
        }
        this.x = new double[dims];
        this.estimate = new double[dims];
        this.error = new double[dims];
        this.noiseNow = new double[n];
        this.fired = new boolean[n];
        this.trains = new SpikeTrains(n, readoutTau);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            for (int d = 0; d < dims; d++) {
                x[d] = leak * x[d] + inputWeights[d] * ut;
                estimate[d] = leak * estimate[d];
                error[d] = x[d] - estimate[d];
            }
            for (int i = 0; i < n; i++) {
                noiseNow[i] = noise * noiseRng.nextGaussian();
                fired[i] = false;
            }
            while (true) {
                int best = -1;
                double margin = 0;
                for (int i = 0; i < n; i++) {
                    if (fired[i]) {
                        continue;
                    }
                    double vi = noiseNow[i];
                    for (int d = 0; d < dims; d++) {
                        vi += decoder[d * n + i] * error[d];
                    }
                    if (vi - thresholds[i] > margin) {
                        margin = vi - thresholds[i];
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                fired[best] = true;
                trains.spike(best);
                for (int d = 0; d < dims; d++) {
                    estimate[d] += decoder[d * n + best];
                    error[d] = x[d] - estimate[d];
                }
            }
            trains.endStep(states, s * n);
        }
    }

    /** x − x̂ after the last step (length M). */
    public double[] codingError() {
        return error.clone();
    }

    /** Largest decoder norm max_i ‖D_i‖. */
    public double maxDecoderNorm() {
        double max = 0;
        for (double t : thresholds) {
            max = Math.max(max, Math.sqrt(2 * t));
        }
        return max;
    }

    @Override
    public void resetStatistics() {
        trains.reset();
    }

    @Override
    public SpikeStatistics statistics() {
        return trains.statistics();
    }
}
