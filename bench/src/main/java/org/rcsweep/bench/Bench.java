package org.rcsweep.bench;

import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.stats.TransposeProduct;

import java.util.Locale;

/**
 * {@code scripts/bench W [--steps T] [--n N] [--points P] [--threads K] [--cold] [--chunk B] [--repeat R]
 * [--shards S] [--theory]}: runs workload W (1–4, see README "Performance") and prints its stages as Markdown; with
 * {@code --repeat R} workloads 1 and 2 measure R passes (and R NumPy runs) and report the median; {@code --theory}
 * also times workload 1's point with the theory predictions on. scripts/bench starts one JVM per workload
 * so that heap limits and JIT state are the workload's own.
 */
public final class Bench {
    private static final double REFERENCE_SECONDS = 3.0;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) {
            System.err.println("usage: Bench WORKLOAD(1-4) [--steps T] [--n N] [--points P] [--threads K] [--cold] "
                    + "[--chunk B] [--repeat R] [--shards S] [--theory]");
            System.exit(2);
        }
        int workload = Integer.parseInt(args[0]);
        Integer steps = null;
        Integer n = null;
        Integer points = null;
        Integer threads = null;
        boolean cold = false;
        boolean theory = false;
        Integer plain = null;
        Integer chunk = null;
        int streams = 1;
        int repeats = 1;
        int shards = 1;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--cold")) {
                cold = true;
                continue;
            }
            if (option.equals("--theory")) {
                theory = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            int value = Integer.parseInt(args[++i]);
            switch (option) {
                case "--steps" -> steps = value;
                case "--n" -> n = value;
                case "--points" -> points = value;
                case "--threads" -> threads = value;
                case "--plain" -> plain = value;
                case "--chunk" -> chunk = value;
                case "--streams" -> streams = value;
                case "--repeat" -> repeats = value;
                case "--shards" -> shards = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeats);
        }
        if (workload == 4 && plain != null) { // the child JVM of workload 4's plain baseline
            SweepOverheadWorkload.printPlainSeconds(points == null ? 500 : points, steps == null ? 2000 : steps, plain);
            return;
        }
        Report report = new Report(System.out);
        report.heading("Workload " + workload);
        report.line(String.format("JVM %s, %d cores, max heap %.0f MiB, SIMD kernels %s, reference BLAS %s",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                HeapPeak.maxHeapMebibytes(), TransposeProduct.VECTORISED ? "on" : "off",
                Reference.implementation()));
        int cores = Runtime.getRuntime().availableProcessors();
        report.line("cores at the start: " + CoreScaling.measure(cores).describe());
        switch (workload) {
            case 1 -> {
                int size = n == null ? 1000 : n;
                int k = threads == null ? 1 : threads;
                int b = chunk == null ? CapacitySpec.defaults().chunkSteps() : chunk;
                PointSpec spec = MemoryCapacityWorkload.point(size, steps == null ? 20_000 : steps, 3000, 2 * size,
                        size, k, b);
                if (!cold) {
                    // The whole point once: a shorter warm-up leaves the first measured pass still compiling.
                    double seconds = MemoryCapacityWorkload.warmUp(spec);
                    report.line(String.format("warm JVM: the same point ran once first (%.2f s), as on a sweep "
                            + "executor after its first point; --cold measures a fresh JVM", seconds));
                }
                MemoryCapacityWorkload.run(spec, REFERENCE_SECONDS, true, repeats, report);
                if (theory) {
                    MemoryCapacityWorkload.theory(spec, report);
                }
            }
            case 2 -> {
                int size = n == null ? 4000 : n;
                MemoryCapacityWorkload.run(MemoryCapacityWorkload.point(size, steps == null ? 100_000 : steps, 1000,
                        1000, 1000, threads == null ? 1 : threads, org.rcsweep.spec.CapacitySpec.defaults().chunkSteps(), streams),
                        REFERENCE_SECONDS, false, repeats, report);
            }
            case 3 -> IpcWorkload.run(IpcWorkload.point(steps == null ? 1_000_000 : steps,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads), REFERENCE_SECONDS, shards,
                    report);
            case 4 -> SweepOverheadWorkload.run(points == null ? 500 : points, steps == null ? 2000 : steps, report);
            default -> throw new IllegalArgumentException("workload must be 1-4, got " + workload);
        }
        report.line("cores at the end: " + CoreScaling.measure(cores).describe());
    }
}
