package org.rcsweep.eval;

import org.rcsweep.spec.PointSpec;

import java.io.Serializable;
import java.util.List;

/**
 * Everything measured for one point: one {@link ReadoutResult} per requested L (in the spec's order), plus timings.
 * Timings (seconds) are the only fields that differ between runs of the same spec.
 */
public record PointResult(PointSpec spec, String pointId, long seed, PointStatus status, String message,
                          List<ReadoutResult> readouts, TheorySummary theory, double simulateSeconds,
                          double capacitySeconds, double theorySeconds)
        implements Serializable {
    public PointResult {
        readouts = List.copyOf(readouts);
    }
}
