package org.rcsweep.spec;

/**
 * Diagonal linear state-space model h(t+1) = Λ h(t) + B u(t+1) with Λ block-diagonal: complex eigenvalue pairs
 * λ = |λ|e^{±iθ} as real 2×2 rotation-scaling blocks and, for odd N, one real eigenvalue. Moduli come from the
 * reparameterisation of weights drawn so that |λ| lies near the stability boundary (docs/models.md); phases θ are
 * uniform. The readout features are h, or tanh(h) with {@code readoutNonlinearity}.
 *
 * @param reparameterization how weights map to |λ|
 * @param minModulus         smallest |λ|: weights are drawn so that |λ| ∈ [minModulus, maxModulus]
 * @param maxModulus         largest |λ| (&lt; 1)
 * @param inputScale         scale of B
 * @param readoutNonlinearity apply tanh to the readout features
 */
public record DiagonalSsmSpec(SsmReparameterization reparameterization, double minModulus, double maxModulus,
                              double inputScale, boolean readoutNonlinearity) implements ModelSpec {
    public static final String KIND = "diagonal-ssm";

    public DiagonalSsmSpec {
        if (reparameterization == null) {
            throw new SpecException("reparameterization", "is required");
        }
        Check.open("max_modulus", maxModulus, 0.0, 1.0);
        Check.open("min_modulus", minModulus, 0.0, 1.0);
        if (minModulus > maxModulus) {
            throw new SpecException("min_modulus", minModulus + " exceeds max_modulus " + maxModulus);
        }
        Check.leftOpen("input_scale", inputScale, 0.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{reparameterization=" + reparameterization.label() + ",min_modulus=" + minModulus
                + ",max_modulus=" + maxModulus + ",input_scale=" + inputScale + ",readout_nonlinearity="
                + readoutNonlinearity + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT;
    }
}
