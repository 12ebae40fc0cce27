package org.rcsweep.jobs.sweep;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end in local mode: schemas, contents, status rows, resume after interruption, partitioning independence. */
class SweepJobTest {
    private static final String SPEC = String.join("\n",
            "name: e2e",
            "seed: 9",
            "replicas: 2",
            "models:",
            "  - {kind: esn, gain: 0.9, input_scale: 0.5}",
            "  - {kind: esn, activation: linear, spectral_radius: 1.5}",
            "sizes: [12, 16]",
            "correlation: {knob: shared-input, values: [0.0, 0.6]}",
            "readouts: [2, 4, 8, 12]",
            "input: {steps: 800, washout: 100}",
            "capacity: {max_delay: 20}",
            "ipc: {max_degree: 3, max_delays: [20, 6, 4]}",
            "run: {batch_points: BATCH}",
            "");
    private static final int PLANNED = 2 * 2 * 2 * 2;
    private static final int LS = 4;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    private static SweepSpec spec(int batch) {
        return SweepSpecParser.parse(SPEC.replace("BATCH", Integer.toString(batch)));
    }

    @Test
    void writesDocumentedTablesWithOneRowPerPointAndReadoutCount(@TempDir Path dir) {
        SweepJob.Summary s = SweepJob.run(spark, spec(5), dir.toString(), SweepJob.Options.quiet());
        assertTrue(s.complete());
        assertEquals(PLANNED, s.planned());
        assertEquals(PLANNED, s.computed());

        Dataset<Row> points = spark.read().parquet(dir.resolve("points").toString());
        assertSchema(ResultTables.POINTS, points);
        assertEquals(PLANNED * LS, points.count());
        assertEquals(PLANNED, points.select("point_id").distinct().count());
        long ok = points.where("status = 'ok'").count();
        long diverged = points.where("status = 'diverged'").count();
        assertEquals(PLANNED * LS / 2, ok, "the tanh half is ok");
        assertEquals(PLANNED * LS / 2, diverged, "the linear ρ = 1.5 half diverges");
        assertEquals(0, points.where("status = 'ok' AND (mc_total IS NULL OR mc_total < 0 OR mc_total > readouts * 1.5)")
                .count());
        assertEquals(0, points.where("status = 'diverged' AND (mc_total IS NOT NULL OR message = '')").count());
        assertEquals(0, points.where("readouts > n OR seed = 0").count());

        Dataset<Row> curve = spark.read().parquet(dir.resolve("memory_curve").toString());
        assertSchema(ResultTables.MEMORY_CURVE, curve);
        assertEquals(ok * 21, curve.count(), "K + 1 = 21 delays per ok (point, L)");
        points.createOrReplaceTempView("points");
        curve.createOrReplaceTempView("memory_curve");
        Row mismatch = spark.sql("SELECT max(abs(p.mc_total - c.total)) FROM points p JOIN "
                + "(SELECT point_id, readouts, sum(m) AS total FROM memory_curve GROUP BY point_id, readouts) c "
                + "USING (point_id, readouts)").first();
        assertTrue(mismatch.getDouble(0) < 1e-9, "mc_total is the sum of the memory curve");
        assertTrue(Files.exists(dir.resolve("points")));

        Dataset<Row> terms = spark.read().parquet(dir.resolve("ipc_terms").toString());
        assertSchema(ResultTables.IPC_TERMS, terms);
        assertTrue(terms.count() > 0);
        terms.createOrReplaceTempView("ipc_terms");
        assertEquals(0, points.where("status = 'ok' AND (ipc_total IS NULL OR ipc_total > readouts * 1.1 "
                + "OR size(ipc_by_degree) != 3)").count());
        Row sums = spark.sql("SELECT max(abs(p.ipc_total - t.total)) FROM points p JOIN "
                + "(SELECT point_id, readouts, sum(capacity) AS total FROM ipc_terms GROUP BY point_id, readouts) t "
                + "USING (point_id, readouts)").first();
        assertTrue(sums.getDouble(0) < 1e-9, "ipc_total is the sum of the kept terms");
        assertEquals(0, terms.where("capacity < threshold OR degree < 1 OR degree > 3").count());
    }

    @Test
    void readmeQueryRunsOnSweepOutput(@TempDir Path dir) throws IOException {
        SweepJob.run(spark, spec(PLANNED), dir.toString(), SweepJob.Options.quiet());
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```sql\n");
        assertTrue(start >= 0, "README has an SQL example");
        String sql = readme.substring(start + 7, readme.indexOf("```", start + 7))
                .replace("results/quick/points", dir.resolve("points").toString());
        List<Row> rows = spark.sql(sql).collectAsList();
        assertEquals(2 * 2 * LS, rows.size(), "one row per (n, correlation, L) of the ok model");
        for (Row r : rows) {
            assertEquals(2L, r.getLong(r.fieldIndex("replicas")));
        }
    }

    @Test
    void interruptedSweepResumesWithoutLossOrDuplicatesAndMatchesAnUninterruptedRun(@TempDir Path dir)
            throws IOException {
        Path partial = dir.resolve("partial");
        SweepJob.Summary first = SweepJob.run(spark, spec(3), partial.toString(),
                SweepJob.Options.quiet().withMaxBatches(2));
        assertFalse(first.complete());
        assertEquals(6, first.computed());

        // What a run killed mid-batch leaves: its batch half-written in the staging area, and (from an earlier
        // version's protocol or a foreign write) a memory_curve batch no record covers, plus Spark's _temporary.
        Path committedBatch;
        try (Stream<Path> s = Files.list(partial.resolve("points"))) {
            committedBatch = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path torn = partial.resolve("_rcsweep/staging/deadbeefdeadbeef/points");
        copyDirectory(committedBatch, torn);
        Files.delete(torn.resolve("_SUCCESS"));
        copyDirectory(partial.resolve("memory_curve").resolve(committedBatch.getFileName()),
                partial.resolve("memory_curve").resolve("batch=0123456789abcdef"));
        Files.createDirectories(partial.resolve("points").resolve("_temporary").resolve("0"));

        SweepJob.Summary second = SweepJob.run(spark, spec(3), partial.toString(), SweepJob.Options.quiet());
        assertTrue(second.complete());
        assertEquals(6, second.alreadyCommitted());
        assertEquals(PLANNED - 6, second.computed());
        assertEquals(3, second.recovery().removed().size(), second.recovery().toString());
        assertTrue(second.recovery().damaged().isEmpty(), second.recovery().toString());

        SweepJob.Summary third = SweepJob.run(spark, spec(3), partial.toString(), SweepJob.Options.quiet());
        assertEquals(0, third.computed(), "a complete sweep recomputes nothing");

        Path fresh = dir.resolve("fresh");
        SweepJob.run(spark, spec(PLANNED), fresh.toString(), SweepJob.Options.quiet());
        for (TableSchema t : ResultTables.sweepTables()) {
            List<String> a = canonicalRows(partial, t);
            List<String> b = canonicalRows(fresh, t);
            assertEquals(b.size(), a.size(), t.name());
            assertEquals(b.size(), Set.copyOf(b).size(), "no duplicate rows in " + t.name());
            assertEquals(b, a, t.name() + ": resumed run (batches of 3) equals one run (one batch)");
        }
        assertEquals(PLANNED * LS, canonicalRows(partial, ResultTables.POINTS).size());
    }

    /**
     * Spreading each point's IPC rounds over several tasks changes no row: the shards' merge replays the single-task
     * iteration, also where the target bound cuts a round (BatchAssemblyTest covers shards that stop at the bound
     * before a round the merge needs).
     */
    @Test
    void ipcSpreadOverSeveralTasksWritesTheSameRowsAsOneTask(@TempDir Path dir) {
        String[] ipcs = {"ipc: {max_degree: 3, max_delays: [20, 6, 4]",
            "ipc: {max_degree: 3, max_delays: [20, 6, 4], window: 2, max_targets: 60"};
        for (int c = 0; c < ipcs.length; c++) {
            String base = SPEC.replace("BATCH", "16");
            String ipc = "ipc: {max_degree: 3, max_delays: [20, 6, 4]}";
            Path one = dir.resolve("one" + c);
            Path split = dir.resolve("split" + c);
            SweepJob.run(spark, SweepSpecParser.parse(base.replace(ipc, ipcs[c] + "}")), one.toString(),
                    SweepJob.Options.quiet());
            SweepJob.Summary s = SweepJob.run(spark, SweepSpecParser.parse(base.replace(ipc, ipcs[c] + ", tasks: 4}")),
                    split.toString(), SweepJob.Options.quiet());
            assertTrue(s.complete());
            for (TableSchema t : ResultTables.sweepTables()) {
                assertEquals(canonicalRows(one, t), canonicalRows(split, t), ipcs[c] + ": " + t.name());
            }
            assertTrue(canonicalRows(one, ResultTables.IPC_TERMS).size() > 50, "IPC terms to compare");
        }
    }

    private static List<String> canonicalRows(Path dir, TableSchema table) {
        return TableRows.canonical(spark, dir, table);
    }

    private static void assertSchema(TableSchema expected, Dataset<Row> actual) {
        List<String> names = new ArrayList<>();
        expected.columns().forEach(c -> names.add(c.name()));
        names.add(ResultTables.BATCH_COLUMN);
        assertEquals(names, Arrays.asList(actual.columns()), expected.name());
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    @Test
    void plannerCountMatches() {
        assertEquals(PLANNED, SweepPlanner.plan(spec(4)).size());
    }
}
