package org.rcsweep.model;

/**
 * S copies of one reservoir (the same weights) advanced together, each driven by its own input stream: for a model
 * whose step is a matrix product, one step of all streams is one matrix–matrix product W·X with X of size N × S,
 * which reads W once for S streams instead of once per stream.
 */
public interface StreamedReservoir {
    /** Number of neurons N. */
    int size();

    /** Number of streams S. */
    int streams();

    /**
     * Advances every stream {@code steps} steps: step t of stream s is driven by {@code u[s][from + t]}, and its state
     * after step t is written into row t of {@code states[s]} (row-major, steps × N).
     */
    void advance(double[][] u, int from, int steps, double[][] states);
}
