package org.rcsweep.spec;

import java.io.Serializable;

/**
 * The driving input: an i.i.d. sequence of the given law, {@code washout} steps discarded, then {@code steps}
 * measured samples T. With {@code streams} S &gt; 1 the T samples come from S independent input streams of T/S
 * samples each, every stream with its own seeded input and its own washout, simulated together (see
 * docs/capacity.md, "Input streams").
 */
public record InputSpec(InputDistribution distribution, int steps, int washout, int streams) implements Serializable {
    public static final int MAX_STEPS = 100_000_000;
    public static final int MAX_STREAMS = 100;

    public InputSpec {
        if (distribution == null) {
            throw new SpecException("distribution", "is required");
        }
        Check.closed("steps", steps, 10, MAX_STEPS);
        Check.closed("washout", washout, 0, MAX_STEPS);
        Check.closed("streams", streams, 1, MAX_STREAMS);
        if (steps % streams != 0) {
            throw new SpecException("streams", steps + " samples do not split into " + streams + " streams of equal "
                    + "length: input.steps must be a multiple of input.streams");
        }
        if (steps / streams < 10) {
            throw new SpecException("streams", streams + " streams of " + steps / streams + " samples: each stream "
                    + "needs at least 10 (allowed range [1, steps / 10])");
        }
    }

    /** One stream: the input as one sequence. */
    public InputSpec(InputDistribution distribution, int steps, int washout) {
        this(distribution, steps, washout, 1);
    }

    /** Measured samples of each stream, T/S. */
    public int stepsPerStream() {
        return steps / streams;
    }

    /** Part of the point's identity: streams change the rows, so S &gt; 1 is named (S = 1 keeps the ids it had). */
    public String canonical() {
        return distribution.label() + ",steps=" + steps + ",washout=" + washout
                + (streams > 1 ? ",streams=" + streams : "");
    }
}
