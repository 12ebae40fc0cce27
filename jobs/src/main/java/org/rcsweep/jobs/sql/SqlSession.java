package org.rcsweep.jobs.sql;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.ResultsDirectory;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** Registers every table of a results directory as a temporary view named after the table. */
public final class SqlSession {
    private SqlSession() {
    }

    /** @return the names of the views registered */
    public static List<String> register(SparkSession spark, ResultsDirectory results) {
        List<String> views = new ArrayList<>();
        for (TableSchema t : ResultTables.all()) {
            if (results.has(t)) {
                spark.read().parquet(results.root().resolve(t.name()).toString()).createOrReplaceTempView(t.name());
                views.add(t.name());
            }
        }
        return views;
    }
}
