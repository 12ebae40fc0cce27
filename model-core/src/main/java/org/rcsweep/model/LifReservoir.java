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
    /** W, its rows on 32-byte boundaries ({@link AlignedRows}). */
    private final AlignedRows w;
    /** W's nonzero entries when at most a tenth are nonzero, else null. */
    private final SparseRows sparse;
    private final double[] wIn;
    private final double beta;
    private final double[] v;
    private final double[] spikes;
    /** The neurons that spiked in the last step, ascending; {@code spiking} of them. */
    private final int[] spikeList;
    private int spiking;
    private final double[] drive;
    private final SpikeTrains trains;

    public LifReservoir(double[] recurrent, double[] inputWeights, double beta, double readoutTau) {
        this.n = inputWeights.length;
        this.w = AlignedRows.of(recurrent, n);
        this.sparse = SparseRows.ofSparse(recurrent, n);
        this.wIn = inputWeights.clone();
        this.beta = beta;
        this.v = new double[n];
        this.spikes = new double[n];
        this.spikeList = new int[n];
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
            recurrentInput();
            spiking = 0;
            for (int i = 0; i < n; i++) {
                v[i] = beta * v[i] + (wIn[i] * ut + drive[i] - THRESHOLD * spikes[i]);
                boolean spike = v[i] > THRESHOLD;
                spikes[i] = spike ? 1.0 : 0.0;
                if (spike) {
                    spikeList[spiking++] = i;
                    trains.spike(i);
                }
            }
            trains.endStep(states, s * n);
        }
    }

    /**
     * drive = W·s(t−1), by whichever of three products costs least: W's nonzero entries; the columns of the neurons
     * that spiked, when fewer than one in 64 did (the fewer spikes, the larger the gain; at a few percent of neurons
     * spiking, reading scattered entries costs as much as streaming whole rows); else the dense product. All three
     * give the same bits: a zero weight or a silent neuron adds exactly nothing to the fixed summation order of
     * {@link org.rcsweep.stats.Dot}.
     */
    private void recurrentInput() {
        if (sparse != null) {
            sparse.product(spikes, drive, 0, n);
        } else if (spiking * 64 < n) {
            MatVec.productOfSparseVector(w, spikes, spikeList, spiking, drive);
        } else {
            MatVec.product(w, spikes, drive, 0, n);
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
