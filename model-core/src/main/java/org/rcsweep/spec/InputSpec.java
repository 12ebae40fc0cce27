package org.rcsweep.spec;

import java.io.Serializable;

/**
 * The driving input: an i.i.d. sequence of the given law, {@code washout} steps discarded, then {@code steps}
 * measured samples T.
 */
public record InputSpec(InputDistribution distribution, int steps, int washout) implements Serializable {
    public static final int MAX_STEPS = 100_000_000;

    public InputSpec {
        if (distribution == null) {
            throw new SpecException("distribution", "is required");
        }
        Check.closed("steps", steps, 10, MAX_STEPS);
        Check.closed("washout", washout, 0, MAX_STEPS);
    }

    public String canonical() {
        return distribution.label() + ",steps=" + steps + ",washout=" + washout;
    }
}
