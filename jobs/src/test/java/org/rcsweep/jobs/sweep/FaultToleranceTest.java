package org.rcsweep.jobs.sweep;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every point's task fails on its first attempt (local[2, 2]: two cores, up to two attempts per task); Spark retries
 * and the rows are complete and identical to a run without faults.
 */
class FaultToleranceTest {
    private static final String SPEC = String.join("\n",
            "name: faults",
            "seed: 3",
            "replicas: 2",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
            "sizes: [10, 14]",
            "readouts: [2, 5, 10]",
            "input: {steps: 600, washout: 50}",
            "capacity: {max_delay: 12}",
            "ipc: {max_degree: 2, max_delays: [12, 4]}",
            "run: {batch_points: 3}",
            "");

    private static SparkSession session(String master, boolean injectFaults) {
        SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
        if (active != null) {
            active.stop();
        }
        return SparkSession.builder().master(master).appName("fault-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.rcsweep.test.failFirstAttempt", Boolean.toString(injectFaults))
                .getOrCreate();
    }

    @AfterAll
    static void stopSession() {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    void tasksFailingOnTheirFirstAttemptAreRetriedAndRowsAreIdentical(@TempDir Path dir) {
        SweepSpec spec = SweepSpecParser.parse(SPEC);
        SparkSession clean = session("local[2]", false);
        SweepJob.run(clean, spec, dir.resolve("clean").toString(), SweepJob.Options.quiet());
        List<List<String>> expected = ResultTables.sweepTables().stream()
                .map(t -> TableRows.canonical(clean, dir.resolve("clean"), t)).toList();

        SparkSession faulty = session("local[2,2]", true);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepJob.Summary s = SweepJob.run(faulty, spec, dir.resolve("faulty").toString(),
                SweepJob.Options.quiet().withProgress(new PrintStream(log, true, StandardCharsets.UTF_8),
                        Progress.Mode.LINES));
        assertTrue(s.complete());
        assertEquals(4, s.computed());
        String lines = log.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("| 4 failed attempts |"), "the listener saw every injected failure:\n" + lines);
        List<TableSchema> tables = ResultTables.sweepTables();
        for (int i = 0; i < tables.size(); i++) {
            assertEquals(expected.get(i), TableRows.canonical(faulty, dir.resolve("faulty"), tables.get(i)),
                    tables.get(i).name() + ": rows after retries equal rows without faults");
        }
    }
}
