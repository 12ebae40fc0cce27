package org.rcsweep.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A named way of setting how correlated the neurons of a reservoir are. The value's meaning and allowed range
 * depend on the knob; the correlation actually achieved is always measured, never assumed.
 */
public enum Knob {
    /** No correlation control; the value must be 0. */
    NONE("none", 0.0, 0.0),
    /** w_in = s·(√c·1 + √(1−c)·ξ): every neuron receives a common input component of weight c ∈ [0, 1]. */
    SHARED_INPUT("shared-input", 0.0, 1.0),
    /** W = g·Z/√N + (J0/N)·11ᵀ: a uniform mean coupling J0 added to the random recurrent matrix. */
    MEAN_COUPLING("mean-coupling", -100.0, 100.0),
    /** The rank r of a low-rank recurrent matrix (replaces the model's own rank): fewer modes, more shared activity. */
    RANK("rank", 1.0, 10_000.0);

    private final String label;
    private final double min;
    private final double max;

    Knob(String label, double min, double max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public static Knob parse(String field, String text) {
        for (Knob k : values()) {
            if (k.label.equals(text)) {
                return k;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of "
                + Arrays.stream(values()).map(Knob::label).collect(Collectors.joining(", ")));
    }
}
