package org.rcsweep.jobs.sweep;

import org.apache.spark.TaskContext;

/**
 * Fault injection for tests of Spark's retry path: with {@value #FAIL_FIRST_ATTEMPT} = true every point evaluation
 * task fails on its first attempt. Rows must still come out complete and identical, because seeds never depend on
 * attempt numbers. Off unless that Spark property is set.
 */
final class FaultInjection {
    static final String FAIL_FIRST_ATTEMPT = "spark.rcsweep.test.failFirstAttempt";

    private FaultInjection() {
    }

    static void failFirstAttempt() {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of partition "
                    + task.partitionId() + " (" + FAIL_FIRST_ATTEMPT + ")");
        }
    }
}
