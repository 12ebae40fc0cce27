package org.rcsweep.random;

/**
 * Independent random streams of one sweep point, all derived from the point's seed.
 *
 * <p>Weights, input signal and readout choice each get their own stream, so that changing, say, T does not change
 * the weights of a reservoir with the same seed.
 */
public enum SeedStreams {
    RECURRENT_WEIGHTS(0x5265637572L),
    INPUT_WEIGHTS(0x496E707574L),
    BIAS(0x42696173L),
    INPUT_SIGNAL(0x5369676E616CL),
    READOUT_CHOICE(0x526561646FL),
    INPUT_PREHISTORY(0x507265686973L),
    SURROGATE_INPUT(0x5375727267L),
    SURROGATE_PREHISTORY(0x5375725072L),
    SURROGATE_CHOICE(0x53757243L),
    MODEL_EXTRA(0x4578747261L),
    /** The input stream of a model's own learning phase, independent of the measured input. */
    LEARNING_INPUT(0x4C6561726EL);

    private final long salt;

    SeedStreams(long salt) {
        this.salt = salt;
    }

    /** A generator for this stream of the point seeded by {@code pointSeed}. */
    public Rng rng(long pointSeed) {
        return new Rng(SplitMix64.mix(pointSeed ^ SplitMix64.mix(salt)));
    }
}
