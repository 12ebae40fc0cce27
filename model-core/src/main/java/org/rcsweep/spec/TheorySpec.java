package org.rcsweep.spec;

import java.io.Serializable;

/**
 * Which theory predictions are computed next to each simulation.
 *
 * @param linear     exact memory of linear reservoirs (linearised for tanh) from the weights: a Lyapunov solve,
 *                   O(N³ log(1/(1−ρ))) — turn off for large N
 * @param predictors the independent-neuron and correlation-aware predictors from measured statistics (cheap)
 */
public record TheorySpec(boolean linear, boolean predictors) implements Serializable {
    public static TheorySpec defaults() {
        return new TheorySpec(true, true);
    }

    public String canonical() {
        return "linear=" + linear + ",predictors=" + predictors;
    }
}
