package org.rcsweep.spec;

/**
 * Leaky integrate-and-fire reservoir ({@code lif}): V ← β·V + w_in·u + W·s − θ·s, s = H(V − θ), θ = 1, features
 * exponentially filtered spike trains with time constant τ_r (steps). W has density p and gain g; with Dale's law
 * the first 80% of neurons are excitatory (non-negative outgoing weights) and the rest inhibitory, four times
 * stronger so that excitation and inhibition balance on average.
 */
public record LifSpec(double beta, double gain, double density, boolean dale, double inputScale, double readoutTau)
        implements ModelSpec {
    public static final String KIND = "lif";

    public LifSpec {
        Check.open("beta", beta, 0.0, 1.0);
        Check.closed("gain", gain, 0.0, 100.0);
        Check.leftOpen("density", density, 0.0, 1.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
        Check.closed("readout_tau", readoutTau, 0.1, 10_000.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{beta=" + beta + ",gain=" + gain + ",density=" + density + ",dale=" + dale + ",input_scale="
                + inputScale + ",readout_tau=" + readoutTau + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT || knob == Knob.MEAN_COUPLING;
    }
}
