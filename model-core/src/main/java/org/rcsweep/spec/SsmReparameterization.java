package org.rcsweep.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a diagonal state-space model maps an unconstrained weight w to an eigenvalue modulus |λ| ∈ (0, 1) (Wang & Li,
 * "StableSSM: Alleviating the Curse of Memory in State-space Models through Stable Reparameterization"). For a
 * sweep the moduli are drawn, so the reparameterisation decides how they crowd toward the stability boundary.
 */
public enum SsmReparameterization {
    /** |λ| = w, clipped into (0, 1): the unstable direct parameterisation. */
    NONE("none"),
    /** |λ| = exp(−exp(w)). */
    EXP("exp"),
    /** |λ| = exp(−softplus(w)). */
    SOFTPLUS("softplus"),
    /** The paper's "best" map, |λ| = 1 − 1/(w² + 1): gradient-stable near |λ| → 1. */
    BEST("best");

    private final String label;

    SsmReparameterization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** |λ| from the unconstrained weight w. */
    public double modulus(double w) {
        double m = switch (this) {
            case NONE -> w;
            case EXP -> StrictMath.exp(-StrictMath.exp(w));
            case SOFTPLUS -> StrictMath.exp(-StrictMath.log1p(StrictMath.exp(w)));
            case BEST -> 1.0 - 1.0 / (w * w + 1.0);
        };
        return Math.min(Math.max(m, 1e-6), 1.0 - 1e-9);
    }

    public static SsmReparameterization parse(String field, String text) {
        for (SsmReparameterization r : values()) {
            if (r.label.equals(text)) {
                return r;
            }
        }
        throw new SpecException(field, "'" + text + "' is not one of "
                + Arrays.stream(values()).map(SsmReparameterization::label).collect(Collectors.joining(", ")));
    }
}
