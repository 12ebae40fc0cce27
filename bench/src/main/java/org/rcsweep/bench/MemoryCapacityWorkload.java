package org.rcsweep.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rcsweep.capacity.NestedReadoutCapacity;
import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.eval.MemorySink;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointSimulation;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.TheorySpec;
import org.rcsweep.stats.CrossMoments;
import org.rcsweep.stats.TransposeProduct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Workloads 1 and 2: memory capacity of one tanh ESN point for ten readout counts, stage by stage, with the
 * accumulation kernel's in-run baselines (EJML's multAddTransA and rcsweep's scalar path) on same-shaped operands.
 */
final class MemoryCapacityWorkload {
    private MemoryCapacityWorkload() {
    }

    /** @param threads capacity.threads: threads simulating the reservoir */
    static PointSpec point(int n, int steps, int washout, int maxDelay, int maxReadouts, int threads) {
        return point(n, steps, washout, maxDelay, maxReadouts, threads, CapacitySpec.defaults().chunkSteps());
    }

    /** @param chunk capacity.chunk_steps (time steps per streamed chunk) */
    static PointSpec point(int n, int steps, int washout, int maxDelay, int maxReadouts, int threads, int chunk) {
        return point(n, steps, washout, maxDelay, maxReadouts, threads, chunk, 1);
    }

    /** @param streams input.streams (S input streams of T/S samples, advanced together) */
    static PointSpec point(int n, int steps, int washout, int maxDelay, int maxReadouts, int threads, int chunk,
                           int streams) {
        List<Integer> readouts = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            readouts.add(Math.max(1, maxReadouts * i / 10));
        }
        return new PointSpec("bench", 1L, new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0), n,
                CorrelationSpec.none(), 0, readouts, new InputSpec(InputDistribution.UNIFORM, steps, washout, streams),
                CapacitySpec.defaults().withMaxDelay(maxDelay).withThreads(threads).withChunkSteps(chunk),
                new TheorySpec(false, false), IpcSpec.disabled());
    }

    /**
     * Runs a short point of the same shape (simulation, moments and all readouts) and returns its seconds, so that
     * the measured pass finds the JIT-compiled code a sweep's executor has after its first point, not a cold JVM.
     */
    static double warmUp(PointSpec spec) {
        long start = System.nanoTime();
        measure(spec);
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * One simulation pass with its moments, then every readout count: what workload 1 times stage by stage. Only
     * times and capacities are kept, so the reservoir and moments of earlier passes are garbage when the next runs.
     */
    private record Pass(double simulateSeconds, double sinkSeconds, double passSeconds, double solveSeconds,
                        ReadoutCapacity[] caps) {
    }

    private static Pass measure(PointSpec spec) {
        CrossMoments train = PointEvaluator.memoryMoments(spec);
        CrossMoments test = PointEvaluator.memoryMoments(spec);
        PointSimulation simulation = new PointSimulation(spec);
        long start = System.nanoTime();
        simulation.run(new MemorySink(train, test));
        double pass = (System.nanoTime() - start) * 1e-9;
        start = System.nanoTime();
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        ReadoutCapacity[] caps = NestedReadoutCapacity.solve(train, test, readouts, spec.capacity().ridge(),
                spec.capacity().maxCondition(), spec.capacity().threads());
        return new Pass(simulation.simulateSeconds(), simulation.sinkSeconds(), pass,
                (System.nanoTime() - start) * 1e-9, caps);
    }

    /**
     * @param withNumpy also run the NumPy version of the point ({@link NumpyReference}) and compare
     * @param repeats measured passes (each followed by a NumPy run); the stages report the median pass (the slower
     *                middle one for an even count), so that one pass slowed by the machine's other tenants does not
     *                decide a ratio
     */
    static List<Stage> run(PointSpec spec, double referenceSeconds, boolean withNumpy, int repeats, Report report) {
        int n = spec.n();
        int p = spec.maxReadouts();
        int m = spec.maxDelay() + 1;
        int steps = spec.input().steps();
        int chunk = spec.capacity().chunkSteps();
        report.line("point: tanh ESN N = " + n + ", T = " + steps + " (+" + spec.input().washout()
                + " washout), K = " + spec.maxDelay() + ", L = " + spec.readouts() + ", holdout, chunk " + chunk
                + ", simulated by " + spec.capacity().threads() + " thread(s)");

        // With NumPy, its runs alternate with rcsweep's passes, so that each ratio compares two runs minutes apart at
        // most: a shared machine's speed can drift by tens of percent over longer spans, which would otherwise decide
        // the ratios.
        List<Pass> passes = new ArrayList<>();
        List<NumpyReference.Times> numpy = new ArrayList<>();
        String numpyMissing = withNumpy ? null : "not asked for";
        double heap;
        double live;
        try (HeapPeak peak = HeapPeak.start()) {
            for (int r = 0; r < repeats; r++) {
                passes.add(measure(spec));
                if (numpyMissing == null) {
                    try {
                        numpy.add(NumpyReference.run(spec.n(), spec.input().steps(), spec.input().washout(),
                                spec.maxDelay(), spec.maxReadouts(), spec.capacity().threads()));
                    } catch (NumpyReference.NotRun e) {
                        numpyMissing = e.getMessage();
                    }
                }
            }
            heap = peak.mebibytes();
            live = peak.afterCollectionMebibytes();
        }
        List<Pass> inOrder = List.copyOf(passes);
        passes.sort(Comparator.comparingDouble(x -> x.passSeconds() + x.solveSeconds()));
        Pass measured = passes.get(passes.size() / 2);
        if (repeats > 1) {
            String all = passes.stream().map(x -> String.format("%.2f (simulate %.2f, accumulate %.2f, solve %.2f)",
                            x.passSeconds() + x.solveSeconds(), x.simulateSeconds(), x.sinkSeconds(), x.solveSeconds()))
                    .collect(Collectors.joining("; "));
            report.line(repeats + " measured passes, sorted by whole time (s): " + all + "; the table shows the median"
                    + " pass");
        }
        double pass = measured.passSeconds();
        double solve = measured.solveSeconds();
        ReadoutCapacity[] caps = measured.caps();
        double mc = ReadoutCapacity.sum(caps[caps.length - 1].holdout());

        double gemv = Reference.gemv(n, referenceSeconds);
        double gemm = Reference.gemm(chunk, p, m, referenceSeconds);
        double simulate = measured.simulateSeconds();
        double accumulate = measured.sinkSeconds();
        int streams = spec.input().streams();
        double total = steps + (double) streams * spec.input().washout();
        List<Stage> stages = new ArrayList<>();
        if (streams > 1) {
            double own = Reference.ownGemm(n, n, ((streams + 3) & ~3), spec.capacity().threads(),
                    referenceSeconds);
            stages.add(new Stage("simulate (" + streams + " streams)", simulate, 2.0 * n * n * total, own,
                    "reference: rcsweep's own SIMD matrix–matrix kernel on the same operands, (" + n + "×" + n + ")ᵀ("
                            + n + "×" + ((streams + 3) & ~3) + "), " + spec.capacity().threads()
                            + " threads"));
        } else {
            stages.add(new Stage("simulate", simulate, 2.0 * n * n * total, gemv, "reference: dgemv " + n + "×" + n));
        }
        boolean fft = m - 1 >= PointEvaluator.FFT_MIN_DELAY;
        stages.add(new Stage("accumulate Gram + cross", accumulate,
                2.0 * steps * (p * (p + 1) / 2.0 + (double) p * m), gemm,
                "flops of the direct products (upper triangle once)" + (fft ? ", though the cross moments are "
                        + "computed by FFT with far fewer: the rate is product-equivalent" : "")
                        + "; reference: dgemm (" + chunk + "×" + p + ")ᵀ(" + chunk + "×" + m + ")"));
        // Cholesky p³/3; z = R⁻¹c p²m; holdout scores: H̃ = R⁻¹HR⁻ᵀ p³ + p³/3 (its upper triangle), d̃ = R⁻¹d p²m,
        // g = tril(H̃)z 2p²m.
        double solveFlops = p * (double) p * p * (1.0 / 3 + 4.0 / 3) + 4.0 * p * (double) p * m;
        stages.add(new Stage("factorise + solve all L", solve, solveFlops, gemm,
                "flops ≈ 5p³/3 + 4p²m (Cholesky, whitening, holdout scores for every L)"));
        report.stages(stages);
        report.line(String.format("whole pass %.2f s; capacity (accumulate + solve) / simulate = %.2f; "
                        + "MC(L = %d) = %.2f; peak heap %.0f MiB of %.0f MiB (pool peaks, garbage included), at most "
                        + "%.0f MiB in use after a collection", pass + solve,
                (accumulate + solve) / simulate, p, mc, heap, HeapPeak.maxHeapMebibytes(), live));
        kernelBaselines(chunk, p, m, referenceSeconds, gemm, report);
        if (withNumpy) {
            if (numpy.size() == inOrder.size()) {
                numpyComparison(spec, inOrder, numpy, report);
            } else {
                report.line("NumPy/OpenBLAS reference not run: " + numpyMissing);
            }
        }
        return stages;
    }

    /**
     * Evaluates the point once more with both theory predictions on (as a sweep does by default) and reports what the
     * theory cost next to the measurement: at N = 1000 the Lyapunov solve is the dominant part.
     */
    static void theory(PointSpec spec, Report report) {
        PointSpec withTheory = new PointSpec(spec.sweep(), spec.sweepSeed(), spec.model(), spec.n(),
                spec.correlation(), spec.replica(), spec.readouts(), spec.input(), spec.capacity(),
                new TheorySpec(true, true), spec.ipc());
        PointResult r = PointEvaluator.evaluate(withTheory, true);
        report.line(String.format("theory (linear from the weights, and both predictors) of the same point, evaluated"
                        + " once more with it on: %.2f s, next to its simulation %.2f s and capacities %.2f s; "
                        + "status %s", r.theorySeconds(), r.simulateSeconds(), r.capacitySeconds(),
                r.status().label()));
    }

    /**
     * Each pass against the NumPy run that followed it, and the medians of those paired ratios (what the README's
     * targets are judged by); the median NumPy run's stage times for reference.
     */
    private static void numpyComparison(PointSpec spec, List<Pass> passes, List<NumpyReference.Times> runs,
                                        Report report) {
        int count = passes.size();
        double[] whole = new double[count];
        double[] simulate = new double[count];
        double[] bare = new double[count];
        double[] capacity = new double[count];
        List<String> pairs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Pass x = passes.get(r);
            NumpyReference.Times t = runs.get(r);
            double ours = x.passSeconds() + x.solveSeconds();
            whole[r] = t.total() / ours;
            simulate[r] = t.simulate() / x.simulateSeconds();
            bare[r] = t.dgemv() / x.simulateSeconds();
            capacity[r] = (x.sinkSeconds() + x.solveSeconds()) / x.simulateSeconds();
            pairs.add(String.format("%.2f s vs %.2f s: %.2f×, simulation %.2f× the bare loop, capacity/simulate %.2f",
                    ours, t.total(), whole[r], bare[r], capacity[r]));
        }
        List<NumpyReference.Times> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(NumpyReference.Times::total));
        NumpyReference.Times t = sorted.get(count / 2);
        report.line(String.format("NumPy/OpenBLAS, %d BLAS thread(s) (bench/numpy/workload1.py: per-L ridge readouts, "
                        + "held-out scores), run after each pass; median run: simulate %.2f s, moments %.2f s, readouts "
                        + "%.2f s, whole %.2f s, bare W·x loop of the same steps (no tanh, no input) %.2f s",
                spec.capacity().threads(), t.simulate(), t.moments(), t.readouts(), t.total(), t.dgemv()));
        if (count > 1) {
            report.line("pass by pass, rcsweep whole vs NumPy whole: " + String.join("; ", pairs));
        }
        report.line(String.format("paired medians: rcsweep is %.2f× as fast as NumPy in whole and %.2f× simulating; "
                        + "its simulation is %.2f× as fast as NumPy's bare W·x loop; capacity/simulate %.2f "
                        + "(each pass against the NumPy run after it)",
                median(whole, true), median(simulate, true), median(bare, true), median(capacity, false)));
    }

    /** The middle value; for an even count the one of the two middle values that is worse for rcsweep. */
    private static double median(double[] values, boolean higherIsBetter) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[higherIsBetter ? (v.length - 1) / 2 : v.length / 2];
    }

    /** The accumulation kernel's baselines (EJML, rcsweep's scalar path) next to its SIMD path, same-shaped operands. */
    static void kernelBaselines(int rows, int p, int m, double seconds, double gemm, Report report) {
        Random random = new Random(3);
        DMatrixRMaj a = DMatrixRMaj.wrap(rows, p, Reference.randomArray(rows * p, random));
        DMatrixRMaj b = DMatrixRMaj.wrap(rows, m, Reference.randomArray(rows * m, random));
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        DMatrixRMaj cross = new DMatrixRMaj(p, m);
        double full = 2.0 * rows * ((double) p * p + (double) p * m);
        double useful = 2.0 * rows * (p * (p + 1) / 2.0 + (double) p * m);
        double ejml = Reference.rate(() -> {
            CommonOps_DDRM.multAddTransA(a, a, gram);
            CommonOps_DDRM.multAddTransA(a, b, cross);
        }, full, seconds);
        double scalar = Reference.rate(() -> {
            TransposeProduct.multAddTransAScalar(a.data, rows, p, a.data, p, gram.data);
            TransposeProduct.multAddTransAScalar(a.data, rows, p, b.data, m, cross.data);
        }, full, seconds);
        double simd = Reference.rate(() -> {
            TransposeProduct.symmetricRankUpdate(a.data, rows, p, gram.data);
            TransposeProduct.multAddTransA(a.data, rows, p, b.data, m, cross.data);
        }, useful, seconds);
        report.line(String.format("accumulation kernel, same operands: EJML multAddTransA %.2f GFLOP/s (%.2f of "
                        + "reference), rcsweep scalar %.2f (%.2f), rcsweep %s %.2f (%.2f); reference %s dgemm %.2f",
                ejml, ejml / gemm, scalar, scalar / gemm, TransposeProduct.VECTORISED ? "SIMD" : "scalar (no "
                        + "jdk.incubator.vector)", simd, simd / gemm, Reference.implementation(), gemm));
    }
}
