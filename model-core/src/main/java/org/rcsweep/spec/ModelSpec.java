package org.rcsweep.spec;

import java.io.Serializable;

/**
 * The parameters of one reservoir type, without its size, correlation setting or seed. Immutable and small, so it
 * travels in Spark tasks; the executor rebuilds the weights from it (see {@code org.rcsweep.model.ReservoirFactory}).
 */
public sealed interface ModelSpec extends Serializable permits EsnSpec, DelayLineSpec, RingSpec, OrthogonalSpec,
        LowRankSparseSpec, CfcSpec, DiagonalSsmSpec, LiGruSpec, CustomSpec, LifSpec, SpikeCodingSpec,
        LearnedMemorySpec, LearnedSpikingMemorySpec {
    /** The {@code kind} name used in sweep YAML and in the {@code model} column. */
    String kind();

    /** Every parameter in a fixed order and format: the input of the configuration's content hash. */
    String canonical();

    /** Whether the correlation knob can be applied to this model. */
    boolean supports(Knob knob);
}
