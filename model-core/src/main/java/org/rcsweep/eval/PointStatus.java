package org.rcsweep.eval;

/** The outcome of evaluating a point (or one readout count of it), as written in the {@code status} column. */
public enum PointStatus {
    OK("ok"),
    /** The reservoir state became non-finite or exceeded the divergence bound. */
    DIVERGED("diverged"),
    /** The readout Gram matrix was not positive definite or its condition estimate exceeded the limit. */
    ILL_CONDITIONED("ill_conditioned"),
    /** An unexpected error; the message says which. */
    FAILED("failed");

    private final String label;

    PointStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
