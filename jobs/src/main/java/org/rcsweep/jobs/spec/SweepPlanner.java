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
