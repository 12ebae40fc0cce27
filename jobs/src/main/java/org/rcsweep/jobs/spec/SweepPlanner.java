package org.rcsweep.jobs.spec;

import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a sweep spec into its points (models × sizes × correlation values × replicas, in that nesting order),
 * validating each. Identical configurations listed twice are planned once.
 */
public final class SweepPlanner {
    private SweepPlanner() {
    }

    public static List<PointSpec> plan(SweepSpec spec) {
        Map<String, PointSpec> points = new LinkedHashMap<>();
        for (ModelSpec model : spec.models()) {
            for (int n : spec.sizes()) {
                List<Integer> readouts = spec.readouts().resolve(n);
                checkSamples(spec, readouts.get(readouts.size() - 1));
                for (double value : spec.correlationValues()) {
                    for (int replica = 0; replica < spec.replicas(); replica++) {
                        PointSpec p = new PointSpec(spec.name(), spec.seed(), model, n,
                                new CorrelationSpec(spec.knob(), value), replica, readouts, spec.input(),
                                spec.capacity(), spec.theory(), spec.ipc());
                        points.putIfAbsent(p.id(), p);
                    }
                }
            }
        }
        return new ArrayList<>(points.values());
    }

    /**
     * Validates every point the spec plans without listing them, so that even a grid far too large to run is checked
     * in time proportional to the length of its lists: each check below depends on one axis (a size, a model, a
     * correlation value) or on a model and a size, never on the replica. The checks are those {@link #plan} and the
     * {@link PointSpec} constructor apply, with the same fields and messages, plus one the constructor cannot make:
     * a model's rank (or the rank knob's value) may not exceed N.
     */
    public static void check(SweepSpec spec) {
        check(spec, (i, field) -> "models[" + i + "]." + field);
    }

    /**
     * As {@link #check(SweepSpec)}, with {@code modelField} giving the path of a field of the i-th model in error
     * messages (the parser's, where a model block's lists expand into several models: {@code models[0].rank[1]}).
     */
    static void check(SweepSpec spec, java.util.function.BiFunction<Integer, String, String> modelField) {
        java.util.Set<Integer> sizes = new java.util.TreeSet<>(spec.sizes());
        for (int n : sizes) {
            List<Integer> readouts = spec.readouts().resolve(n);
            checkSamples(spec, readouts.get(readouts.size() - 1));
        }
        int smallest = sizes.iterator().next();
        for (int i = 0; i < spec.models().size(); i++) {
            ModelSpec model = spec.models().get(i);
            if (!model.supports(spec.knob())) {
                throw new SpecException("correlation.knob", "'" + spec.knob().label()
                        + "' cannot be applied to model kind '" + model.kind() + "'");
            }
            if (model instanceof org.rcsweep.spec.CustomSpec custom) {
                for (int n : sizes) {
                    if (custom.size() != n) {
                        throw new SpecException("sizes", n + " differs from the N = " + custom.size()
                                + " of the custom model's weight files (allowed: exactly " + custom.size() + ")");
                    }
                }
            }
            Integer rank = model instanceof org.rcsweep.spec.LowRankSparseSpec lr ? Integer.valueOf(lr.rank())
                    : model instanceof org.rcsweep.spec.CfcSpec cfc ? Integer.valueOf(cfc.rank()) : null;
            if (rank != null && spec.knob() != org.rcsweep.spec.Knob.RANK && rank > smallest) {
                throw new SpecException(modelField.apply(i, "rank"), rank + " is outside the allowed range [1, "
                        + smallest + "]: a rank may not exceed N (the smallest N in sizes is " + smallest + ")");
            }
        }
        for (int j = 0; j < spec.correlationValues().size(); j++) {
            double value = spec.correlationValues().get(j);
            if (spec.knob() == org.rcsweep.spec.Knob.RANK) {
                if (value != Math.rint(value)) {
                    throw new SpecException("correlation.values[" + j + "]", value + " is not an integer rank");
                }
                if (value > smallest) {
                    throw new SpecException("correlation.values[" + j + "]", (long) value
                            + " is outside the allowed range [1, " + smallest + "]: a rank may not exceed N (the "
                            + "smallest N in sizes is " + smallest + ")");
                }
            }
        }
    }

    /** A readout of L neurons needs more than L training samples to be determined, and scoring needs test samples. */
    private static void checkSamples(SweepSpec spec, int lMax) {
        int steps = spec.input().steps();
        int train = spec.capacity().trainingSteps(steps);
        if (train < lMax + 2) {
            throw new SpecException("input.steps", steps + " gives " + train + " training samples, fewer than the "
                    + (lMax + 2) + " needed for " + lMax + " readouts (allowed: steps·train_fraction ≥ L + 2)");
        }
        if (steps - train < 2 && train < steps) {
            throw new SpecException("capacity.train_fraction", spec.capacity().trainFraction()
                    + " leaves fewer than 2 held-out samples of " + steps);
        }
    }
}
