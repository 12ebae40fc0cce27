package org.rcsweep.jobs.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.tables.TableSchema;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read access to a results directory for the analysis commands, with the errors a user needs: not a results
 * directory, a missing table, an empty table.
 */
public final class ResultsDirectory {
    private final Path root;

    public ResultsDirectory(String dir) {
        this.root = Path.of(dir);
        if (!Files.isDirectory(root)) {
            throw new AnalysisException("'" + dir + "' is not a directory");
        }
        if (!Files.isDirectory(root.resolve("points"))) {
            throw new AnalysisException("'" + dir + "' is not an rcsweep results directory (it has no 'points' table; "
                    + "run 'rcsweep sweep SPEC --out " + dir + "' first)");
        }
    }

    public Path root() {
        return root;
    }

    public boolean has(TableSchema table) {
        return Files.isDirectory(root.resolve(table.name()));
    }

    /** The table, or an error naming it when it is missing or has no rows. */
    public Dataset<Row> read(SparkSession spark, TableSchema table) {
        if (!has(table)) {
            throw new AnalysisException("table '" + table.name() + "' is missing under " + root
                    + (table.name().equals("fits") || table.name().equals("laws") ? " (run 'rcsweep fit " + root + "')"
                    : ""));
        }
        Dataset<Row> df;
        try {
            df = spark.read().parquet(root.resolve(table.name()).toString());
        } catch (RuntimeException e) {
            throw new AnalysisException("table '" + table.name() + "' under " + root + " cannot be read: "
                    + e.getMessage());
        }
        if (df.isEmpty()) {
            throw new AnalysisException("table '" + table.name() + "' under " + root + " is empty");
        }
        return df;
    }
}
