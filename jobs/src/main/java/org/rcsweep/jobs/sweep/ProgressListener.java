package org.rcsweep.jobs.sweep;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds {@link Progress} from Spark's scheduler events: every finished task of a job marked as a point evaluation
 * (local property {@value #PHASE_PROPERTY} = {@value #EVALUATE}) counts as its points evaluated, or as one failed
 * attempt. The job says how many points each task (partition) holds in the local property {@value #POINTS_PROPERTY}
 * (comma-separated, by partition index). Works the same in local mode and on a cluster, since events reach the
 * driver either way.
 */
public final class ProgressListener extends SparkListener {
    public static final String PHASE_PROPERTY = "rcsweep.phase";
    public static final String EVALUATE = "evaluate";
    public static final String POINTS_PROPERTY = "rcsweep.points";
    private final Progress progress;
    /** Points per partition, by stage id of the evaluation stages. */
    private final Map<Integer, int[]> evaluationStages = new ConcurrentHashMap<>();

    public ProgressListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && EVALUATE.equals(jobStart.properties().getProperty(PHASE_PROPERTY))) {
            String sizes = jobStart.properties().getProperty(POINTS_PROPERTY, "");
            int[] points = sizes.isEmpty() ? new int[0]
                    : java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
            scala.collection.Iterator<Object> it = jobStart.stageIds().iterator();
            while (it.hasNext()) {
                evaluationStages.put((Integer) it.next(), points);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        int[] points = evaluationStages.get(taskEnd.stageId());
        if (points != null) {
            int index = taskEnd.taskInfo().index();
            progress.taskEnded(taskEnd.reason() == Success$.MODULE$, index < points.length ? points[index] : 1);
        }
    }
}
