package org.rcsweep.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.jobs.sweep.SweepJob;
import org.rcsweep.parallel.ResidentThreads;
import org.rcsweep.spec.PointSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Workload 4: a sweep of many N = 100 points in Spark local mode. Overhead = wall time over the points' own compute
 * time (simulate + capacity + theory, as each point records it) divided by the cores Spark used.
 */
final class SweepOverheadWorkload {
    private SweepOverheadWorkload() {
    }

    /** Wall seconds to evaluate the sweep's points on {@code threads} threads of this JVM, nothing else. */
    private static double plainEvaluation(SweepSpec spec, int threads) {
        List<PointSpec> points = SweepPlanner.plan(spec);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        new ResidentThreads("plain-evaluation", threads - 1).run(threads, part -> {
            for (int i = next.getAndIncrement(); i < points.size(); i = next.getAndIncrement()) {
                PointEvaluator.evaluate(points.get(i));
            }
        });
        return (System.nanoTime() - start) * 1e-9;
    }

    /** Marks the line with the plain baseline's seconds in a child JVM's output. */
    static final String PLAIN_SECONDS = "plain-seconds=";

    private static SweepSpec spec(int points, int steps) {
        String yaml = String.join("\n",
                "name: bench-overhead",
                "seed: 11",
                "replicas: " + points,
                "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
                "sizes: [100]",
                "readouts: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]",
                "input: {steps: " + steps + ", washout: 200}",
                "run: {batch_points: 100}",
                "");
        return SweepSpecParser.parse(yaml);
    }

    /** The child JVM's side of {@link #plainInFreshJvm}: prints the plain evaluation's seconds. */
    static void printPlainSeconds(int points, int steps, int threads) {
        System.out.println(PLAIN_SECONDS + plainEvaluation(spec(points, steps), threads));
    }

    /**
     * The same points on plain threads in a new JVM with this one's options, so that its JIT starts as cold as the
     * Spark run's did: the fair baseline for the overhead.
     */
    private static double plainInFreshJvm(int points, int steps, int threads) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:ArchiveClassesAtExit")) { // one JVM records the class-data archive
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), "4",
                "--points", Integer.toString(points), "--steps", Integer.toString(steps), "--plain",
                Integer.toString(threads)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        for (String line : output.split("\n")) {
            if (line.startsWith(PLAIN_SECONDS)) {
                return Double.parseDouble(line.substring(PLAIN_SECONDS.length()).trim());
            }
        }
        throw new IOException("the plain baseline JVM printed no result (exit " + process.exitValue() + ")");
    }

    static void run(int points, int steps, Report report) throws IOException {
        SweepSpec spec = spec(points, steps);
        Path out = Files.createTempDirectory("rcsweep-bench-");
        SparkSession spark = Sessions.start("rcsweep-bench", null);
        try {
            int cores = spark.sparkContext().defaultParallelism();
            long start = System.nanoTime();
            SweepJob.Summary summary = SweepJob.run(spark, spec, out.toString(), SweepJob.Options.quiet());
            double wall = (System.nanoTime() - start) * 1e-9;
            Row sums = spark.read().parquet(out.resolve("points").toString())
                    .where("readouts = 100")
                    .selectExpr("count(*)", "sum(simulate_seconds + capacity_seconds + theory_seconds + ipc_seconds)")
                    .first();
            long rows = sums.getLong(0);
            double compute = sums.getDouble(1);
            double ideal = compute / cores;
            report.line(String.format("sweep: %d points of N = 100, T = %d, 10 readout counts, theory on; Spark "
                    + "local mode, %d cores; %d computed", points, steps, cores, summary.computed()));
            report.line(String.format("wall %.1f s; Σ point compute %.1f s over %d points, / %d cores = %.1f s; "
                    + "Spark overhead = wall / ideal − 1 = %.0f%%", wall, compute, rows, cores, ideal,
                    100 * (wall / ideal - 1)));
            double cold = plainInFreshJvm(points, steps, cores);
            double warm = plainEvaluation(spec, cores);
            report.line(String.format("same points without Spark or writes on %d plain threads: %.1f s in a fresh JVM "
                    + "(Spark wall / that − 1 = %.0f%%), %.1f s afterwards in this warm JVM (%.0f%%). The points' own "
                    + "times above grow when the driver's writes share the cores, which lowers the first ratio; "
                    + "these do not depend on them", cores, cold, 100 * (wall / cold - 1), warm,
                    100 * (wall / warm - 1)));
        } finally {
            spark.stop();
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
