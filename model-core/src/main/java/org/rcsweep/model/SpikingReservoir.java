package org.rcsweep.model;

/**
 * A reservoir of spiking neurons. Its readout features are exponentially filtered spike trains,
 * r_i ← e^{−1/τ_r}·r_i + s_i each step, so linear readouts see a smoothed rate; it also counts spikes.
 */
public interface SpikingReservoir extends Reservoir {
    /** Forgets the spikes counted so far (called after the washout, so statistics cover the measured steps). */
    void resetStatistics();

    SpikeStatistics statistics();
}
