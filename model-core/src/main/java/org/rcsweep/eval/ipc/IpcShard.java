package org.rcsweep.eval.ipc;

import org.rcsweep.ipc.IpcTarget;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What one task measured of a point's IPC target set when the set is spread over {@code shards} tasks
 * ({@code ipc.tasks}): the rounds of the early-stopping iteration dealt to this shard (every family's leading
 * rounds, and a share of the later ones; see {@link IpcMeasurement#measureShard}), each family followed until one
 * of <em>these</em> rounds keeps none of its targets. A shard cannot know whether another shard's earlier round
 * already stopped a family, so it may measure rounds the single-task iteration would not reach;
 * {@link IpcMeasurement#merge} replays the single-task iteration over all shards and ignores them.
 *
 * @param shard      this shard's index, 0 ≤ shard &lt; shards
 * @param shards     how many shards the point's targets were spread over
 * @param sharedTargets a family's leading rounds holding at most this many targets are measured by every shard
 * @param thresholds per family (index in {@code TargetFamily.upTo} order), the threshold per readout count
 * @param rounds     per family, the rounds measured (bit k: the round of spans k·window … (k + 1)·window − 1)
 * @param kept       capacities per readout count of every measured target that passed its threshold at some L
 * @param bounded    whether the shard stopped because it had measured {@code ipc.max_targets} targets itself
 * @param measured   targets this shard measured in its own rounds (its share of the work)
 * @param seconds    wall time of the shard's measurement
 */
public record IpcShard(int shard, int shards, int sharedTargets, List<double[]> thresholds, List<BitSet> rounds,
                       Map<IpcTarget, double[]> kept, boolean bounded, int measured, double seconds)
        implements Serializable {
}
