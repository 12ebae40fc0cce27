package org.rcsweep.spec;

/**
 * A reservoir whose recurrent matrix is a Haar-random orthogonal matrix scaled by ρ:
 * x(t+1) = (1−a)·x(t) + a·f(ρ Q x(t) + w_in u(t+1)). With f linear and generic w_in its total memory is N.
 *
 * @param activation f
 * @param rho        ρ ∈ (0, 10]
 * @param leak       a ∈ (0, 1]
 * @param inputScale s: scale of the Gaussian input weights
 */
public record OrthogonalSpec(Activation activation, double rho, double leak, double inputScale) implements ModelSpec {
    public static final String KIND = "orthogonal";

    public OrthogonalSpec {
        if (activation == null) {
            throw new SpecException("activation", "is required");
        }
        Check.leftOpen("rho", rho, 0.0, 10.0);
        Check.leftOpen("leak", leak, 0.0, 1.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{activation=" + activation.label() + ",rho=" + rho + ",leak=" + leak
                + ",input_scale=" + inputScale + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT;
    }
}
