package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * Receives the measured samples of a point simulation one chunk at a time together with the raw input history,
 * for consumers that read a few delays each (IPC targets) and should not pay for materialising all H + 1 of them.
 */
public interface InputSink {
    /**
     * @param readoutStates rows × L_max states of the readout neurons, in readout order (the sink may overwrite it)
     * @param input         the input history: u(t_s − k) = {@code input[offset + s − k]} for row s and 0 ≤ k ≤ H
     * @param offset        index of the chunk's first sample u(t_0) in {@code input}
     * @param training      whether the rows belong to the training (true) or held-out (false) samples
     */
    void accept(DMatrixRMaj readoutStates, double[] input, int offset, boolean training);

    /**
     * The chunks accepted since the last call belong to one input stream and the next chunk starts another (with
     * {@code input.streams} S &gt; 1): a sink that relies on consecutive chunks starts a new segment.
     */
    default void endStream() {
    }
}
