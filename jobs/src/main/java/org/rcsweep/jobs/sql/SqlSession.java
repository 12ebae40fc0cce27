package org.rcsweep.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers every table of a results directory as a temporary view named after the table (the sweep tables with
 * their committed batches only), the run manifests as the view {@code runs}, and makes the session read-only.
 */
public final class SqlSession {
    /** Functions that call arbitrary Java methods (and could, say, end the JVM): not available to queries. */
    static final List<String> JAVA_CALLING_FUNCTIONS = List.of("reflect", "java_method", "try_reflect");

    private SqlSession() {
    }

    /** @return the names of the views registered */
    public static List<String> register(SparkSession spark, ResultsDirectory results) {
        for (String f : JAVA_CALLING_FUNCTIONS) {
            spark.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply(f));
        }
        List<String> views = new ArrayList<>();
        for (TableSchema t : ResultTables.all()) {
            if (results.has(t)) {
                results.read(spark, t).createOrReplaceTempView(t.name());
                views.add(t.name());
            }
        }
        Dataset<Row> runs = results.runs(spark);
        if (runs != null) {
            runs.createOrReplaceTempView("runs");
            views.add("runs");
        }
        return views;
    }
}
