package org.rcsweep.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The law of the i.i.d. driving input u(t). */
public enum InputDistribution {
    /** Uniform on [−1, 1]; variance 1/3. */
    UNIFORM("uniform", 1.0 / 3.0),
    /** Standard normal; variance 1. */
    GAUSSIAN("gaussian", 1.0),
    /** ±1 with equal probability; variance 1. */
    BINARY("binary", 1.0);

    private final String label;
    private final double variance;

    InputDistribution(String label, double variance) {
        this.label = label;
        this.variance = variance;
    }

    public String label() {
        return label;
    }

    public double variance() {
        return variance;
    }

    public static InputDistribution parse(String field, String text) {
        for (InputDistribution d : values()) {
            if (d.label.equals(text)) {
                return d;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of "
                + Arrays.stream(values()).map(InputDistribution::label).collect(Collectors.joining(", ")));
    }
}
