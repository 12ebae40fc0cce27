package org.rcsweep.spec;

/**
 * Spike-coding network ({@code spike-coding}): N neurons encode an M-dimensional leaky integral of the input with
 * decoder D, recurrent weights Ω = −DᵀD and thresholds ‖D_i‖²/2 (Boerlin, Machens & Denève 2013). Every neuron sees
 * the same M-dimensional error, so no correlation knob applies.
 */
public record SpikeCodingSpec(int dimensions, double decoderScale, double leak, double noise, double inputScale,
                              double readoutTau) implements ModelSpec {
    public static final String KIND = "spike-coding";

    public SpikeCodingSpec {
        Check.closed("dimensions", dimensions, 1, 100);
        Check.leftOpen("decoder_scale", decoderScale, 0.0, 100.0);
        Check.open("leak", leak, 0.0, 1.0);
        Check.closed("noise", noise, 0.0, 100.0);
        Check.leftOpen("input_scale", inputScale, 0.0, 100.0);
        Check.closed("readout_tau", readoutTau, 0.1, 10_000.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{dimensions=" + dimensions + ",decoder_scale=" + decoderScale + ",leak=" + leak + ",noise="
                + noise + ",input_scale=" + inputScale + ",readout_tau=" + readoutTau + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }
}
