package org.rcsweep.jobs.sweep;

import org.rcsweep.eval.FailureCause;

import java.util.List;

/**
 * A batch whose Spark job failed (after Spark's own task retries): an executor lost, a task out of memory. Its
 * points are not committed; batches committed before it stay, and running the same command again computes the rest.
 */
public final class BatchNotCommitted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> pointIds;
    private final int committed;
    private final int planned;

    BatchNotCommitted(String batchId, List<String> pointIds, int committed, int planned, Throwable cause) {
        super("batch " + batchId + " (" + pointIds.size() + " points: " + String.join(", ",
                pointIds.subList(0, Math.min(3, pointIds.size()))) + (pointIds.size() > 3 ? ", …" : "")
                + ") was not committed: " + FailureCause.describe(cause), cause);
        this.pointIds = List.copyOf(pointIds);
        this.committed = committed;
        this.planned = planned;
    }

    public List<String> pointIds() {
        return pointIds;
    }

    /** Points committed in the directory when the batch was lost (before this run and in it). */
    public int committed() {
        return committed;
    }

    public int planned() {
        return planned;
    }

    /** Whether the cause says the JVM ran out of memory (then more executor memory is the remedy). */
    public boolean outOfMemory() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || String.valueOf(t.getMessage()).contains("OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }
}
