package org.rcsweep.spec;

import java.io.Serializable;

/** One setting of the correlation axis: a knob and its value. */
public record CorrelationSpec(Knob knob, double value) implements Serializable {
    public CorrelationSpec {
        if (knob == null) {
            throw new SpecException("knob", "is required");
        }
        Check.closed("value", value, knob.min(), knob.max());
    }

    public static CorrelationSpec none() {
        return new CorrelationSpec(Knob.NONE, 0.0);
    }

    public String canonical() {
        return knob.label() + "=" + value;
    }
}
