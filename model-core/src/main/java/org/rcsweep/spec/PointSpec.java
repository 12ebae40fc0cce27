package org.rcsweep.spec;

import org.rcsweep.random.ContentHash;

import java.io.Serializable;
import java.util.List;

/**
 * One reservoir configuration of a sweep: everything an executor needs to simulate it and measure every readout
 * count L. Its id is a content hash of all fields that change the numbers; its seed derives from the sweep seed and
 * the content hash of the reservoir's own configuration, never from where or when the point runs.
 *
 * @param sweep       the sweep's name (a label; not part of the id)
 * @param sweepSeed   the sweep's master seed
 * @param model       reservoir type and parameters
 * @param n           number of neurons N
 * @param correlation correlation knob and value
 * @param replica     replica index (independent weights and input for the same parameters)
 * @param readouts    readout counts L, strictly increasing, each in [1, N]
 * @param input       driving input
 * @param capacity    measurement settings
 * @param theory      which theory predictions to compute
 * @param ipc         information processing capacity settings
 */
public record PointSpec(String sweep, long sweepSeed, ModelSpec model, int n, CorrelationSpec correlation,
                        int replica, List<Integer> readouts, InputSpec input, CapacitySpec capacity,
                        TheorySpec theory, IpcSpec ipc)
        implements Serializable {
    public static final int MAX_N = 100_000;

    /** Training samples needed per readout neuron of the largest readout count. */
    public static final int MIN_SAMPLES_PER_READOUT = 5;

    public PointSpec {
        if (model == null || correlation == null || input == null || capacity == null || readouts == null
                || theory == null || ipc == null) {
            throw new IllegalArgumentException("model, correlation, input, capacity, theory and readouts are required");
        }
        Check.closed("n", n, 1, MAX_N);
        Check.closed("replica", replica, 0, Integer.MAX_VALUE);
        readouts = List.copyOf(readouts);
        if (readouts.isEmpty()) {
            throw new SpecException("readouts", "needs at least one readout count");
        }
        int previous = 0;
        for (int l : readouts) {
            if (l < 1 || l > n) {
                throw new SpecException("readouts", l + " is outside the allowed range [1, " + n + "] (n = " + n + ")");
            }
            if (l <= previous) {
                throw new SpecException("readouts", "must be strictly increasing, got " + readouts);
            }
            previous = l;
        }
        // A readout of L neurons fitted to fewer than a few L samples has capacities dominated by the in-sample
        // excess (about L/T per delay): such numbers would be reported as measurements.
        int training = capacity.trainingSteps(input.stepsPerStream()) * input.streams();
        if (training < MIN_SAMPLES_PER_READOUT * previous) {
            throw new SpecException("input.steps", input.steps() + " samples give " + training + " training samples for"
                    + " up to L = " + previous + " readouts; at least " + MIN_SAMPLES_PER_READOUT + "·L = "
                    + MIN_SAMPLES_PER_READOUT * previous + " are needed (raise input.steps or lower the readouts)");
        }
        if (correlation.knob() == Knob.RANK && correlation.value() != Math.rint(correlation.value())) {
            throw new SpecException("correlation.values", correlation.value() + " is not an integer rank");
        }
        if (model instanceof CustomSpec custom && custom.size() != n) {
            throw new SpecException("sizes", n + " differs from the N = " + custom.size()
                    + " of the custom model's weight files (allowed: exactly " + custom.size() + ")");
        }
        if (!model.supports(correlation.knob())) {
            throw new SpecException("correlation.knob", "'" + correlation.knob().label()
                    + "' cannot be applied to model kind '" + model.kind() + "'");
        }
    }

    /** The text whose hash is the point id (bump the leading version when the numerics change meaning). */
    public String canonical() {
        return "rcsweep-point-v1|seed=" + sweepSeed + "|model=" + model.canonical() + "|n=" + n
                + "|correlation=" + correlation.canonical() + "|replica=" + replica + "|readouts=" + readouts
                + "|input=" + input.canonical() + "|capacity=" + capacity.canonical() + "|theory=" + theory.canonical()
                + "|ipc=" + ipc.canonical();
    }

    public String id() {
        return ContentHash.of(canonical());
    }

    /**
     * The text naming the reservoir alone (model, N, correlation setting, replica, sweep seed): the seed derives from
     * its hash, so changing only measurement settings (T, K, estimator, theory, IPC) keeps the same weights, input
     * stream and readout choice, and measurements of one network under different settings stay comparable.
     */
    public String reservoirCanonical() {
        return "rcsweep-reservoir-v1|seed=" + sweepSeed + "|model=" + model.canonical() + "|n=" + n
                + "|correlation=" + correlation.canonical() + "|replica=" + replica;
    }

    public long seed() {
        return ContentHash.derivedSeed(sweepSeed, ContentHash.of(reservoirCanonical()));
    }

    public int maxReadouts() {
        return readouts.get(readouts.size() - 1);
    }

    public int maxDelay() {
        return capacity.resolvedMaxDelay(n);
    }
}
