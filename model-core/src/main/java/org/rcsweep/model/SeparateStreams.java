package org.rcsweep.model;

import java.util.List;

/**
 * Streams of a model whose step is not a matrix product shared by the streams (spiking, gated, learned, state-space
 * models): S independently built copies advanced one after the other. The same rows as a fused implementation
 * would give; no faster than S separate simulations.
 */
public final class SeparateStreams implements StreamedReservoir {
    private final List<Reservoir> copies;

    public SeparateStreams(List<Reservoir> copies) {
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("no streams");
        }
        this.copies = List.copyOf(copies);
    }

    @Override
    public int size() {
        return copies.get(0).size();
    }

    @Override
    public int streams() {
        return copies.size();
    }

    @Override
    public void advance(double[][] u, int from, int steps, double[][] states) {
        for (int s = 0; s < copies.size(); s++) {
            copies.get(s).advance(u[s], from, steps, states[s]);
        }
    }

    /** The copy that runs stream s (its state is that stream's state). */
    public Reservoir copy(int s) {
        return copies.get(s);
    }
}
