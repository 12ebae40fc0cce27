package org.rcsweep.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The pointwise nonlinearity f of a rate reservoir. */
public enum Activation {
    TANH("tanh"),
    LINEAR("linear");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Activation parse(String field, String text) {
        for (Activation a : values()) {
            if (a.label.equals(text.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of "
                + Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", ")));
    }
}
