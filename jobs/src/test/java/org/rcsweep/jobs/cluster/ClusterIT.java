package org.rcsweep.jobs.cluster;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.cli.Main;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.sweep.TableRows;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real cluster path: scripts/cluster starts a standalone Master and two Workers on 127.0.0.1 (separate JVMs),
 * scripts/submit sends the shaded jar through SparkSubmit; the rows must equal those of local mode, also when a
 * Worker JVM is killed in the middle of a sweep. Run by failsafe in {@code mvn verify}, after the jar is packaged.
 */
class ClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SPEC = String.join("\n",
            "name: cluster-it",
            "seed: 11",
            "replicas: 3",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
            "sizes: [30, 40]",
            "correlation: {knob: shared-input, values: [0.0, 0.8]}",
            "readouts: [5, 10, 20, 30]",
            "input: {steps: 4000, washout: 200}",
            "ipc: {max_degree: 2, max_delays: [30, 6]}",
            "run: {batch_points: 2}",
            "");

    @TempDir
    static Path tmp;
    private static Map<String, String> env;
    private static Path spec;
    private static Path local;

    @BeforeAll
    static void startClusterAndRunLocally() throws Exception {
        env = Map.of("RCSWEEP_CLUSTER_DIR", tmp.resolve("cluster").toString(),
                "RCSWEEP_MASTER_PORT", Integer.toString(freePort()),
                "RCSWEEP_MASTER_UI_PORT", Integer.toString(freePort()),
                "RCSWEEP_WORKER_MEMORY", "1500m");
        spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Process up = script("cluster", "up").start();
        assertTrue(up.waitFor(3, TimeUnit.MINUTES), "cluster up finished");
        assertEquals(0, up.exitValue(), "cluster up: " + log(tmp.resolve("cluster-up.log")));
        assertEquals("spark://127.0.0.1:" + env.get("RCSWEEP_MASTER_PORT"),
                Files.readString(tmp.resolve("cluster").resolve("master-url")).trim(),
                "cluster up writes the URL the Master bound (read back from its log) for scripts/submit");
        local = tmp.resolve("local");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertEquals(Main.OK, Main.run(new String[] {"sweep", spec.toString(), "--out", local.toString(),
            "--master", "local[2]"}, quiet, quiet));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        Path state = tmp.resolve("cluster");
        List<Long> daemons = new ArrayList<>();
        try (Stream<Path> s = Files.list(state)) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                daemons.add(Long.parseLong(Files.readString(f).trim()));
            }
        }
        // Looks like a standalone executor on loopback to a pattern over command lines; it is no process of ours.
        Process decoy = new ProcessBuilder("bash", "-c",
                "exec -a CoarseGrainedExecutorBackend-127.0.0.1-decoy sleep 300").start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!cmdline(decoy.pid()).contains("CoarseGrainedExecutorBackend-127.0.0.1")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(cmdline(decoy.pid()).contains("CoarseGrainedExecutorBackend-127.0.0.1"), "decoy started");
            Process down = script("cluster", "down").start();
            assertTrue(down.waitFor(2, TimeUnit.MINUTES), "cluster down finished");
            assertEquals(0, down.exitValue(), "cluster down: " + log(tmp.resolve("cluster-down.log")));
            assertTrue(decoy.isAlive(), "cluster down leaves alone a process it did not start, whatever its name");
            assertEquals(3, daemons.size(), "master and two workers had pid files: " + daemons);
            for (long pid : daemons) {
                assertFalse(running(pid), "cluster down stopped pid " + pid + " (master or worker)");
            }
            String stateDir = state.toRealPath().toString() + "/";
            List<Long> executors = ProcessHandle.allProcesses().map(ProcessHandle::pid)
                    .filter(pid -> running(pid) && cwd(pid).startsWith(stateDir)).toList();
            assertEquals(List.of(), executors, "no process of the cluster (executors) outlives cluster down");
            assertFalse(Files.exists(state.resolve("master-url")), "cluster down removes the master URL");
        } finally {
            decoy.destroyForcibly();
        }
    }

    /** Alive and not a zombie (an orphaned process that nobody has reaped yet is no longer running). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static String cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    /**
     * The cluster's executors write into a real HDFS (an in-process MiniDFSCluster on 127.0.0.1) through
     * scripts/submit: the rows equal local mode's, and verify reads every batch there.
     */
    @Test
    void sweepOnTheClusterIntoHdfsEqualsLocalMode() throws Exception {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        org.apache.hadoop.hdfs.MiniDFSCluster hdfs = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(conf)
                .numDataNodes(1).build();
        try {
            hdfs.waitActive();
            String out = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/results/cluster";
            Process submit = script("submit", "sweep", spec.toString(), "--out", out).start();
            assertTrue(submit.waitFor(10, TimeUnit.MINUTES), "submit finished");
            assertEquals(0, submit.exitValue(), log(tmp.resolve("submit.log")));
            SparkSession spark = Sessions.start("cluster-it-hdfs", "local[2]");
            for (TableSchema t : ResultTables.sweepTables()) {
                assertEquals(TableRows.canonical(spark, local, t), TableRows.canonical(spark, out + "/" + t.name(), t),
                        t.name() + ": rows the cluster wrote to HDFS equal local rows");
            }
            assertEquals(Main.OK, Main.run(new String[] {"verify", out}, new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(OutputStream.nullOutputStream())));
        } finally {
            hdfs.shutdown();
        }
    }

    /** The cluster run also spreads each point's IPC over two tasks (ipc.tasks): merged on the driver, same rows. */
    @Test
    void sweepOnTheClusterEqualsLocalMode() throws Exception {
        Path out = tmp.resolve("on-cluster");
        Path split = tmp.resolve("spec-split.yaml");
        Files.writeString(split, SPEC.replace("max_delays: [30, 6]}", "max_delays: [30, 6], tasks: 2}"));
        Process submit = script("submit", "sweep", split.toString(), "--out", out.toString()).start();
        assertTrue(submit.waitFor(10, TimeUnit.MINUTES), "submit finished");
        assertEquals(0, submit.exitValue(), log(tmp.resolve("submit.log")));
        assertSameRows(local, out);
    }

    @Test
    void killingAWorkerMidSweepLosesNothingAndDuplicatesNothing() throws Exception {
        Path out = tmp.resolve("worker-killed");
        Process submit = script("submit", "sweep", spec.toString(), "--out", out.toString()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (committedBatches(out) < 1 && submit.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(submit.isAlive(), "the sweep is still running when the worker is killed");
        long pid = Long.parseLong(Files.readString(tmp.resolve("cluster").resolve("worker-1.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(submit.waitFor(10, TimeUnit.MINUTES), "submit finished");
        if (submit.exitValue() != 0) {
            // The driver gave up: re-running the same command resumes from the committed batches.
            Process resume = script("submit", "sweep", spec.toString(), "--out", out.toString()).start();
            assertTrue(resume.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, resume.exitValue(), log(tmp.resolve("submit.log")));
        }
        assertSameRows(local, out);
    }

    private static void assertSameRows(Path expected, Path actual) {
        SparkSession spark = Sessions.start("cluster-it-compare", "local[2]");
        for (TableSchema t : ResultTables.sweepTables()) {
            List<String> a = TableRows.canonical(spark, expected, t);
            List<String> b = TableRows.canonical(spark, actual, t);
            assertEquals(a.size(), b.size(), t.name() + " row count");
            assertEquals(a, b, t.name() + ": cluster rows equal local rows (same ids, seeds and values)");
        }
    }

    private static long committedBatches(Path out) throws IOException {
        Path points = out.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(points)) {
            return s.filter(p -> Files.exists(p.resolve("_SUCCESS"))).count();
        }
    }

    private static ProcessBuilder script(String name, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = ROOT.resolve("scripts").resolve(name).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().putAll(env);
        File logFile = tmp.resolve(name + (args.length > 0 && name.equals("cluster") ? "-" + args[0] : "") + ".log")
                .toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile));
        return pb;
    }

    private static String log(Path file) {
        try {
            String text = Files.readString(file);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
