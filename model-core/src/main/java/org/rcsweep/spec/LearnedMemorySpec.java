package org.rcsweep.spec;

/**
 * A linear rate network that learns its own weights with local rules before it is measured ({@code
 * learned-memory}), after Vertechi, Brendel &amp; Machens (2014): its feedforward input is the signal u(t) together
 * with a delayed copy of its own rates, z(t) = [u(t); γ·r(t−1)], so that by learning to represent z efficiently the
 * network comes to represent the present input and its history. Rates settle within each step to r = M⁻¹W z + σξ;
 * feedforward weights learn Hebbian, W ← W + η(r zᵀ − W), lateral weights anti-Hebbian, M ← M + (η/τ_M)(r rᵀ − M),
 * so that the lateral input cancels the feedforward input. After {@code learning_steps} steps on its own seeded
 * input stream the weights are frozen. Every neuron gets the input through learned weights, so no correlation knob
 * applies.
 *
 * @param feedback         γ, gain of the delayed rates in the network's own input, in (0, 1)
 * @param noise            σ, standard deviation of each neuron's private Gaussian noise per step, in [0, 100]
 * @param initScale        initial feedforward weights are N(0, init_scale²/(N+1)), in (0, 100]
 * @param learningSteps    steps of the learning phase, in [0, 10⁸]; 0 measures the network as initialised
 * @param learningRate     η, in (0, 0.5]
 * @param lateralTimescale τ_M, the lateral weights learn at rate η/τ_M, in [0.1, 100]
 */
public record LearnedMemorySpec(double feedback, double noise, double initScale, int learningSteps,
                                double learningRate, double lateralTimescale) implements ModelSpec {
    public static final String KIND = "learned-memory";

    public LearnedMemorySpec {
        LearningParameters.check(feedback, noise, initScale, learningSteps, learningRate, lateralTimescale);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{feedback=" + feedback + ",noise=" + noise + ",init_scale=" + initScale + ",learning_steps="
                + learningSteps + ",learning_rate=" + learningRate + ",lateral_timescale=" + lateralTimescale + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }
}
