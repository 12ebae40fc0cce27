package org.rcsweep.spec;

import java.io.Serializable;

/**
 * Which theory predictions are computed next to each simulation.
 *
 * @param linear     exact memory of linear reservoirs (linearised for tanh) from the weights: a Lyapunov solve,
 *                   O(N³ log(1/(1−ρ))) — turn off for large N
 * @param predictors the independent-neuron and correlation-aware predictors from measured statistics (cheap)
 * @param meanfield  mean-field (statistically linearised) memory of tanh and linear rate reservoirs from the weights:
 *                   a Lyapunov solve per iteration of its fixed point — turn off for large N
 */
public record TheorySpec(boolean linear, boolean predictors, boolean meanfield) implements Serializable {
    /** The mean-field theory on exactly when the linear theory is (its default). */
    public TheorySpec(boolean linear, boolean predictors) {
        this(linear, predictors, linear);
    }

    public static TheorySpec defaults() {
        return new TheorySpec(true, true, true);
    }

    /**
     * Canonical text for hashing. The mean-field switch appears only when it differs from its default (that of the
     * linear theory), so that every spec written before it existed keeps its point ids.
     */
    public String canonical() {
        return "linear=" + linear + ",predictors=" + predictors
                + (meanfield == linear ? "" : ",meanfield=" + meanfield);
    }
}
