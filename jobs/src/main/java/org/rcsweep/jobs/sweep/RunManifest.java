package org.rcsweep.jobs.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.eval.PointResult;
import org.rcsweep.stats.TransposeProduct;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The provenance of one sweep run, {@code runs/<run-id>.json}: when and how it ran (command line, spec hash, code
 * version), on what (JVM, architecture, cores, whether the SIMD kernels were active on the driver and on each
 * executor, Spark version, master, executors) and what it did (points planned, skipped, computed, statuses, failed
 * points and causes). Written when the run starts and rewritten when it ends; {@code rcsweep sql} shows the
 * manifests as the view {@code runs}.
 */
final class RunManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ObjectNode root = JSON.createObjectNode();
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, String> failed = new TreeMap<>();
    private final TreeSet<String> executors = new TreeSet<>();
    private final TreeSet<String> executorSimd = new TreeSet<>();
    private final SparkContext context;
    private int computed;

    private RunManifest(SparkContext context) {
        this.context = context;
    }

    /** A new run id: UTC start time and a random suffix, sortable by time. */
    static String newRunId() {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return ID_TIME.format(Instant.now()) + "-" + String.format("%02x%02x%02x", b[0], b[1], b[2]);
    }

    static String path(String runId) {
        return "runs/" + runId + ".json";
    }

    static RunManifest start(String runId, String command, SparkSession spark) {
        RunManifest m = new RunManifest(spark.sparkContext());
        ObjectNode r = m.root;
        r.put("run_id", runId);
        r.put("status", "running");
        r.put("started", Instant.now().toString());
        r.putNull("ended");
        r.put("command", command);
        r.putNull("spec_hash");
        r.put("code_version", CodeVersion.get());
        r.put("jvm_vendor", System.getProperty("java.vm.vendor"));
        r.put("jvm_version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        r.put("os_name", System.getProperty("os.name"));
        r.put("os_arch", System.getProperty("os.arch"));
        r.put("driver_cores", Runtime.getRuntime().availableProcessors());
        r.put("driver_max_heap_bytes", Runtime.getRuntime().maxMemory());
        r.put("simd_driver", TransposeProduct.VECTORISED);
        r.putNull("simd_executors");
        r.put("spark_version", spark.version());
        r.put("master", spark.sparkContext().master());
        r.put("default_parallelism", spark.sparkContext().defaultParallelism());
        m.updateExecutors();
        return m;
    }

    void specHash(String hash) {
        root.put("spec_hash", hash);
    }

    void planned(int planned, int skipped) {
        root.put("points_planned", planned);
        root.put("points_skipped", skipped);
        root.put("points_computed", 0);
    }

    /** Counts a committed batch's points. */
    void committed(int points, List<PointResult> results) {
        computed += points;
        for (PointResult r : results) {
            statuses.merge(r.status().label(), 1L, Long::sum);
        }
    }

    /** Records where a unit ran and whether that JVM had the SIMD kernels. */
    void executor(String id, boolean simd) {
        executors.add(id);
        executorSimd.add(String.valueOf(simd));
    }

    void failed(Throwable e) {
        root.put("status", "failed");
        root.put("error", e.getClass().getName() + ": " + e.getMessage());
    }

    void end(SweepJob.Summary summary) {
        root.put("ended", Instant.now().toString());
        root.put("points_computed", computed);
        ObjectNode s = root.putObject("statuses");
        statuses.forEach(s::put);
        if (summary != null) {
            root.put("status", summary.complete() ? "complete" : "incomplete");
            summary.failed().forEach(failed::put);
            root.put("points_retried", summary.retried());
        }
        ObjectNode f = root.putObject("failed_points");
        failed.forEach(f::put);
        updateExecutors();
    }

    private void updateExecutors() {
        // The driver counts as an executor in Spark's tracker; in local mode it is the only one.
        int count = context.statusTracker().getExecutorInfos().length;
        root.put("executor_count", context.isLocal() ? 1 : Math.max(0, count - 1));
        root.put("executor_hosts", String.join(",", executors));
        if (!executorSimd.isEmpty()) {
            root.put("simd_executors", executorSimd.size() == 1 ? executorSimd.first() : "mixed");
        }
    }

    String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
