package org.rcsweep.spec;

/** How a readout's capacity is scored. */
public enum Estimator {
    /** Fit on the first part of the samples, score the squared correlation on the rest (default: no overfit bias). */
    HOLDOUT("holdout"),
    /** Fit and score on all samples: the explained-variance fraction, biased upward by about L/T per target. */
    IN_SAMPLE("in-sample");

    private final String label;

    Estimator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Estimator parse(String field, String text) {
        for (Estimator e : values()) {
            if (e.label.equals(text)) {
                return e;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of holdout, in-sample");
    }
}
