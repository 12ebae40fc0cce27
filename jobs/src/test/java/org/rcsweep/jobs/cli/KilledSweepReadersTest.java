package org.rcsweep.jobs.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second reader while a sweep runs and after it is killed (SIGKILL) at several moments: rcsweep's views always hold
 * the same points in all three tables, exactly the recorded ones; a plain Parquet reader (what DuckDB, pandas or
 * Spark see) never meets an empty or partial file and sees only recorded points; the resumed sweep completes with
 * every point once.
 */
class KilledSweepReadersTest {
    private static final String SPEC = String.join("\n",
            "name: readers",
            "seed: 5",
            "replicas: 4",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
            "sizes: [20, 30]",
            "correlation: {knob: shared-input, values: [0.0, 0.8]}",
            "readouts: [3, 10, 20]",
            "input: {steps: 3000, washout: 100}",
            "ipc: {max_degree: 2, max_delays: [20, 5]}",
            "run: {batch_points: 1}",
            "");
    private static final int PLANNED = 4 * 2 * 2;

    @Test
    void readersOnlyEverSeeCommittedBatchesWhileASweepRunsAndAfterItIsKilled(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("out");
        SparkSession spark = Sessions.start("readers", "local[1]");
        int reads = 0;
        for (int kill : new int[] {2, 6}) {
            Process sweep = new ProcessBuilder(ChildJvm.rcsweep("sweep", spec.toString(), "--out", out.toString(),
                    "--progress", "quiet", "--master", "local[1]")).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("sweep-" + kill + ".log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (committed(out) < kill && sweep.isAlive() && System.nanoTime() < deadline) {
                    if (committed(out) > 0) {
                        checkConsistent(spark, out); // while the sweep writes its next batches
                        reads++;
                    }
                    Thread.sleep(150);
                }
                assertTrue(sweep.isAlive(), "the sweep is still running at " + kill + " batches: "
                        + Files.readString(tmp.resolve("sweep-" + kill + ".log")));
            } finally {
                sweep.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
            checkConsistent(spark, out); // after the kill, before any resume
            reads++;
        }
        assertTrue(reads >= 2, "the second reader read " + reads + " times");
        spark.stop();
        assertEquals(Main.OK, CommandRun.of("sweep", spec.toString(), "--out", out.toString(), "--master",
                "local[2]").code());
        ResultsDirectory results = ResultsDirectory.forReading(out.toString(), new Configuration());
        assertEquals(PLANNED, results.committedPointIds().size(), "every point once");
        assertEquals(Main.OK, CommandRun.of("verify", out.toString()).code());
    }

    private static long committed(Path out) throws IOException {
        Path records = out.resolve("_rcsweep/batches");
        if (!Files.isDirectory(records)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(records)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static void checkConsistent(SparkSession spark, Path out) throws IOException {
        // One reader: its views share one set of batches. The records only grow, so they are read last.
        ResultsDirectory results = ResultsDirectory.forReading(out.toString(), new Configuration());
        Set<String> points = ids(results.read(spark, ResultTables.POINTS).select("point_id").collectAsList());
        Set<String> curves = ids(results.read(spark, ResultTables.MEMORY_CURVE).select("point_id").collectAsList());
        Set<String> terms = ids(results.read(spark, ResultTables.IPC_TERMS).select("point_id").collectAsList());
        assertTrue(points.containsAll(curves) && curves.containsAll(points),
                "rcsweep's views hold the same points in points and memory_curve: " + points + " / " + curves);
        assertTrue(points.containsAll(terms), "ipc_terms holds no point that points lacks");
        Set<String> plainIds = new HashSet<>();
        for (TableSchema t : ResultTables.sweepTables()) {
            Path table = out.resolve(t.name());
            if (!Files.isDirectory(table)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(table)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                    assertTrue(Files.size(f) > 0, "no empty part file: " + f);
                }
            }
            plainIds.addAll(ids(spark.read().parquet(table.toString()).select("point_id").collectAsList()));
        }
        Set<String> recorded = ResultsDirectory.forReading(out.toString(), new Configuration()).committedPointIds();
        assertTrue(recorded.containsAll(points), "rcsweep's views hold recorded points only");
        assertTrue(recorded.containsAll(plainIds), "a plain reader sees only recorded points: "
                + new TreeSet<>(plainIds));
    }

    private static Set<String> ids(List<Row> rows) {
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
