package org.rcsweep.spec;

/**
 * The spiking version of {@link LearnedMemorySpec} ({@code learned-spiking-memory}), after Vertechi, Brendel &amp;
 * Machens (2014), who sketch how their learning carries over to balanced spiking networks: a spike-coding network whose
 * feedforward input is p(t) = [ū(t); γ·r(t−1)], the leaky integral of the signal and the network's own delayed rates
 * (r = a × its filtered spike trains), with voltages V = W p − M r, thresholds a·M_ii/2 and reset a·M_ii (with W = Dᵀ,
 * M = DᵀD the spike-coding network of Boerlin, Machens &amp; Denève 2013). W and M learn with the rate network's local
 * rules on the filtered spike trains, W ← W + η(r pᵀ − W), M ← M + (η/τ_M)(r rᵀ − M), until the lateral input
 * cancels the feedforward input; after {@code learning_steps} steps on the model's own seeded input stream they are
 * frozen. Every neuron gets the input through learned weights, so no correlation knob applies.
 *
 * @param feedback         γ, gain of the delayed rates in the network's input, in (0, 1)
 * @param noise            σ, standard deviation of each neuron's voltage noise per step, in [0, 100]
 * @param initScale        initial feedforward weights are N(0, init_scale²/(N+1)), M = I, in (0, 100]
 * @param learningSteps    steps of the learning phase, in [0, 10⁸]; 0 measures the network as initialised
 * @param learningRate     η, in (0, 0.5]
 * @param lateralTimescale τ_M, the lateral weights learn at rate η/τ_M, in [0.1, 100], above η
 * @param decoderScale     a, what one spike adds to its neuron's rate, in (0, 100]
 * @param readoutTau       τ_r (steps): λ = e^{−1/τ_r} is the decay per step of the spike-train filter (the readout
 *                         features and the rates), the membrane and the input's leaky integral, in [0.1, 10000]
 */
public record LearnedSpikingMemorySpec(double feedback, double noise, double initScale, int learningSteps,
                                       double learningRate, double lateralTimescale, double decoderScale,
                                       double readoutTau) implements ModelSpec {
    public static final String KIND = "learned-spiking-memory";

    public LearnedSpikingMemorySpec {
        LearningParameters.check(feedback, noise, initScale, learningSteps, learningRate, lateralTimescale);
        Check.leftOpen("decoder_scale", decoderScale, 0.0, 100.0);
        Check.closed("readout_tau", readoutTau, 0.1, 10_000.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{feedback=" + feedback + ",noise=" + noise + ",init_scale=" + initScale + ",learning_steps="
                + learningSteps + ",learning_rate=" + learningRate + ",lateral_timescale=" + lateralTimescale
                + ",decoder_scale=" + decoderScale + ",readout_tau=" + readoutTau + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }
}
