package org.rcsweep.spec;

/**
 * Leaky-integrator echo state network: x(t+1) = (1−a)·x(t) + a·f(W x(t) + w_in u(t+1) + b).
 *
 * @param activation     f: tanh (ESN) or linear (linear reservoir)
 * @param leak           a ∈ (0, 1]
 * @param gain           g: W_ij ~ N(0, g²/(pN)) on a fraction p of entries, so the bulk spectral radius is ≈ g
 * @param spectralRadius if not null, W is rescaled afterwards to exactly this spectral radius
 * @param density        p ∈ (0, 1]: fraction of nonzero recurrent weights
 * @param inputScale     s: scale of the input weights w_in
 * @param biasScale      scale of the Gaussian bias b (0 = no bias)
 */
public record EsnSpec(Activation activation, double leak, double gain, Double spectralRadius, double density,
                      double inputScale, double biasScale) implements ModelSpec {
    public static final String KIND = "esn";

    public EsnSpec {
        if (activation == null) {
            throw new SpecException("activation", "is required");
        }
        Check.leftOpen("leak", leak, 0.0, 1.0);
        Check.closed("gain", gain, 0.0, 10.0);
        if (spectralRadius != null) {
            Check.leftOpen("spectral_radius", spectralRadius, 0.0, 10.0);
        }
        Check.leftOpen("density", density, 0.0, 1.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
        Check.closed("bias_scale", biasScale, 0.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{activation=" + activation.label() + ",leak=" + leak + ",gain=" + gain
                + ",spectral_radius=" + spectralRadius + ",density=" + density + ",input_scale=" + inputScale
                + ",bias_scale=" + biasScale + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return true;
    }
}
