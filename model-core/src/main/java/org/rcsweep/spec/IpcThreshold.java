package org.rcsweep.spec;

/** How spurious (finite-sample) capacities are told apart from real ones. */
public enum IpcThreshold {
    /** Keep C ≥ f·χ²⁻¹_L(1−p)/T: the (1−p) quantile of the null distribution of T·C for L readouts (Dambre 2012). */
    CHI2("chi2"),
    /**
     * Keep C ≥ scale·max surrogate capacity of the same family, surrogates being targets of the same family built
     * from an independent input stream (Kubota et al. 2021).
     */
    SHUFFLE("shuffle");

    private final String label;

    IpcThreshold(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static IpcThreshold parse(String field, String text) {
        for (IpcThreshold t : values()) {
            if (t.label.equals(text)) {
                return t;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of chi2, shuffle");
    }
}
