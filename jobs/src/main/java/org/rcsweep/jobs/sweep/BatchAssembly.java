package org.rcsweep.jobs.sweep;

import org.rcsweep.eval.ipc.IpcMeasurement;
import org.rcsweep.eval.ipc.IpcShard;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts a batch's task outputs back together as one result per point, in the batch's order. A point whose IPC was
 * spread over several tasks gets the merge of its shards ({@link IpcMeasurement#merge}), which equals the
 * single-task measurement bit for bit; where the shards do not merge (a shard stopped at {@code ipc.max_targets}
 * before a round the merge needs) its IPC is measured again in one task, so the rows never depend on the split.
 */
final class BatchAssembly {
    private BatchAssembly() {
    }

    /**
     * @param remeasure runs the given single-task IPC units (on the cluster) and returns their outputs
     * @return the batch's results and how many points needed the single-task measurement
     */
    static Assembled assemble(List<PointSpec> batch, List<PointTask.Output> outputs,
                              Function<List<PointTask>, List<PointTask.Output>> remeasure) {
        Map<String, PointResult> points = new HashMap<>();
        Map<String, List<IpcShard>> shards = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        collect(outputs, points, shards, errors);

        List<PointTask> again = new ArrayList<>();
        Map<String, IpcResult> merged = new HashMap<>();
        for (PointSpec spec : batch) {
            if (splitAndMeasured(spec, points, errors)) {
                Optional<IpcResult> ipc = IpcMeasurement.merge(spec, shards.get(spec.id()));
                if (ipc.isPresent()) {
                    merged.put(spec.id(), ipc.get());
                } else {
                    again.add(PointTask.singleShard(spec));
                }
            }
        }
        if (!again.isEmpty()) {
            Map<String, List<IpcShard>> single = new HashMap<>();
            collect(remeasure.apply(again), new HashMap<>(), single, errors);
            for (PointTask t : again) {
                String id = t.spec().id();
                if (!errors.containsKey(id)) {
                    merged.put(id, IpcMeasurement.merge(t.spec(), single.get(id)).orElseThrow());
                    shards.get(id).addAll(single.get(id)); // its time counts too
                }
            }
        }

        List<PointResult> results = new ArrayList<>();
        for (PointSpec spec : batch) {
            String id = spec.id();
            PointResult point = points.get(id);
            if (point == null) {
                throw new IllegalStateException("no result came back for point " + id);
            }
            if (splitAndMeasured(spec, points, errors)) {
                double seconds = shards.get(id).stream().mapToDouble(IpcShard::seconds).sum();
                point = point.withIpc(merged.get(id), seconds);
            } else if (errors.containsKey(id) && !failed(point)) {
                point = PointEvaluator.failure(point, PointStatus.FAILED, errors.get(id));
            }
            results.add(point);
        }
        return new Assembled(results, again.size());
    }

    /** The batch's results in its order; {@code remeasured} points had their IPC measured again in one task. */
    record Assembled(List<PointResult> results, int remeasured) {
    }

    private static void collect(List<PointTask.Output> outputs, Map<String, PointResult> points,
                                Map<String, List<IpcShard>> shards, Map<String, String> errors) {
        for (PointTask.Output o : outputs) {
            if (o.point() != null) {
                points.put(o.pointId(), o.point());
            } else if (o.shard() != null) {
                shards.computeIfAbsent(o.pointId(), k -> new ArrayList<>()).add(o.shard());
            } else {
                errors.merge(o.pointId(), o.error(), (a, b) -> a.compareTo(b) <= 0 ? a : b); // one, whatever order
            }
        }
    }

    /** A split point whose IPC is to be merged: measured without IPC successfully and no shard failed. */
    private static boolean splitAndMeasured(PointSpec spec, Map<String, PointResult> points,
                                            Map<String, String> errors) {
        PointResult point = points.get(spec.id());
        return PointTask.isSplit(spec) && point != null && !failed(point)
                && !errors.containsKey(spec.id());
    }

    /** Diverged or failed: no IPC, as in a single task. */
    private static boolean failed(PointResult point) {
        return point.status() == PointStatus.DIVERGED || point.status() == PointStatus.FAILED;
    }
}
