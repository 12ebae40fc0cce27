package org.rcsweep.jobs.sweep;

/**
 * Which points a submitted job's tasks complete, for the progress line. A point may have several units (a point
 * whose IPC is split over tasks has the point without IPC and one unit per shard), and its units may land in
 * different tasks: the point counts as evaluated when the last task holding one of its units first succeeds, not
 * when the first does. Thread-safe: Spark's listener bus calls in from its own thread.
 */
final class UnitTally {
    private final int[][] pointsByTask;
    private final int[] remaining;
    private final boolean[] succeeded;

    /**
     * @param pointsByTask for each task (partition) of the job, the ordinal of the point of each of its units (an
     *                     ordinal repeats when a task holds several units of one point); an empty array for a task
     *                     whose units complete no point (a remeasurement of points already counted)
     * @param points       the number of point ordinals
     */
    UnitTally(int[][] pointsByTask, int points) {
        this.pointsByTask = pointsByTask;
        this.remaining = new int[points];
        this.succeeded = new boolean[pointsByTask.length];
        for (int[] task : pointsByTask) {
            for (int ordinal : task) {
                remaining[ordinal]++;
            }
        }
    }

    /** Points whose last outstanding unit was in this task, on its first success (0 for a repeated success). */
    synchronized int succeeded(int task) {
        if (task < 0 || task >= succeeded.length || succeeded[task]) {
            return 0;
        }
        succeeded[task] = true;
        int completed = 0;
        for (int ordinal : pointsByTask[task]) {
            if (--remaining[ordinal] == 0) {
                completed++;
            }
        }
        return completed;
    }
}
