package org.rcsweep.jobs.sweep;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.jobs.spark.SparkRows;
import org.rcsweep.jobs.spark.SparkSchemas;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.results.WriterLock;
import org.rcsweep.tables.PointRows;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches written straight to Parquet read back in Spark exactly as Spark's own write of the same rows: schema
 * (types, nullability, column documentation) and every value, nulls and arrays included.
 */
class DirectParquetWriteTest {
    private static final String SPEC = String.join("\n",
            "name: direct-write",
            "seed: 4",
            "models:",
            "  - {kind: esn, gain: 0.9, input_scale: 0.5}",
            "  - {kind: esn, activation: linear, spectral_radius: 1.5}",   // diverges: a row of nulls
            "sizes: [10]",
            "readouts: [1, 5, 10]",
            "input: {steps: 600, washout: 100}",
            "capacity: {max_delay: 12}",
            "ipc: {max_degree: 2, max_delays: [12, 4]}",
            "");

    @Test
    void directFilesReadLikeSparkWrittenOnes(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        List<PointResult> results = new ArrayList<>();
        for (PointSpec p : SweepPlanner.plan(SweepSpecParser.parse(SPEC))) {
            results.add(PointEvaluator.evaluate(p));
        }
        ResultsDirectory out = ResultsDirectory.forSweep(dir.resolve("direct").toString(),
                spark.sparkContext().hadoopConfiguration());
        Map<TableSchema, List<Object[]>> cells = new HashMap<>();
        cells.put(ResultTables.MEMORY_CURVE, rows(results, PointRows::memoryCurve));
        cells.put(ResultTables.IPC_TERMS, rows(results, PointRows::ipcTerms));
        cells.put(ResultTables.POINTS, rows(results, r -> PointRows.points(r, "test-version")));
        Map<TableSchema, Iterable<Object[]>> iterables = new HashMap<>(cells);
        Map<TableSchema, Map<String, String>> metadata = new HashMap<>();
        for (TableSchema t : ResultTables.sweepTables()) {
            metadata.put(t, Map.of(SparkSchemas.PARQUET_METADATA_KEY, SparkSchemas.of(t).json()));
        }
        List<String> ids = results.stream().map(PointResult::pointId).toList();
        try (WriterLock lock = out.lock("test-run", "test")) {
            out.commitBatch(lock, "b1", ids, Map.of(), iterables, metadata);
            assertThrows(IllegalStateException.class, () -> out.commitBatch(lock, "b1", ids, Map.of(), iterables,
                    metadata), "a batch is written once");
        }
        for (TableSchema t : ResultTables.sweepTables()) {
            compare(spark, dir, t, cells.get(t));
        }
        assertTrue(Files.exists(dir.resolve("direct/points/batch=b1/_SUCCESS")), "the batch is in place");
        assertTrue(Files.exists(dir.resolve("direct/_rcsweep/batches/b1.json")), "the batch is recorded");
        assertTrue(out.verify().clean(), "verify finds the batch intact");
    }

    private static List<Object[]> rows(List<PointResult> results, Function<PointResult, List<Object[]>> rows) {
        List<Object[]> cells = new ArrayList<>();
        results.forEach(r -> cells.addAll(rows.apply(r)));
        return cells;
    }

    private static void compare(SparkSession spark, Path dir, TableSchema table, List<Object[]> cells) {
        assertTrue(!cells.isEmpty(), table.name() + " has rows to compare");
        StructType schema = SparkSchemas.of(table);
        String viaSpark = dir.resolve("spark").resolve(table.name()).resolve("batch=b1").toString();
        spark.createDataFrame(cells.stream().map(SparkRows::of).toList(), schema).coalesce(1).write()
                .mode(SaveMode.ErrorIfExists).parquet(viaSpark);

        Dataset<Row> direct = spark.read().parquet(dir.resolve("direct").resolve(table.name()).toString());
        Dataset<Row> reference = spark.read().parquet(dir.resolve("spark").resolve(table.name()).toString());
        assertEquals(reference.schema().json(), direct.schema().json(), table.name() + " schema");
        // rows in a canonical order (the tables have no single key column)
        List<Row> expected = new ArrayList<>(reference.collectAsList());
        List<Row> actual = new ArrayList<>(direct.collectAsList());
        expected.sort(java.util.Comparator.comparing(Row::toString));
        actual.sort(java.util.Comparator.comparing(Row::toString));
        assertEquals(expected.size(), actual.size(), table.name() + " row count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), table.name() + " row " + i);
        }
    }
}
