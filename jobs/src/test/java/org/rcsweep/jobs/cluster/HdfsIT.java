package org.rcsweep.jobs.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.cli.CommandRun;
import org.rcsweep.jobs.cli.Main;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.sweep.TableRows;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command on a real HDFS: an in-process MiniDFSCluster (name node and one data node on 127.0.0.1). A sweep
 * into {@code hdfs://} is interrupted, left with the debris of a killed run, and resumed; its rows equal a local
 * run's bit for bit; then fit, sql (with the {@code runs} view), plot, report and verify read and write there. Bad
 * URIs give one-line errors with exit code 2.
 */
class HdfsIT {
    private static final String SPEC = String.join("\n",
            "name: hdfs-it",
            "seed: 5",
            "replicas: 2",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5, bias_scale: 0.2}]",
            "sizes: [20, 30]",
            "correlation: {knob: shared-input, values: [0.0, 0.8]}",
            "readouts: [3, 6, 12, 20]",
            "input: {steps: 2000, washout: 100}",
            "ipc: {max_degree: 2, max_delays: [20, 5]}",
            "run: {batch_points: 3}",
            "");

    @TempDir
    static java.nio.file.Path tmp;
    private static MiniDFSCluster hdfs;
    private static String base;
    private static java.nio.file.Path spec;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        base = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
        spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void everyCommandWorksOnHdfsAsOnALocalDirectory() throws Exception {
        String out = base + "/results/it";
        // Interrupted after one batch, then left with what a killed run leaves: a staged batch and a foreign folder.
        assertEquals(Main.OK, run("sweep", spec.toString(), "--out", out, "--master", "local[2]", "--max-batches", "1")
                .code());
        FileSystem fs = FileSystem.get(java.net.URI.create(base), new Configuration());
        fs.mkdirs(new Path(out + "/_rcsweep/staging/feedfacefeedface/points"));
        fs.create(new Path(out + "/_rcsweep/staging/feedfacefeedface/points/part-0.parquet")).close();
        fs.mkdirs(new Path(out + "/memory_curve/batch=0123456789abcdef"));
        CommandRun resumed = run("sweep", spec.toString(), "--out", out, "--master", "local[2]");
        assertEquals(Main.OK, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("; complete"), resumed.out());
        assertTrue(resumed.err().contains("removed 2 uncommitted leftovers"), resumed.err());

        java.nio.file.Path local = tmp.resolve("local");
        assertEquals(Main.OK, run("sweep", spec.toString(), "--out", local.toString(), "--master", "local[2]").code());
        SparkSession spark = Sessions.start("hdfs-it-compare", "local[2]");
        for (TableSchema t : ResultTables.sweepTables()) {
            List<String> a = TableRows.canonical(spark, local, t);
            List<String> b = TableRows.canonical(spark, out + "/" + t.name(), t);
            assertEquals(a, b, t.name() + ": rows on HDFS (interrupted and resumed) equal a local run's");
        }
        spark.stop();

        assertEquals(Main.OK, run("fit", out, "--master", "local[2]").code());
        assertTrue(fs.exists(new Path(out + "/fits")) && fs.exists(new Path(out + "/laws.csv")));
        CommandRun sql = run("sql", out, "SELECT count(DISTINCT point_id) AS points FROM points", "--master", "local[2]");
        assertEquals(Main.OK, sql.code(), sql.err());
        assertTrue(sql.out().contains(" 8\n"), sql.out()); // 2 sizes × 2 correlations × 2 replicas
        CommandRun runs = run("sql", out, "SELECT status, points_planned, points_computed, spark_version, simd_driver "
                + "FROM runs ORDER BY started", "--master", "local[2]");
        assertEquals(Main.OK, runs.code(), runs.err());
        assertTrue(runs.out().contains("incomplete") && runs.out().contains("complete"), runs.out());
        assertEquals(Main.OK, run("plot", out, "--master", "local[2]").code());
        assertTrue(fs.listStatus(new Path(out + "/figures")).length > 0, "figures on HDFS");
        CommandRun report = run("report", out, "--master", "local[2]");
        assertEquals(Main.OK, report.code(), report.err());
        assertTrue(fs.exists(new Path(out + "/report.html")) && fs.exists(new Path(out + "/report.md")));
        CommandRun verify = run("verify", out);
        assertEquals(Main.OK, verify.code(), verify.out());
        assertTrue(verify.out().contains("0 damaged"), verify.out());

        // A second writer is refused while the first holds the lock (here: a lock file a live run keeps renewed).
        fs.create(new Path(out + "/_rcsweep/lock")).close();
        CommandRun second = run("sweep", spec.toString(), "--out", out, "--master", "local[2]");
        assertEquals(Main.BAD_INPUT, second.code());
        assertTrue(second.err().contains("is being written by"), second.err());
        fs.delete(new Path(out + "/_rcsweep/lock"), false);
    }

    @Test
    void aDirectoryWithoutWritePermissionIsAOneLineErrorWithExitCodeTwo() throws Exception {
        FileSystem fs = FileSystem.get(java.net.URI.create(base), new Configuration());
        Path locked = new Path(base + "/readonly");
        fs.mkdirs(locked);
        fs.setPermission(locked, new org.apache.hadoop.fs.permission.FsPermission((short) 0555));
        CommandRun refused = org.apache.hadoop.security.UserGroupInformation.createRemoteUser("guest").doAs(
                (java.security.PrivilegedExceptionAction<CommandRun>) () -> run("sweep", spec.toString(), "--out",
                        base + "/readonly/results"));
        assertEquals(Main.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("cannot write") && refused.err().contains("/readonly/results"),
                refused.err());
        assertEquals(1, refused.err().strip().split("\n").length, "one line: " + refused.err());
        assertFalse(fs.exists(new Path(base + "/readonly/results")), "nothing written");
    }

    @Test
    void badUrisAreOneLineErrorsWithExitCodeTwo() {
        CommandRun noConnector = run("fit", "s3a://bucket/results", "--master", "local[2]");
        assertEquals(Main.BAD_INPUT, noConnector.code());
        assertTrue(noConnector.err().contains("no file system for scheme 's3a'"), noConnector.err());
        CommandRun unreachable = run("fit", "hdfs://127.0.0.1:1/results", "--master", "local[2]");
        assertEquals(Main.BAD_INPUT, unreachable.code());
        assertTrue(unreachable.err().contains("cannot reach"), unreachable.err());
        CommandRun notResults = run("fit", base + "/", "--master", "local[2]");
        assertEquals(Main.BAD_INPUT, notResults.code());
        assertTrue(notResults.err().contains("not an rcsweep results directory"), notResults.err());
        CommandRun malformed = run("sweep", spec.toString(), "--out", "hdfs://bad host:x/y");
        assertEquals(Main.BAD_INPUT, malformed.code());
        assertFalse(malformed.err().contains("\n\tat "), "no stack trace: " + malformed.err());
        for (CommandRun r : List.of(noConnector, unreachable, notResults, malformed)) {
            assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        }
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
