package org.rcsweep.jobs.spec;

import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.spec.CfcSpec;
import org.rcsweep.spec.CustomSpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.LearnedMemorySpec;
import org.rcsweep.spec.LearnedSpikingMemorySpec;
import org.rcsweep.spec.LiGruSpec;
import org.rcsweep.spec.LifSpec;
import org.rcsweep.spec.LowRankSparseSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.SpikeCodingSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep asks of the machine, computed from the spec's lists alone, never from its expanded points, so that it
 * takes microseconds even for a grid of 10¹⁸ points (docs/sweep-spec.md, "Plan checks").
 *
 * <p>Memory per point is the peak of one point's own arrays, about 8·(w·N² + B·N + m·L·(K + 1) + L²) bytes plus
 * 8·L·block_targets·2 per IPC thread, with N the size, B = {@code capacity.chunk_steps} (the streamed states),
 * L the largest readout count, K the largest delay ({@code capacity.max_delay}, 2N by default), m = 2 moment
 * accumulators for the holdout estimator (fit and test) and 1 in-sample, and w the N × N matrices alive at once:
 * 2 for the rate models while their weights are built (the generated matrix and its aligned copy; a sparse W, density
 * ≤ 0.1, is kept dense as well, plus 12 bytes per nonzero entry), 3 for cfc, 2 for ligru, learned-memory and
 * learned-spiking-memory, 1 for lif, none for diagonal-ssm and spike-coding; the linear theory ({@code theory.linear}) holds 8 more (A, Q and the
 * six of the Lyapunov doubling) next to the kept weights, the mean-field theory ({@code theory.meanfield}, rate
 * models) 12 (W and Wᵀ, the previous iterate's A and Γ, the next A and Q, the six of the doubling).
 *
 * <p>Work is counted in floating-point operations: per point (washout + T)·s + T·(L² + c) with s the flops of one
 * step (2·nonzeros of each recurrent matrix, about 10·N for the rest) and c the memory targets' cross moments
 * (2·L·(K + 1) by products, 10·L·log₂(K + 1) by FFT from K = 128), plus 25·N³ for the linear theory (measured:
 * N = 1000 takes about 2.5 s on two threads), 12·27·N³ for the mean-field theory (a Lyapunov solve and the product
 * WΓ per iteration; measured 6–12 iterations for tanh ESNs), learning_steps·(s + 4N²) for learned-memory's learning
 * phase and learning_steps·(s + 3N²) for learned-spiking-memory's, and for
 * IPC at most ⌈max_targets / block_targets⌉ further simulation passes and T·max_targets·(L + max_degree) for the
 * targets (docs/ipc.md, "Cost", with max_targets as the number of targets).
 *
 * @param points        exact number of points planned (identical points counted once)
 * @param bytesPerPoint estimated peak memory of the point that needs the most
 * @param flops         estimated floating-point operations of the whole sweep
 * @param largest       that point's model, N, L and K
 * @param memoryField   the spec field behind the largest term of that point's memory
 * @param largestFlops  estimated floating-point operations of the point that needs the most work
 * @param grid          the distinct entries of each axis: "2 models × 3 sizes × 1 correlation values × 2 replicas"
 */
public record PlanEstimate(long points, long bytesPerPoint, double flops, String largest, String memoryField,
                           double largestFlops, String grid) {
    /** More points than this are refused. */
    public static final long MAX_POINTS = 10_000_000L;
    /** More points than this are run, with a warning. */
    public static final long WARN_POINTS = 100_000L;
    /** The conservative rate the time estimate assumes. */
    public static final double FLOPS_PER_CORE = 5e9;
    /** A sweep estimated to take longer than this on the local cores is run, with a warning. */
    public static final double WARN_SECONDS = 3600;
    /** The longest Java array (the HotSpot limit, a few entries below Integer.MAX_VALUE). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** The field named when the grid is too large: its axes. */
    public static final String GRID_FIELD = "models × sizes × correlation.values × replicas";

    /**
     * Where the sweep runs. Local mode (no master, or {@code local[...]}): every point runs inside this JVM, whose
     * maximum heap is then a hard limit. On a cluster the executors' memory is not known here.
     *
     * @param local     local mode
     * @param heapBytes this JVM's maximum heap
     * @param cores     points that run at once in local mode
     */
    public record Machine(boolean local, long heapBytes, int cores) {
        /** @param master the {@code --master} option, or null for spark-submit's {@code spark.master} or else local */
        public static Machine of(String master) {
            String m = master != null ? master : System.getProperty("spark.master");
            boolean local = m == null || m.startsWith("local");
            int cores = Runtime.getRuntime().availableProcessors();
            if (m != null) {
                java.util.regex.Matcher k = java.util.regex.Pattern.compile("local\\[(\\d+)(,\\d+)?]").matcher(m);
                if (k.matches()) {
                    cores = Math.max(1, Integer.parseInt(k.group(1)));
                }
            }
            return new Machine(local, Runtime.getRuntime().maxMemory(), cores);
        }
    }

    /**
     * The estimate; refuses (with a {@link SpecException}) a grid of more than {@link #MAX_POINTS} points, counted
     * without listing them, and a point whose arrays cannot exist in Java (more than {@link #MAX_ARRAY} entries).
     */
    public static PlanEstimate of(SweepSpec spec) {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (ModelSpec m : spec.models()) {
            models.putIfAbsent(m.canonical(), m);
        }
        Set<Integer> sizes = new LinkedHashSet<>(spec.sizes());
        long values = distinct(spec.correlationValues());
        String factors = count(models.size(), "model") + " × " + count(sizes.size(), "size") + " × "
                + count(values, "correlation value") + " × " + count(spec.replicas(), "replica");
        long points;
        try {
            points = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact((long) models.size(), sizes.size()),
                    values), (long) spec.replicas());
        } catch (ArithmeticException e) {
            throw new SpecException(GRID_FIELD, "plans more than " + Long.MAX_VALUE + " points (" + factors
                    + "), more than the limit of " + MAX_POINTS + " points per sweep");
        }
        if (points > MAX_POINTS) {
            throw new SpecException(GRID_FIELD, "plans " + points + " points (" + factors + "), more than the limit "
                    + "of " + MAX_POINTS + " points per sweep: split it into several sweeps or shorten an axis");
        }
        long cellsPerModelAndSize = values * spec.replicas();
        long maxBytes = -1;
        String largest = "";
        String field = "sizes";
        double flops = 0;
        double largestFlops = 0;
        for (ModelSpec model : models.values()) {
            for (int n : sizes) {
                int l = maxReadouts(spec, n);
                int k = spec.capacity().resolvedMaxDelay(n);
                checkArrays(spec, model, n, l, k);
                long[] terms = memoryTerms(spec, model, n, l, k);
                long bytes = 0;
                int top = 0;
                for (int i = 0; i < terms.length; i++) {
                    bytes = Math.addExact(bytes, terms[i]);
                    top = terms[i] > terms[top] ? i : top;
                }
                if (bytes > maxBytes) {
                    maxBytes = bytes;
                    largest = model.kind() + ", N = " + n + ", L = " + l + ", K = " + k;
                    field = switch (top) {
                        case 0 -> sizeField(spec, n);
                        case 1 -> "capacity.chunk_steps";
                        case 2 -> "capacity.max_delay";
                        case 3 -> readoutField(spec);
                        default -> "ipc.block_targets";
                    };
                }
                double f = pointFlops(spec, model, n, l, k);
                largestFlops = Math.max(largestFlops, f);
                flops += f * cellsPerModelAndSize;
            }
        }
        return new PlanEstimate(points, maxBytes, flops, largest, field, largestFlops, factors);
    }

    /**
     * Refuses what cannot run on {@code machine} and returns warnings for what may take too long or too much. In
     * local mode a point that needs more than this JVM's heap is refused (every point runs inside it); on a cluster
     * nothing is refused on memory, since the executors may have more.
     */
    public List<String> check(Machine machine) {
        List<String> warnings = new ArrayList<>();
        if (points > WARN_POINTS) {
            warnings.add("the sweep plans " + points + " points, more than " + WARN_POINTS
                    + ": check the grid (models × sizes × correlation values × replicas) before running it");
        }
        if (machine.local()) {
            if (bytesPerPoint > machine.heapBytes()) {
                throw new SpecException(memoryField, "the largest point (" + largest + ") needs about "
                        + bytes(bytesPerPoint) + ", more than the limit of this JVM's maximum heap, "
                        + bytes(machine.heapBytes()) + ", which holds every point in local mode; give Java more "
                        + "heap (RCSWEEP_JAVA_OPTS=-Xmx...) or make the point smaller (on a cluster, pass --master "
                        + "to check against the executors instead)");
            }
            long together = Math.min(machine.cores(), points);
            if (together > 1 && bytesPerPoint * (double) together > machine.heapBytes()) {
                warnings.add(together + " points run at once (one per core) and may need about "
                        + bytes((long) (bytesPerPoint * (double) together)) + " together, more than the heap of "
                        + bytes(machine.heapBytes()) + ": some may fail with OutOfMemoryError; give Java more heap or "
                        + "run on fewer cores (--master local[k])");
            }
            double seconds = seconds(machine);
            if (seconds > WARN_SECONDS) {
                warnings.add("the estimated work, " + String.format(Locale.ROOT, "%.2g", flops) + " floating-point "
                        + "operations, takes about " + duration(seconds) + " on " + cores(machine) + " at "
                        + rate() + ", more than " + duration(WARN_SECONDS));
            }
        }
        return warnings;
    }

    /**
     * Lines describing the plan, for {@code rcsweep validate} and {@code rcsweep sweep --dry-run}: memory per point
     * and of the points that run at once, time per point and in total (its size is {@link #points} and {@link #grid}).
     */
    public List<String> describe(Machine machine) {
        List<String> lines = new ArrayList<>();
        long together = busyCores(machine);
        long totalBytes = (long) Math.min(Long.MAX_VALUE, (double) bytesPerPoint * together);
        lines.add("memory per point: about " + bytes(bytesPerPoint) + " (largest: " + largest + ")"
                + (machine.local() ? "; in total about " + bytes(totalBytes) + " for the " + together
                + (together == 1 ? " point" : " points") + " that run at once; heap of this JVM: "
                + bytes(machine.heapBytes()) : "; each executor core needs that much"));
        lines.add("time per point: about " + duration(flops / points / FLOPS_PER_CORE) + " on average, "
                + duration(largestFlops / FLOPS_PER_CORE) + " for the point with the most work, on one core");
        String work = "estimated work: " + String.format(Locale.ROOT, "%.2g", flops) + " floating-point operations, ";
        lines.add(work + (machine.local() ? "about " + duration(seconds(machine)) + " in total on " + cores(machine)
                : "about " + String.format(Locale.ROOT, "%.2g",
                flops / FLOPS_PER_CORE / 3600) + " core-hours in total") + " at " + rate());
        return lines;
    }

    /** Cores busy at once: one point per core, never more cores than points. */
    private long busyCores(Machine machine) {
        return Math.max(1, Math.min(machine.cores(), points));
    }

    private String cores(Machine machine) {
        long c = busyCores(machine);
        return c + (c == 1 ? " core" : " cores");
    }

    private double seconds(Machine machine) {
        return flops / (FLOPS_PER_CORE * busyCores(machine));
    }

    private static String rate() {
        return String.format(Locale.ROOT, "%.0f GFLOP/s per core", FLOPS_PER_CORE / 1e9);
    }

    static String bytes(long b) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String duration(double seconds) {
        if (seconds < 0.001) {
            return "under 1 ms";
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", Math.ceil(seconds * 1000));
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 2 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.3g days", seconds / 86400);
    }

    /** Distinct values (distinct doubles have distinct {@code CorrelationSpec.canonical()}), by sorting their bits. */
    private static long distinct(List<Double> values) {
        long[] bits = new long[values.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToLongBits(values.get(i));
        }
        java.util.Arrays.sort(bits);
        long count = 0;
        for (int i = 0; i < bits.length; i++) {
            if (i == 0 || bits[i] != bits[i - 1]) {
                count++;
            }
        }
        return count;
    }

    private static int maxReadouts(SweepSpec spec, int n) {
        List<Integer> l = spec.readouts().resolve(n);
        return l.get(l.size() - 1);
    }

    private static String sizeField(SweepSpec spec, int n) {
        return "sizes[" + spec.sizes().indexOf(n) + "]";
    }

    private static String readoutField(SweepSpec spec) {
        return spec.readouts().counts() != null ? "readouts" : "readout_fractions";
    }

    /** The rate models: a dense W (LeakyRateReservoir). */
    private static boolean rateModel(ModelSpec m) {
        return m instanceof EsnSpec || m instanceof OrthogonalSpec || m instanceof RingSpec
                || m instanceof DelayLineSpec || m instanceof LowRankSparseSpec || m instanceof CustomSpec;
    }

    private static boolean linearTheory(SweepSpec spec, ModelSpec m) {
        return spec.theory().linear() && (rateModel(m) || m instanceof DiagonalSsmSpec);
    }

    private static boolean meanFieldTheory(SweepSpec spec, ModelSpec m) {
        return spec.theory().meanfield() && rateModel(m);
    }

    /** N × N matrices alive at once: while the weights are built, and later next to a theory's (one at a time). */
    private static int squareMatrices(SweepSpec spec, ModelSpec m) {
        int built;
        int kept;
        if (rateModel(m)) {
            built = 2;
            kept = 1;
        } else if (m instanceof CfcSpec) {
            built = kept = 3;
        } else if (m instanceof LiGruSpec || m instanceof LearnedMemorySpec
                || m instanceof LearnedSpikingMemorySpec) {
            built = kept = 2;
        } else if (m instanceof LifSpec) {
            built = kept = 1;
        } else {
            built = kept = 0;
        }
        return Math.max(built, kept + Math.max(linearTheory(spec, m) ? 8 : 0, meanFieldTheory(spec, m) ? 12 : 0));
    }

    /** Fraction of nonzero recurrent weights where the sparse product is used, else 1. */
    private static double sparseDensity(ModelSpec m, int n) {
        double p = m instanceof EsnSpec esn ? esn.density()
                : m instanceof LowRankSparseSpec lr ? 1 - lr.sparsity()
                : m instanceof RingSpec || m instanceof DelayLineSpec ? 1.0 / n : 1.0;
        return p <= 0.1 ? p : 1.0;
    }

    /** Bytes of: the N × N matrices, the streamed states, the moment accumulators, the Gram matrix, IPC. */
    private static long[] memoryTerms(SweepSpec spec, ModelSpec m, int n, int l, int k) {
        long nn = (long) n * n;
        long square = Math.multiplyExact(8L * squareMatrices(spec, m), nn);
        double p = sparseDensity(m, n);
        if (p < 1.0) {
            square += (long) (12 * p * nn);
        }
        long states = 8L * spec.capacity().chunkSteps() * n;
        long moments = 8L * (spec.capacity().estimator() == Estimator.HOLDOUT ? 2 : 1) * l * (k + 1L);
        long gram = 8L * l * l;
        IpcSpec ipc = spec.ipc();
        long ipcBytes = ipc.enabled() ? 8L * l * ipc.blockTargets() * 2 * ipc.threads() : 0;
        return new long[] {square, states, moments, gram, ipcBytes};
    }

    /** Arrays longer than Java allows: the point could never run. */
    private static void checkArrays(SweepSpec spec, ModelSpec m, int n, int l, int k) {
        if (squareMatrices(spec, m) > 0) {
            long entries = (long) n * ((n + 3) & ~3) + 4; // AlignedRows: rows padded to 4, plus the alignment
            if (entries > MAX_ARRAY) {
                throw new SpecException(sizeField(spec, n), "N = " + n + " needs N × N arrays of " + (long) n * n
                        + " entries (model kind '" + m.kind() + "'), more than the limit of " + MAX_ARRAY
                        + " entries of a Java array: N ≤ 46340 for this model");
            }
        }
        arrayLimit("capacity.chunk_steps", (long) spec.capacity().chunkSteps() * n,
                "chunk_steps × N = " + spec.capacity().chunkSteps() + " × " + n);
        arrayLimit("capacity.max_delay", (long) l * (k + 1), "L × (K + 1) = " + l + " × " + (k + 1L));
        arrayLimit(readoutField(spec), (long) l * l, "L × L = " + l + " × " + l);
        if (spec.ipc().enabled()) {
            arrayLimit("ipc.block_targets", (long) l * spec.ipc().blockTargets(),
                    "L × block_targets = " + l + " × " + spec.ipc().blockTargets());
        }
    }

    private static void arrayLimit(String field, long entries, String what) {
        if (entries > MAX_ARRAY) {
            throw new SpecException(field, what + " = " + entries + " entries in one array, more than the limit of "
                    + MAX_ARRAY + " entries of a Java array");
        }
    }

    /** Floating-point operations of one step of the reservoir. */
    private static double stepFlops(ModelSpec m, int n) {
        double nn = (double) n * n;
        double matrices;
        if (rateModel(m)) {
            matrices = 2 * sparseDensity(m, n) * nn;
        } else if (m instanceof CfcSpec) {
            matrices = 6 * nn;
        } else if (m instanceof LiGruSpec || m instanceof LearnedMemorySpec
                || m instanceof LearnedSpikingMemorySpec) {
            matrices = 4 * nn;
        } else if (m instanceof LifSpec) {
            matrices = 2 * nn;
        } else if (m instanceof SpikeCodingSpec scn) {
            matrices = 4.0 * scn.dimensions() * n;
        } else {
            matrices = 0;
        }
        return matrices + 10.0 * n;
    }

    private static double pointFlops(SweepSpec spec, ModelSpec m, int n, int l, int k) {
        double steps = spec.input().steps();
        double all = steps + spec.input().washout();
        double step = stepFlops(m, n);
        double targets = k + 1 < PointEvaluator.FFT_MIN_DELAY ? 2.0 * l * (k + 1)
                : 10.0 * l * (Math.log(k + 1) / Math.log(2));
        double f = all * step + steps * ((double) l * l + targets);
        if (linearTheory(spec, m)) {
            f += 25.0 * n * (double) n * n;
        }
        if (meanFieldTheory(spec, m)) {
            f += 12 * 27.0 * n * (double) n * n;
        }
        if (m instanceof LearnedMemorySpec learned) {
            f += learned.learningSteps() * (step + 4.0 * n * n);
        }
        if (m instanceof LearnedSpikingMemorySpec learned) {
            f += learned.learningSteps() * (step + 3.0 * n * n);
        }
        IpcSpec ipc = spec.ipc();
        if (ipc.enabled()) {
            double passes = Math.ceil((double) ipc.maxTargets() / ipc.blockTargets());
            f += passes * all * step + steps * ipc.maxTargets() * ((double) l + ipc.maxDegree()); // docs/ipc.md#cost
        }
        return f;
    }

    /** "1 model", "3 models". */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
