package org.rcsweep.spec;

/**
 * Light GRU (Ravanelli et al. 2018) with random weights: z = σ(W_z u + U_z h), h̃ = ReLU(W_h u + U_h h),
 * h ← z ⊙ h + (1 − z) ⊙ h̃. The stabilised variant (Moumen & Parcollet, "Stabilising and accelerating light gated
 * recurrent units") layer-normalises the recurrent candidate term U_h h, which keeps states bounded.
 *
 * @param gain       g: U_z, U_h i.i.d. N(0, g²/N)
 * @param inputScale scale of W_z, W_h
 * @param stabilised normalise the recurrent candidate term
 */
public record LiGruSpec(double gain, double inputScale, boolean stabilised) implements ModelSpec {
    public static final String KIND = "ligru";

    public LiGruSpec {
        Check.closed("gain", gain, 0.0, 10.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{gain=" + gain + ",input_scale=" + inputScale + ",stabilised=" + stabilised + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT || knob == Knob.MEAN_COUPLING;
    }
}
