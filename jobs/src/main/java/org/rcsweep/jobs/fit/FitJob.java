package org.rcsweep.jobs.fit;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.AnalysisException;
import org.rcsweep.jobs.analysis.CsvWriter;
import org.rcsweep.jobs.analysis.ResultsDirectory;
import org.rcsweep.jobs.spark.SparkRows;
import org.rcsweep.jobs.spark.SparkSchemas;
import org.rcsweep.tables.ResultTables;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * {@code rcsweep fit DIR}: groups the ok rows of {@code points}, fits the laws of each group on the executors (the
 * bootstrap runs there), writes {@code fits} and, from the fits, the scaling-collapse table {@code laws}; both also
 * as CSV next to the tables.
 */
public final class FitJob {
    public record Summary(long fits, long laws, long groups) {
    }

    private FitJob() {
    }

    public static Summary run(SparkSession spark, String dir, FitOptions options) {
        ResultsDirectory results = new ResultsDirectory(dir);
        Dataset<Row> points = results.read(spark, ResultTables.POINTS).where(col("status").equalTo("ok"));
        if (points.isEmpty()) {
            throw new AnalysisException("table 'points' under " + dir + " has no rows with status 'ok' to fit");
        }
        List<String> groupBy = options.groupBy();
        JavaRDD<Row> fitRows = points
                .select("model", "n", "knob", "correlation", "point_id", "readouts", "mc_total", "ipc_total",
                        "ipc_by_degree", "corr_rms", "model_params")
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(new GroupKey(groupBy.contains("model") ? r.getString(0) : null,
                        groupBy.contains("model") ? r.getString(10) : null,
                        groupBy.contains("n") ? (Integer) r.getInt(1) : null,
                        groupBy.contains("knob") ? r.getString(2) : null,
                        groupBy.contains("correlation") ? (Double) r.getDouble(3) : null),
                        new CurveSample(r.getString(4), r.getInt(5), r.getDouble(6),
                                r.isNullAt(7) ? null : r.getDouble(7), r.isNullAt(8) ? null : doubles(r.getList(8)),
                                r.isNullAt(9) ? null : r.getDouble(9))))
                .groupByKey()
                .flatMap(g -> GroupFitter.fit(g._1(), g._2(), options).stream().map(SparkRows::of).iterator());
        Dataset<Row> fits = spark.createDataFrame(fitRows, SparkSchemas.of(ResultTables.FITS))
                .orderBy("model", "model_params", "n", "knob", "correlation", "metric", "law", "parameter");
        fits.coalesce(1).write().mode(SaveMode.Overwrite).parquet(results.root().resolve("fits").toString());
        Dataset<Row> written = spark.read().parquet(results.root().resolve("fits").toString());
        List<Row> fitList = written.collectAsList();
        CsvWriter.write(results.root().resolve("fits.csv"), written.columns(), fitList);

        List<Row> lawRows = new ArrayList<>();
        if (groupBy.containsAll(FitOptions.GROUP_COLUMNS)) {
            for (Object[] cells : LawFitter.laws(fitList)) {
                lawRows.add(SparkRows.of(cells));
            }
        }
        Dataset<Row> laws = spark.createDataFrame(lawRows, SparkSchemas.of(ResultTables.LAWS));
        laws.coalesce(1).write().mode(SaveMode.Overwrite).parquet(results.root().resolve("laws").toString());
        CsvWriter.write(results.root().resolve("laws.csv"), laws.columns(), lawRows);
        long groups = written.select("model", "model_params", "n", "knob", "correlation").distinct().count();
        return new Summary(fitList.size(), lawRows.size(), groups);
    }

    private static double[] doubles(List<Object> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }
}
