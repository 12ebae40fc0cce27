package org.rcsweep.jobs.fit;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.AnalysisException;
import org.rcsweep.jobs.analysis.CsvWriter;
import org.rcsweep.jobs.results.ResultsDirectory;
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
        ResultsDirectory results = ResultsDirectory.forReading(dir, spark.sparkContext().hadoopConfiguration());
        Dataset<Row> points = results.read(spark, ResultTables.POINTS).where(col("status").equalTo("ok"));
        if (points.isEmpty()) {
            throw new AnalysisException("table 'points' under " + dir + " has no rows with status 'ok' to fit");
        }
        List<String> groupBy = options.groupBy();
        JavaRDD<Row> fitRows = points
                .select("model", "n", "knob", "correlation", "point_id", "readouts", "mc_total", "ipc_total",
                        "ipc_by_degree", "corr_rms", "model_params", "seed", "replica")
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(new GroupKey(groupBy.contains("model") ? r.<String>getAs("model") : null,
                        groupBy.contains("model") ? r.<String>getAs("model_params") : null,
                        groupBy.contains("n") ? r.<Integer>getAs("n") : null,
                        groupBy.contains("knob") ? r.<String>getAs("knob") : null,
                        groupBy.contains("correlation") ? r.<Double>getAs("correlation") : null),
                        new CurveSample(r.<Long>getAs("seed") + "/" + r.<Integer>getAs("replica"),
                                r.<String>getAs("point_id"), r.<Integer>getAs("readouts"), r.<Double>getAs("mc_total"),
                                r.<Double>getAs("ipc_total"),
                                r.isNullAt(r.fieldIndex("ipc_by_degree")) ? null
                                        : doubles(r.getList(r.fieldIndex("ipc_by_degree"))),
                                r.<Double>getAs("corr_rms"))))
                .groupByKey()
                .flatMap(g -> GroupFitter.fit(g._1(), g._2(), options).stream().map(SparkRows::of).iterator());
        Dataset<Row> fits = spark.createDataFrame(fitRows, SparkSchemas.of(ResultTables.FITS))
                .orderBy("model", "model_params", "n", "knob", "correlation", "metric", "law", "parameter");
        results.replaceTable(fits, ResultTables.FITS);
        Dataset<Row> written = results.read(spark, ResultTables.FITS);
        List<Row> fitList = written.collectAsList();
        results.writeText("fits.csv", CsvWriter.text(written.columns(), fitList));

        List<Row> lawRows = new ArrayList<>();
        if (groupBy.containsAll(FitOptions.GROUP_COLUMNS)) {
            for (Object[] cells : LawFitter.laws(fitList)) {
                lawRows.add(SparkRows.of(cells));
            }
        }
        Dataset<Row> laws = spark.createDataFrame(lawRows, SparkSchemas.of(ResultTables.LAWS));
        results.replaceTable(laws, ResultTables.LAWS);
        results.writeText("laws.csv", CsvWriter.text(laws.columns(), lawRows));
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
