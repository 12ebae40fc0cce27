package org.rcsweep.jobs.sweep;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.jobs.spark.SparkSchemas;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.random.ContentHash;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.tables.PointRows;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The sweep: plans the points, skips those already committed in the output directory, and evaluates the rest in
 * batches, one Spark task per point (or per few points when a batch has many per core, or several per point when its
 * IPC is spread over {@code ipc.tasks} tasks). Each batch's results are written by the driver, while the executors
 * evaluate the next batches, as one committed batch directory per table (see {@link ResultDirectory} for the protocol
 * that makes interruption and resume safe).
 */
public final class SweepJob {
    /** Evaluation tasks per core and batch (see {@link #evaluate}). */
    static final int TASKS_PER_CORE = 4;
    /** Batches submitted ahead of the one being written (see {@link #runBatches}). */
    static final int BATCHES_IN_FLIGHT = 3;
    /**
     * @param maxBatches     stop after this many batches (0 = run to completion); lets a user time-box a run and the
     *                       tests interrupt one
     * @param progress     where progress goes
     * @param progressMode  terminal (redrawn line), lines (one per committed batch) or quiet
     */
    public record Options(int maxBatches, PrintStream progress, Progress.Mode progressMode) {
        public static Options quiet() {
            return new Options(0, new PrintStream(OutputStream.nullOutputStream()), Progress.Mode.QUIET);
        }

        public Options withMaxBatches(int n) {
            return new Options(n, progress, progressMode);
        }
    }

    /**
     * What a run did. {@code statuses} counts points by status among those computed in this run;
     * {@code ipcRemeasured} counts points split over several IPC tasks whose shards did not merge, so that their IPC
     * was measured again by one task (see {@link BatchAssembly}).
     */
    public record Summary(int planned, int alreadyCommitted, int computed, Map<String, Long> statuses,
                          List<String> recovered, boolean complete, int ipcRemeasured) {
    }

    private SweepJob() {
    }

    public static Summary run(SparkSession spark, SweepSpec spec, String outDir, Options options) {
        List<PointSpec> planned = SweepPlanner.plan(spec);
        ResultDirectory out = new ResultDirectory(outDir, spark.sparkContext().hadoopConfiguration());
        List<String> recovered = out.recover();
        Set<String> committed = out.committedPointIds(spark);
        List<PointSpec> todo = new ArrayList<>();
        for (PointSpec p : planned) {
            if (!committed.contains(p.id())) {
                todo.add(p);
            }
        }
        int already = planned.size() - todo.size();
        Progress progress = new Progress(options.progress(), options.progressMode(), planned.size(), already);
        ProgressListener listener = new ProgressListener(progress);
        spark.sparkContext().addSparkListener(listener);
        try {
            return runBatches(spark, spec, out, todo, planned.size(), already, recovered, options, progress,
                    listener);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    /**
     * Keeps {@value #BATCHES_IN_FLIGHT} batches submitted: while the driver waits for batch i, batches i + 1 and i + 2
     * are queued too, and while it writes batch i, batches i + 1 to i + 3 evaluate. The writes run on the driver, not
     * in a task slot; and the next batch's tasks are already queued when batch i's last task ends, so no core idles
     * through a batch's tail (with one batch ahead, the next was submitted only after the whole batch had returned).
     * Three rather than two because the first write of a fresh JVM (the Parquet path still interpreted, sharing the
     * cores with the tasks) took 4-5 s in workload 4, longer than the two batches queued behind it took to
     * evaluate: the cores idled until it ended. A batch still commits only once its own files are written, in order,
     * so an interruption loses at most the batches not yet committed, which a resumed run computes again.
     */
    private static Summary runBatches(SparkSession spark, SweepSpec spec, ResultDirectory out, List<PointSpec> todo,
                                      int planned, int already, List<String> recovered, Options options,
                                      Progress progress, ProgressListener listener) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean injectFaults = spark.sparkContext().getConf().getBoolean(FaultInjection.FAIL_FIRST_ATTEMPT, false);
        String version = CodeVersion.get();
        List<List<PointSpec>> batches = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += spec.batchPoints()) {
            if (options.maxBatches() > 0 && batches.size() == options.maxBatches()) {
                break;
            }
            batches.add(todo.subList(from, Math.min(todo.size(), from + spec.batchPoints())));
        }
        Map<String, Long> statuses = new TreeMap<>();
        int computed = 0;
        int remeasured = 0;
        Deque<JavaFutureAction<List<PointTask.Output>>> pending = new ArrayDeque<>();
        for (int b = 0; b < Math.min(BATCHES_IN_FLIGHT, batches.size()); b++) {
            pending.add(evaluate(jsc, listener, batches.get(b), injectFaults));
        }
        try {
            for (int i = 0; i < batches.size(); i++) {
                List<PointTask.Output> outputs = await(pending.poll());
                if (i + BATCHES_IN_FLIGHT < batches.size()) {
                    pending.add(evaluate(jsc, listener, batches.get(i + BATCHES_IN_FLIGHT), injectFaults));
                }
                List<PointSpec> batch = batches.get(i);
                BatchAssembly.Assembled assembled = BatchAssembly.assemble(batch, outputs,
                        again -> await(submit(jsc, listener, again, false,
                                "IPC of " + again.size() + " split points in one task each", false)));
                List<PointResult> results = assembled.results();
                remeasured += assembled.remeasured();
                commit(out, batchId(batch), results, version);
                long notOk = 0;
                for (PointResult r : results) {
                    statuses.merge(r.status().label(), 1L, Long::sum);
                    notOk += r.status() == PointStatus.OK ? 0 : 1;
                }
                computed += batch.size();
                progress.committed(batch.size(), notOk);
            }
        } finally {
            for (JavaFutureAction<List<PointTask.Output>> left : pending) {
                left.cancel(true); // only after a failure: every future is consumed in the loop otherwise
            }
        }
        progress.finish();
        return new Summary(planned, already, computed, statuses, recovered, already + computed == planned,
                remeasured);
    }

    private static String batchId(List<PointSpec> batch) {
        return ContentHash.of(String.join(",", batch.stream().map(PointSpec::id).sorted().toList())).substring(0, 16);
    }

    /**
     * Submits a batch's evaluation; the results come back to the driver. A point is one unit, or 1 + ipc.tasks
     * units when its IPC is spread over several tasks ({@link PointTask#of}). A task runs one unit where the batch
     * has at most {@value #TASKS_PER_CORE} units per core, else a contiguous slice of about units / (that many
     * tasks): each task costs Spark some milliseconds to ship, start and return, which for small points was a
     * fifth of their time. Seeds come from point ids, so the grouping changes no value.
     */
    private static JavaFutureAction<List<PointTask.Output>> evaluate(JavaSparkContext jsc, ProgressListener listener,
                                                                     List<PointSpec> batch, boolean injectFaults) {
        List<PointTask> units = new ArrayList<>();
        batch.forEach(p -> units.addAll(PointTask.of(p)));
        return submit(jsc, listener, units, true, "rcsweep batch " + batchId(batch) + " (" + batch.size() + " points)",
                injectFaults);
    }

    /**
     * @param countsPoints whether the units' points are counted as evaluated when their last unit ends (false for a
     *                     remeasurement of points the progress line already counted)
     */
    private static JavaFutureAction<List<PointTask.Output>> submit(JavaSparkContext jsc, ProgressListener listener,
                                                                   List<PointTask> units, boolean countsPoints,
                                                                   String description, boolean injectFaults) {
        int tasks = Math.max(1, Math.min(units.size(), TASKS_PER_CORE * jsc.defaultParallelism()));
        // One slice per partition, cut here, so that the points per task are known without Spark's slicing rule.
        List<List<PointTask>> slices = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        int[][] pointsByTask = new int[tasks][];
        for (int t = 0; t < tasks; t++) {
            List<PointTask> slice = new ArrayList<>(units.subList((int) ((long) t * units.size() / tasks),
                    (int) ((long) (t + 1) * units.size() / tasks)));
            slices.add(slice);
            pointsByTask[t] = !countsPoints ? new int[0] : slice.stream()
                    .mapToInt(u -> ordinals.computeIfAbsent(u.spec().id(), id -> ordinals.size())).toArray();
        }
        String tally = listener.expect(new UnitTally(pointsByTask, ordinals.size()));
        jsc.setJobDescription(description);
        jsc.setLocalProperty(ProgressListener.PHASE_PROPERTY, ProgressListener.EVALUATE);
        jsc.setLocalProperty(ProgressListener.UNITS_PROPERTY, tally);
        try {
            return jsc.parallelize(slices, tasks)
                    .flatMap(slice -> {
                        if (injectFaults) {
                            FaultInjection.failFirstAttempt();
                        }
                        List<PointTask.Output> results = new ArrayList<>();
                        slice.forEach(unit -> results.add(unit.run()));
                        return results.iterator();
                    })
                    .collectAsync();
        } finally {
            jsc.setLocalProperty(ProgressListener.PHASE_PROPERTY, null);
            jsc.setLocalProperty(ProgressListener.UNITS_PROPERTY, null);
        }
    }

    private static <T> List<T> await(JavaFutureAction<List<T>> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was evaluated", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a batch failed: " + cause, cause);
        }
    }

    /**
     * Writes each table's rows of the batch into one Parquet file (a batch's rows are few enough, and a direct write
     * costs a fraction of a Spark SQL write: no row conversion, generated code or job per table); {@code points}
     * goes last and commits the batch.
     */
    private static void commit(ResultDirectory out, String batchId, List<PointResult> results, String version) {
        write(out, ResultTables.MEMORY_CURVE, batchId, results, PointRows::memoryCurve);
        write(out, ResultTables.IPC_TERMS, batchId, results, PointRows::ipcTerms);
        write(out, ResultTables.POINTS, batchId, results, r -> PointRows.points(r, version));
    }

    /** One table's rows of the batch, point by point. */
    private static void write(ResultDirectory out, TableSchema table, String batchId, List<PointResult> results,
                              Function<PointResult, List<Object[]>> rows) {
        Iterable<Object[]> all = () -> results.stream().flatMap(r -> rows.apply(r).stream()).iterator();
        out.writeBatch(table, batchId, all, Map.of(SparkSchemas.PARQUET_METADATA_KEY,
                SparkSchemas.of(table).json()));
    }
}
