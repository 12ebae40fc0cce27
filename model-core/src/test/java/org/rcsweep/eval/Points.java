package org.rcsweep.eval;

import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

/** Test helper: point specs with few words. */
final class Points {
    private Points() {
    }

    static PointSpec point(ModelSpec model, int n, List<Integer> readouts, int steps, int washout, int maxDelay,
                           Estimator estimator, long sweepSeed) {
        CapacitySpec cap = CapacitySpec.defaults().withEstimator(estimator).withMaxDelay(maxDelay);
        return new PointSpec("test", sweepSeed, model, n, CorrelationSpec.none(), 0, readouts,
                new InputSpec(InputDistribution.UNIFORM, steps, washout), cap, TheorySpec.defaults(), IpcSpec.disabled());
    }

    static ReadoutResult only(PointResult r) {
        if (r.status() != PointStatus.OK) {
            throw new AssertionError("point status " + r.status() + ": " + r.message());
        }
        return r.readouts().get(r.readouts().size() - 1);
    }
}
