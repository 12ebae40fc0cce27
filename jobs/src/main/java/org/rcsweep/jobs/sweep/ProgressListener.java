package org.rcsweep.jobs.sweep;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds {@link Progress} from Spark's scheduler events: every finished task of a job marked as a point evaluation
 * (local property {@value #PHASE_PROPERTY} = {@value #EVALUATE}) counts as one point evaluated, or one failed attempt.
 * Works the same in local mode and on a cluster, since events reach the driver either way.
 */
public final class ProgressListener extends SparkListener {
    public static final String PHASE_PROPERTY = "rcsweep.phase";
    public static final String EVALUATE = "evaluate";
    private final Progress progress;
    private final Set<Integer> evaluationStages = ConcurrentHashMap.newKeySet();

    public ProgressListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && EVALUATE.equals(jobStart.properties().getProperty(PHASE_PROPERTY))) {
            scala.collection.Iterator<Object> it = jobStart.stageIds().iterator();
            while (it.hasNext()) {
                evaluationStages.add((Integer) it.next());
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (evaluationStages.contains(taskEnd.stageId())) {
            progress.taskEnded(taskEnd.reason() == Success$.MODULE$);
        }
    }
}
