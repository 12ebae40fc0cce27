package org.rcsweep.spec;

/**
 * A linear ring: x(t+1) = ρ·P x(t) + e_0 u(t+1) with P the cyclic shift. Exact memory
 * m_k = (1−ρ^{2N})·ρ^{2N⌊k/N⌋}, summing to N.
 *
 * @param rho ρ ∈ (0, 1)
 */
public record RingSpec(double rho) implements ModelSpec {
    public static final String KIND = "ring";

    public RingSpec {
        Check.open("rho", rho, 0.0, 1.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{rho=" + rho + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }
}
