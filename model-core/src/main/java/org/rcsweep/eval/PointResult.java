package org.rcsweep.eval;

import org.rcsweep.ipc.IpcResult;
import org.rcsweep.spec.PointSpec;

import org.rcsweep.model.LearningRecord;
import org.rcsweep.model.SpikeStatistics;

import java.io.Serializable;
import java.util.List;

/**
 * Everything measured for one point: one {@link ReadoutResult} per requested L (in the spec's order), plus timings.
 * {@code ipc} is null when IPC was not requested or the point did not run; {@code spikes} is null for rate models.
 * Timings (seconds) are the only fields that differ between runs of the same spec.
 */
public record PointResult(PointSpec spec, String pointId, long seed, PointStatus status, String message,
                          List<ReadoutResult> readouts, TheorySummary theory, IpcResult ipc,
                          double simulateSeconds, double capacitySeconds, double theorySeconds, double ipcSeconds,
                          SpikeStatistics spikes, LearningRecord learning)
        implements Serializable {
    public PointResult {
        readouts = List.copyOf(readouts);
    }

    /** This result with the IPC measured by other tasks ({@code ipc.tasks}) and their summed time. */
    public PointResult withIpc(IpcResult measured, double seconds) {
        return new PointResult(spec, pointId, seed, status, message, readouts, theory, measured, simulateSeconds,
                capacitySeconds, theorySeconds, seconds, spikes, learning);
    }
}
