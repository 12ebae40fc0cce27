package org.rcsweep.jobs.spec;

import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.Check;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.io.Serializable;
import java.util.List;

/**
 * A validated sweep: the grid models × sizes × correlation values × replicas, each point measured for every readout
 * count, with shared input and capacity settings.
 *
 * @param name              label written to every row
 * @param seed              master seed; each point's seed derives from it and the point's content hash
 * @param replicas          independent replicas per grid cell
 * @param models            reservoir types with their parameters
 * @param sizes             reservoir sizes N
 * @param knob              correlation knob
 * @param correlationValues the knob's values
 * @param readouts          readout counts rule
 * @param input             driving input
 * @param capacity          measurement settings
 * @param theory            which theory predictions to compute
 * @param ipc               information processing capacity settings
 * @param batchPoints       points per committed output batch (resume granularity)
 */
public record SweepSpec(String name, long seed, int replicas, List<ModelSpec> models, List<Integer> sizes, Knob knob,
                        List<Double> correlationValues, ReadoutRule readouts, InputSpec input, CapacitySpec capacity,
                        TheorySpec theory, IpcSpec ipc, int batchPoints) implements Serializable {
    public static final int MAX_REPLICAS = 10_000;

    public SweepSpec {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new SpecException("name", "'" + name + "' must be 1-64 characters from A-Z a-z 0-9 _ . -");
        }
        Check.closed("replicas", replicas, 1, MAX_REPLICAS);
        Check.closed("run.batch_points", batchPoints, 1, 100_000);
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        correlationValues = List.copyOf(correlationValues);
        for (int i = 0; i < sizes.size(); i++) {
            Check.closed("sizes[" + i + "]", sizes.get(i), 1, org.rcsweep.spec.PointSpec.MAX_N);
        }
    }
}
