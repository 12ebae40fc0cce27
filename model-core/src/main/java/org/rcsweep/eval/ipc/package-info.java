/**
 * Measuring a point's information processing capacity: the early-stopping iteration over target rounds
 * ({@link org.rcsweep.eval.ipc.IpcRounds}), the thresholds ({@link org.rcsweep.eval.ipc.IpcThresholds}), the
 * one-pass-per-block capacities ({@link org.rcsweep.eval.ipc.BlockCapacities}), and a point's rounds spread over
 * several tasks: which shard measures which round ({@link org.rcsweep.eval.ipc.RoundOwners}), what a shard returns
 * ({@link org.rcsweep.eval.ipc.IpcShard}) and the replay that merges shards into the single-task result
 * ({@link org.rcsweep.eval.ipc.ShardMerge}). Measuring and merging walk the same {@code IpcRounds}.
 */
package org.rcsweep.eval.ipc;
