package org.rcsweep.eval;

import org.rcsweep.input.InputSignal;

/**
 * The input history needed for memory targets u(t−k), k = 0..K, kept in a window of K + B samples that slides by
 * one chunk at a time, so memory does not grow with T.
 *
 * <p>Targets may reach before the first input the reservoir saw (K larger than the washout); those earlier samples
 * come from a separate stream so that changing K never changes the inputs the reservoir is driven with.
 */
public final class DelayedTargets {
    private final int maxDelay;
    private final double[] window;
    private final InputSignal fed;

    public DelayedTargets(int maxDelay, int chunk, InputSignal fed, InputSignal prehistory) {
        this.maxDelay = maxDelay;
        this.fed = fed;
        this.window = new double[maxDelay + chunk];
        for (int j = 0; j < maxDelay; j++) {
            window[maxDelay - 1 - j] = prehistory.next();
        }
    }

    /** Draws the next {@code count} inputs; they are at {@link #window()}[{@link #offset()} ..]. */
    public void draw(int count) {
        fed.fill(window, maxDelay, count);
    }

    public double[] window() {
        return window;
    }

    public int offset() {
        return maxDelay;
    }

    /** Moves past the current chunk of {@code rows} steps. */
    public void slide(int rows) {
        System.arraycopy(window, rows, window, 0, maxDelay);
    }
}
