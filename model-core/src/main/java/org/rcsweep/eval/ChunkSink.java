package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;

/** Receives the measured samples of a point simulation, one chunk at a time. */
public interface ChunkSink {
    /**
     * @param readoutStates rows × L_max states of the readout neurons, in readout order (the sink may overwrite it)
     * @param targets       rows × (H+1) delayed inputs u(t−k), k = 0..H (the memory targets when H = K)
     * @param training      whether the rows belong to the training (true) or held-out (false) samples
     */
    void accept(DMatrixRMaj readoutStates, DMatrixRMaj targets, boolean training);
}
