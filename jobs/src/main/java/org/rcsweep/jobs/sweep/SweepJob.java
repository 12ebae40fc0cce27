package org.rcsweep.jobs.sweep;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.jobs.results.BatchRecord;
import org.rcsweep.jobs.results.Recovery;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.results.WriterLock;
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
import java.util.HashSet;
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
 * evaluate the next batches, as one committed batch directory per table (see {@link ResultsDirectory} for the protocol
 * that makes interruption and resume safe).
 */
public final class SweepJob {
    /** Evaluation tasks per core and batch (see {@link #evaluate}). */
    static final int TASKS_PER_CORE = 4;
    /** Committed bytes up to which a run checks every part's checksum before resuming. */
    static final long CHECKSUM_BYTES = 2L << 30;
    /** Batches submitted ahead of the one being written (see {@link #runBatches}). */
    static final int BATCHES_IN_FLIGHT = 3;
    /**
     * @param maxBatches    stop after this many batches (0 = run to completion); lets a user time-box a run and the
     *                      tests interrupt one
     * @param progress      where progress goes
     * @param progressMode  terminal (redrawn line), lines (one per committed batch) or quiet
     * @param specText      the spec's YAML, stored under {@code specs/} and compared with the one already there (null:
     *                      neither, as in tests that build specs in code)
     * @param allowMixed    accept a spec that differs from the one the directory holds
     * @param retryFailed   compute again the points committed with status {@code failed}
     * @param command       the command line, for the run's manifest
     */
    public record Options(int maxBatches, PrintStream progress, Progress.Mode progressMode, String specText,
                          boolean allowMixed, boolean retryFailed, String command) {
        public static Options quiet() {
            return new Options(0, new PrintStream(OutputStream.nullOutputStream()), Progress.Mode.QUIET, null, false,
                    false, "");
        }

        public Options withMaxBatches(int n) {
            return new Options(n, progress, progressMode, specText, allowMixed, retryFailed, command);
        }

        public Options withSpecText(String text, boolean allowMixedSpecs) {
            return new Options(maxBatches, progress, progressMode, text, allowMixedSpecs, retryFailed, command);
        }

        public Options withRetryFailed(boolean retry) {
            return new Options(maxBatches, progress, progressMode, specText, allowMixed, retry, command);
        }

        public Options withProgress(PrintStream out, Progress.Mode mode) {
            return new Options(maxBatches, out, mode, specText, allowMixed, retryFailed, command);
        }

        public Options withCommand(String line) {
            return new Options(maxBatches, progress, progressMode, specText, allowMixed, retryFailed, line);
        }
    }

    /**
     * What a run did. {@code statuses} counts points by status among those computed in this run;
     * {@code ipcRemeasured} counts points split over several IPC tasks whose shards did not merge, so that their IPC
     * was measured again by one task (see {@link BatchAssembly}); {@code failed} names the failed points computed in
     * this run with their causes; {@code retried} counts points committed as failed before and computed again.
     */
    public record Summary(int planned, int alreadyCommitted, int computed, Map<String, Long> statuses,
                          Recovery recovery, boolean complete, int ipcRemeasured, Map<String, String> failed,
                          int retried, String runId) {
    }

    private SweepJob() {
    }

    /**
     * Refuses, before anything runs, a spec other than the one {@code out} holds unless {@code allowMixed}
     * (see {@link SpecStore}).
     */
    public static void checkSpec(ResultsDirectory out, String name, String yamlText, boolean allowMixed) {
        SpecStore.check(out, name, yamlText, allowMixed);
    }

    /** A new run id: the UTC start time and a random suffix, sortable by time. */
    public static String newRunId() {
        return RunManifest.newRunId();
    }

    /** Opens (or creates) {@code outDir}, takes its writer lock for the run, and runs the sweep into it. */
    public static Summary run(SparkSession spark, SweepSpec spec, String outDir, Options options) {
        ResultsDirectory out = ResultsDirectory.forSweep(outDir, spark.sparkContext().hadoopConfiguration());
        String runId = newRunId();
        try (WriterLock lock = out.lock(runId, "sweep " + spec.name())) {
            return run(spark, spec, out, lock, options);
        }
    }

    /**
     * Runs the sweep into {@code out}, whose writer lock the caller holds: stores and checks the spec, recovers what
     * an interrupted run left, plans the points not yet committed, and evaluates them batch by batch. Every run
     * leaves a manifest under {@code runs/}.
     */
    public static Summary run(SparkSession spark, SweepSpec spec, ResultsDirectory out, WriterLock lock,
                              Options options) {
        RunManifest manifest = RunManifest.start(lock.runId(), options.command(), spark);
        if (options.specText() != null) {
            manifest.specHash(SpecStore.store(out, spec.name(), options.specText(), options.allowMixed()));
        }
        out.writeText(RunManifest.path(lock.runId()), manifest.json());
        List<PointSpec> planned = SweepPlanner.plan(spec);
        // Every recorded part's CRC32C is checked when that is a few seconds of reading; beyond, sizes only
        // ('rcsweep verify' reads everything).
        Recovery recovery = out.recover(lock, CHECKSUM_BYTES);
        if (!recovery.checksummed()) {
            options.progress().println("rcsweep: checked the sizes of the committed batches, not their checksums ("
                    + recovery.recordedBytes() / (1 << 20) + " MiB); 'rcsweep verify' reads every byte");
        }
        Map<String, BatchRecord> batches = new TreeMap<>(recovery.committed());
        int retried = 0;
        if (options.retryFailed()) {
            List<String> withFailures = batches.values().stream().filter(r -> !r.failed().isEmpty())
                    .map(BatchRecord::batch).toList();
            if (!withFailures.isEmpty()) {
                retried = withFailures.stream().mapToInt(b -> batches.get(b).failed().size()).sum();
                out.deleteBatches(lock, withFailures);
                withFailures.forEach(batches::remove);
                options.progress().println("rcsweep: computing again " + retried + " failed point(s) and the "
                        + "other points of their " + withFailures.size() + " batch(es)");
            }
        }
        Set<String> committed = new HashSet<>();
        batches.values().forEach(r -> committed.addAll(r.points()));
        List<PointSpec> todo = new ArrayList<>();
        for (PointSpec p : planned) {
            if (!committed.contains(p.id())) {
                todo.add(p);
            }
        }
        int already = planned.size() - todo.size();
        manifest.planned(planned.size(), already);
        Progress progress = new Progress(options.progress(), options.progressMode(), planned.size(), already);
        ProgressListener listener = new ProgressListener(progress);
        spark.sparkContext().addSparkListener(listener);
        Summary summary = null;
        try {
            summary = runBatches(spark, spec, out, lock, todo, planned.size(), already, recovery, options, progress,
                    listener, manifest, retried);
            return summary;
        } catch (RuntimeException | Error e) {
            manifest.failed(e);
            throw e;
        } finally {
            progress.finish(); // ends the terminal line and its redraws, also when a batch failed
            spark.sparkContext().removeSparkListener(listener);
            manifest.end(summary);
            try {
                out.writeText(RunManifest.path(lock.runId()), manifest.json());
            } catch (RuntimeException e) {
                options.progress().println("rcsweep: could not write the run manifest: " + e.getMessage());
            }
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
    private static Summary runBatches(SparkSession spark, SweepSpec spec, ResultsDirectory out, WriterLock lock,
                                      List<PointSpec> todo, int planned, int already, Recovery recovery,
                                      Options options, Progress progress, ProgressListener listener,
                                      RunManifest manifest, int retried) {
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
        Map<String, String> failed = new TreeMap<>();
        int computed = 0;
        int remeasured = 0;
        Deque<JavaFutureAction<List<PointTask.Output>>> pending = new ArrayDeque<>();
        for (int b = 0; b < Math.min(BATCHES_IN_FLIGHT, batches.size()); b++) {
            pending.add(evaluate(jsc, listener, batches.get(b), injectFaults));
        }
        try {
            for (int i = 0; i < batches.size(); i++) {
                List<PointTask.Output> outputs;
                try {
                    outputs = await(pending.poll());
                } catch (RuntimeException e) {
                    throw new BatchNotCommitted(batchId(batches.get(i)), batches.get(i).stream().map(PointSpec::id)
                            .toList(), already + computed, planned, e);
                }
                outputs.forEach(o -> manifest.executor(o.executor(), o.simd()));
                if (i + BATCHES_IN_FLIGHT < batches.size()) {
                    pending.add(evaluate(jsc, listener, batches.get(i + BATCHES_IN_FLIGHT), injectFaults));
                }
                List<PointSpec> batch = batches.get(i);
                BatchAssembly.Assembled assembled = BatchAssembly.assemble(batch, outputs,
                        again -> await(submit(jsc, listener, again, false,
                                "IPC of " + again.size() + " split points in one task each", false)));
                List<PointResult> results = assembled.results();
                remeasured += assembled.remeasured();
                Map<String, String> batchFailed = failedCauses(results);
                progress.commit(batch.size(), () -> commit(out, lock, batchId(batch), results, batchFailed, version));
                failed.putAll(batchFailed);
                long notOk = 0;
                for (PointResult r : results) {
                    statuses.merge(r.status().label(), 1L, Long::sum);
                    notOk += r.status() == PointStatus.OK ? 0 : 1;
                }
                computed += batch.size();
                manifest.committed(batch.size(), results);
                progress.committed(batch.size(), notOk);
            }
        } finally {
            for (JavaFutureAction<List<PointTask.Output>> left : pending) {
                left.cancel(true); // only after a failure: every future is consumed in the loop otherwise
            }
        }
        progress.finish();
        return new Summary(planned, already, computed, statuses, recovery, already + computed == planned,
                remeasured, failed, retried, lock.runId());
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
                        slice.forEach(unit -> {
                            FaultInjection.outOfMemoryIfAsked(unit.spec().id());
                            results.add(unit.run());
                        });
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

    /** Point id → cause, for the failed points of a batch. */
    private static Map<String, String> failedCauses(List<PointResult> results) {
        Map<String, String> out = new TreeMap<>();
        for (PointResult r : results) {
            if (r.status() == PointStatus.FAILED) {
                out.put(r.pointId(), r.message());
            }
        }
        return out;
    }

    /**
     * Commits the batch: each table's rows into one Parquet file (a batch's rows are few enough, and a direct write
     * costs a fraction of a Spark SQL write: no row conversion, generated code or job per table), recorded and moved
     * into place by {@link ResultsDirectory#commitBatch}.
     */
    private static void commit(ResultsDirectory out, WriterLock lock, String batchId, List<PointResult> results,
                               Map<String, String> failed, String version) {
        Map<TableSchema, Iterable<Object[]>> rows = new HashMap<>();
        rows.put(ResultTables.MEMORY_CURVE, rows(results, PointRows::memoryCurve));
        rows.put(ResultTables.IPC_TERMS, rows(results, PointRows::ipcTerms));
        rows.put(ResultTables.POINTS, rows(results, r -> PointRows.points(r, version)));
        Map<TableSchema, Map<String, String>> metadata = new HashMap<>();
        for (TableSchema t : ResultTables.sweepTables()) {
            metadata.put(t, Map.of(SparkSchemas.PARQUET_METADATA_KEY, SparkSchemas.of(t).json()));
        }
        List<String> ids = results.stream().map(PointResult::pointId).toList();
        out.commitBatch(lock, batchId, ids, failed, rows, metadata);
    }

    /** One table's rows of the batch, point by point. */
    private static Iterable<Object[]> rows(List<PointResult> results, Function<PointResult, List<Object[]>> rows) {
        return () -> results.stream().flatMap(r -> rows.apply(r).stream()).iterator();
    }
}
