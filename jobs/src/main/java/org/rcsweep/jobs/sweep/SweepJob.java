package org.rcsweep.jobs.sweep;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sweep: plans the points, skips those already committed in the output directory, and evaluates the rest in
 * batches, one Spark task per point. Each batch's results are written by the driver as one committed batch
 * directory per table (see {@link ResultDirectory} for the protocol that makes interruption and resume safe).
 */
public final class SweepJob {
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

    /** What a run did. {@code statuses} counts points by status among those computed in this run. */
    public record Summary(int planned, int alreadyCommitted, int computed, Map<String, Long> statuses,
                          List<String> recovered, boolean complete) {
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
            return runBatches(spark, spec, out, todo, planned.size(), already, recovered, options, progress);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    private static Summary runBatches(SparkSession spark, SweepSpec spec, ResultDirectory out, List<PointSpec> todo,
                                      int planned, int already, List<String> recovered, Options options,
                                      Progress progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String version = CodeVersion.get();
        Map<String, Long> statuses = new TreeMap<>();
        int computed = 0;
        int batches = 0;
        for (int from = 0; from < todo.size(); from += spec.batchPoints()) {
            if (options.maxBatches() > 0 && batches == options.maxBatches()) {
                break;
            }
            List<PointSpec> batch = todo.subList(from, Math.min(todo.size(), from + spec.batchPoints()));
            Map<String, Long> counts = runBatch(spark, jsc, out, batch, version);
            long notOk = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                statuses.merge(e.getKey(), e.getValue(), Long::sum);
                notOk += e.getKey().equals(PointStatus.OK.label()) ? 0 : e.getValue();
            }
            computed += batch.size();
            batches++;
            progress.committed(batch.size(), notOk);
        }
        progress.finish();
        return new Summary(planned, already, computed, statuses, recovered, already + computed == planned);
    }

    private static Map<String, Long> runBatch(SparkSession spark, JavaSparkContext jsc, ResultDirectory out,
                                              List<PointSpec> batch, String version) {
        String batchId = ContentHash.of(String.join(",", batch.stream().map(PointSpec::id).sorted().toList()))
                .substring(0, 16);
        jsc.setJobDescription("rcsweep batch " + batchId + " (" + batch.size() + " points)");
        boolean injectFaults = spark.sparkContext().getConf().getBoolean(FaultInjection.FAIL_FIRST_ATTEMPT, false);
        List<PointResult> results;
        // Evaluate every point in parallel (one task each) and bring the results to the driver, which writes each
        // table's rows of the batch into one Parquet file: a batch's rows are few enough, and writing them directly
        // costs a fraction of a Spark SQL write (row conversion, generated code and one job per table).
        jsc.setLocalProperty(ProgressListener.PHASE_PROPERTY, ProgressListener.EVALUATE);
        try {
            results = jsc.parallelize(new ArrayList<>(batch), batch.size())
                    .map(p -> {
                        if (injectFaults) {
                            FaultInjection.failFirstAttempt();
                        }
                        return PointEvaluator.evaluate(p);
                    })
                    .collect();
        } finally {
            jsc.setLocalProperty(ProgressListener.PHASE_PROPERTY, null);
        }
        Map<String, Long> counts = new TreeMap<>();
        for (PointResult r : results) {
            counts.merge(r.status().label(), 1L, Long::sum);
        }
        write(out, ResultTables.MEMORY_CURVE, batchId, results, PointRows::memoryCurve);
        write(out, ResultTables.IPC_TERMS, batchId, results, PointRows::ipcTerms);
        write(out, ResultTables.POINTS, batchId, results, r -> PointRows.points(r, version));
        return counts;
    }

    /** One table's rows of the batch, point by point; {@code points} goes last and commits the batch. */
    private static void write(ResultDirectory out, TableSchema table, String batchId, List<PointResult> results,
                              Function<PointResult, List<Object[]>> rows) {
        Iterable<Object[]> all = () -> results.stream().flatMap(r -> rows.apply(r).stream()).iterator();
        out.writeBatch(table, batchId, all, Map.of(SparkSchemas.PARQUET_METADATA_KEY,
                SparkSchemas.of(table).json()));
    }
}
