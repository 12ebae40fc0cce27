package org.rcsweep.input;

import org.rcsweep.random.Rng;
import org.rcsweep.spec.InputDistribution;

/** An endless i.i.d. input stream of a given law, drawn from its own generator. */
public final class InputSignal {
    private final InputDistribution distribution;
    private final Rng rng;

    public InputSignal(InputDistribution distribution, Rng rng) {
        this.distribution = distribution;
        this.rng = rng;
    }

    public double next() {
        return switch (distribution) {
            case UNIFORM -> 2.0 * rng.nextDouble() - 1.0;
            case GAUSSIAN -> rng.nextGaussian();
            case BINARY -> (rng.nextLong() & 1L) == 0 ? -1.0 : 1.0;
        };
    }

    /** Fills {@code out[from .. from+count)} with the next samples. */
    public void fill(double[] out, int from, int count) {
        for (int i = 0; i < count; i++) {
            out[from + i] = next();
        }
    }
}
