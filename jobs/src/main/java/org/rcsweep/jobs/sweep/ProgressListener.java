package org.rcsweep.jobs.sweep;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds {@link Progress} from Spark's scheduler events: every finished task of a job marked as a point evaluation
 * (local property {@value #PHASE_PROPERTY} = {@value #EVALUATE}) counts the points it completes ({@link UnitTally}),
 * or one failed attempt. The driver registers each job's tally with {@link #expect} before submitting it and names
 * it in the local property {@value #UNITS_PROPERTY}; the tally stays on the driver, so tasks carry nothing extra.
 * Works the same in local mode and on a cluster, since events reach the driver either way.
 */
public final class ProgressListener extends SparkListener {
    public static final String PHASE_PROPERTY = "rcsweep.phase";
    public static final String EVALUATE = "evaluate";
    public static final String UNITS_PROPERTY = "rcsweep.units";
    private final Progress progress;
    /** Tallies registered for jobs not yet started, by the key in {@value #UNITS_PROPERTY}. */
    private final Map<String, UnitTally> expected = new ConcurrentHashMap<>();
    /** Tallies of the evaluation stages, by stage id. */
    private final Map<Integer, UnitTally> evaluationStages = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    public ProgressListener(Progress progress) {
        this.progress = progress;
    }

    /** Registers the tally of a job about to be submitted; returns the key to set in {@value #UNITS_PROPERTY}. */
    String expect(UnitTally tally) {
        String key = Long.toString(keys.incrementAndGet());
        expected.put(key, tally);
        return key;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && EVALUATE.equals(jobStart.properties().getProperty(PHASE_PROPERTY))) {
            UnitTally tally = expected.remove(jobStart.properties().getProperty(UNITS_PROPERTY, ""));
            if (tally == null) {
                return;
            }
            scala.collection.Iterator<Object> it = jobStart.stageIds().iterator();
            while (it.hasNext()) {
                evaluationStages.put((Integer) it.next(), tally);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        UnitTally tally = evaluationStages.get(taskEnd.stageId());
        if (tally != null) {
            boolean success = taskEnd.reason() == Success$.MODULE$;
            progress.taskEnded(success, success ? tally.succeeded(taskEnd.taskInfo().index()) : 0);
        }
    }
}
