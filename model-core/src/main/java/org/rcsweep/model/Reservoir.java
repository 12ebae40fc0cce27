package org.rcsweep.model;

/**
 * A driven dynamical system advanced in chunks of time steps. Implementations hold their own state and are not
 * thread-safe; one task owns one reservoir.
 */
public interface Reservoir {
    /** Number of neurons N (readout features). */
    int size();

    /**
     * Advances {@code steps} time steps, step s driven by {@code u[from + s]}, and writes the state after step s into
     * row s of {@code states} (row-major, {@code steps × size()}).
     */
    void advance(double[] u, int from, int steps, double[] states);

    /**
     * This reservoir advanced by {@code threads} threads per step where the model supports it (dense rate
     * reservoirs), else itself; the states are the same bits for any thread count.
     */
    default Reservoir withThreads(int threads) {
        return this;
    }
}
