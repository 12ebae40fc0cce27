package org.rcsweep.model;

/**
 * Leaky integrate-and-fire neurons with explicit recurrent weights and reset by subtraction:
 * V ← β·V + w_in·u + W·s(t−1) − θ·s(t−1), s(t) = H(V − θ), with threshold θ = 1. Readout features are the spike
 * trains filtered with time constant τ_r. As in snnTorch's {@code Leaky} neuron (the discrete LIF of "Benchmarking
 * Spiking Neural Network Learning Methods with Varying Locality").
 */
public final class LifReservoir implements SpikingReservoir {
    static final double THRESHOLD = 1.0;
    private final int n;
    private final double[] w;
    private final double[] wIn;
    private final double beta;
    private final double[] v;
    private final double[] spikes;
    private final double[] drive;
    private final SpikeTrains trains;

    public LifReservoir(double[] recurrent, double[] inputWeights, double beta, double readoutTau) {
        this.n = inputWeights.length;
        this.w = recurrent.clone();
        this.wIn = inputWeights.clone();
        this.beta = beta;
        this.v = new double[n];
        this.spikes = new double[n];
        this.drive = new double[n];
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
            MatVec.product(w, spikes, n, drive);
            for (int i = 0; i < n; i++) {
                v[i] = beta * v[i] + (wIn[i] * ut + drive[i] - THRESHOLD * spikes[i]);
                boolean spike = v[i] > THRESHOLD;
                spikes[i] = spike ? 1.0 : 0.0;
                if (spike) {
                    trains.spike(i);
                }
            }
            trains.endStep(states, s * n);
        }
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
