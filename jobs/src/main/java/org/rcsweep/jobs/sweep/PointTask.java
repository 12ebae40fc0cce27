package org.rcsweep.jobs.sweep;

import org.apache.spark.SparkEnv;
import org.rcsweep.eval.FailureCause;
import org.rcsweep.stats.TransposeProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;

import org.rcsweep.eval.ipc.IpcMeasurement;
import org.rcsweep.eval.ipc.IpcShard;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointSimulation;
import org.rcsweep.spec.PointSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of a batch's evaluation: a whole point, or, for a point whose IPC is spread over {@code ipc.tasks}
 * Spark tasks, either the point without IPC or one shard of its IPC rounds ({@link IpcMeasurement#measureShard}).
 *
 * @param shard  {@link #WHOLE}, {@link #WITHOUT_IPC}, or the IPC shard's index
 * @param shards how many IPC shards the point has (1 for the other two kinds)
 */
record PointTask(PointSpec spec, int shard, int shards) implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(PointTask.class);
    static final int WHOLE = -2;
    static final int WITHOUT_IPC = -1;

    /** What a unit sends back to the driver: the point (whole or without IPC), an IPC shard, or a shard's error. */
    record Output(String pointId, PointResult point, IpcShard shard, String error, String executor, boolean simd)
            implements Serializable {
        Output(String pointId, PointResult point, IpcShard shard, String error) {
            this(pointId, point, shard, error, where(), TransposeProduct.VECTORISED);
        }
    }

    /** "executor-id@host" of the JVM running this unit (the driver's id in local mode). */
    static String where() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "local" : env.executorId();
        try {
            return id + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return id;
        }
    }

    /** Whether the point's IPC is spread over several tasks. */
    static boolean isSplit(PointSpec spec) {
        return spec.ipc().enabled() && spec.ipc().tasks() > 1;
    }

    /** The units of one point: itself, or the point without IPC followed by its {@code ipc.tasks} shards. */
    static List<PointTask> of(PointSpec spec) {
        List<PointTask> out = new ArrayList<>();
        if (!isSplit(spec)) {
            out.add(new PointTask(spec, WHOLE, 1));
            return out;
        }
        out.add(new PointTask(spec, WITHOUT_IPC, 1));
        int tasks = spec.ipc().tasks();
        for (int s = 0; s < tasks; s++) {
            out.add(new PointTask(spec, s, tasks));
        }
        return out;
    }

    /** The point's IPC measured by one task: for a split whose shards do not merge (see {@link IpcMeasurement#merge}). */
    static PointTask singleShard(PointSpec spec) {
        return new PointTask(spec, 0, 1);
    }

    Output run() {
        if (shard == WHOLE || shard == WITHOUT_IPC) {
            return new Output(spec.id(), PointEvaluator.evaluate(spec, shard == WHOLE,
                    e -> LOG.error("rcsweep point {} ({} n={} replica={}) failed", spec.id(), spec.model().kind(),
                            spec.n(), spec.replica(), e)), null, null);
        }
        try {
            return new Output(spec.id(), null,
                    IpcMeasurement.measureShard(spec, PointSimulation.reservoirs(spec), shard, shards), null);
        } catch (RuntimeException e) {
            // A diverging reservoir also fails its point-without-IPC unit, whose status then stands for the point.
            // Errors of the JVM (out of memory) are left to Spark: the task is retried or the point stays uncommitted.
            LOG.error("rcsweep point {}: IPC shard {} of {} failed", spec.id(), shard, shards, e);
            return new Output(spec.id(), null, null, "IPC shard " + shard + " of " + shards + ": "
                    + FailureCause.describe(e));
        }
    }
}
