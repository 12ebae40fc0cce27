package org.rcsweep.spec;

/**
 * The allowed ranges of the parameters the locally learned networks share ({@code learned-memory} and
 * {@code learned-spiking-memory}): feedback, noise, initial scale and the learning phase.
 */
final class LearningParameters {
    private LearningParameters() {
    }

    static void check(double feedback, double noise, double initScale, int learningSteps, double learningRate,
                      double lateralTimescale) {
        Check.open("feedback", feedback, 0.0, 1.0);
        Check.closed("noise", noise, 0.0, 100.0);
        Check.leftOpen("init_scale", initScale, 0.0, 100.0);
        Check.closed("learning_steps", learningSteps, 0, 100_000_000);
        Check.leftOpen("learning_rate", learningRate, 0.0, 0.5);
        Check.closed("lateral_timescale", lateralTimescale, 0.1, 100.0);
        if (learningRate >= lateralTimescale) {
            throw new SpecException("lateral_timescale", "must exceed learning_rate (" + learningRate
                    + "): the lateral weights learn at rate learning_rate/lateral_timescale, which must be below 1");
        }
    }
}
