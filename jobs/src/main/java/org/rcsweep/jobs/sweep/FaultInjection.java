package org.rcsweep.jobs.sweep;

import org.apache.spark.TaskContext;

/**
 * Fault injection for tests: with {@value #FAIL_FIRST_ATTEMPT} = true every point evaluation task fails on its first
 * attempt (rows must still come out complete and identical, because seeds never depend on attempt numbers); with
 * {@value #OUT_OF_MEMORY_POINT} = an id prefix, evaluating that point throws {@link OutOfMemoryError} (the point must
 * stay uncommitted, not become a row). Off unless those Spark properties are set.
 */
final class FaultInjection {
    static final String FAIL_FIRST_ATTEMPT = "spark.rcsweep.test.failFirstAttempt";
    static final String OUT_OF_MEMORY_POINT = "spark.rcsweep.test.outOfMemoryPoint";

    private FaultInjection() {
    }

    static void failFirstAttempt() {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of partition "
                    + task.partitionId() + " (" + FAIL_FIRST_ATTEMPT + ")");
        }
    }

    /** Throws {@link OutOfMemoryError} when {@value #OUT_OF_MEMORY_POINT} names this point (read on the executor). */
    static void outOfMemoryIfAsked(String pointId) {
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        String prefix = env == null ? "" : env.conf().get(OUT_OF_MEMORY_POINT, "");
        if (!prefix.isEmpty() && pointId.startsWith(prefix)) {
            throw new OutOfMemoryError("injected for point " + pointId + " (" + OUT_OF_MEMORY_POINT + ")");
        }
    }
}
