package org.rcsweep.bench;

import org.rcsweep.eval.ipc.IpcMeasurement;
import org.rcsweep.eval.ipc.IpcShard;
import org.rcsweep.eval.PointSimulation;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.IpcThreshold;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Workload 3: IPC of a tanh ESN, N = 50, degrees 1–5 with maximum delays 2000/300/50/30/15 (the published setup). */
final class IpcWorkload {
    static final List<Integer> MAX_DELAYS = List.of(2000, 300, 50, 30, 15);

    private IpcWorkload() {
    }

    static PointSpec point(int steps, int threads) {
        IpcSpec ipc = new IpcSpec(true, 5, MAX_DELAYS, IpcThreshold.CHI2, 1e-4, 1.0, 2.0, 20, 8, 10_000_000, 512, threads, 1);
        return new PointSpec("bench", 1L, new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0), 50,
                CorrelationSpec.none(), 0, List.of(10, 20, 30, 40, 50),
                new InputSpec(InputDistribution.UNIFORM, steps, 1000), CapacitySpec.defaults().withMaxDelay(100),
                new TheorySpec(false, false), ipc);
    }

    /**
     * @param shards with more than one, the point's rounds are also measured as that many shards, one after
     *               another on the same threads, as the tasks of a split point ({@code ipc.tasks}) would on a
     *               cluster: their merge is checked against the single measurement, and the report gives the work
     *               they did and their longest time, the wall time of the split with one executor per shard
     */
    static void run(PointSpec spec, double referenceSeconds, int shards, Report report) {
        int steps = spec.input().steps();
        int p = spec.maxReadouts();
        report.line("point: tanh ESN N = 50, T = " + steps + ", IPC degrees 1–5, max delays " + MAX_DELAYS
                + ", χ² threshold, blocks of " + spec.ipc().blockTargets() + " targets");
        IpcResult result;
        double seconds;
        double heap;
        double live;
        try (HeapPeak peak = HeapPeak.start()) {
            long start = System.nanoTime();
            result = IpcMeasurement.evaluate(spec, PointSimulation.reservoirs(spec));
            seconds = (System.nanoTime() - start) * 1e-9;
            heap = peak.mebibytes();
            live = peak.afterCollectionMebibytes();
        }
        double gemm = Reference.gemm(spec.capacity().chunkSteps(), p, spec.ipc().blockTargets(), referenceSeconds);
        int evaluated = result.evaluated();
        double[] top = result.byDegree()[result.byDegree().length - 1];
        double total = 0;
        StringBuilder degrees = new StringBuilder();
        for (int d = 0; d < top.length; d++) {
            total += top[d];
            degrees.append(d == 0 ? "" : " / ").append(String.format("%.2f", top[d]));
        }
        Stage projections = new Stage("IPC (targets, simulation passes, projections)", seconds,
                2.0 * steps * p * (double) evaluated, gemm,
                "flops counted: the cross products 2·T·L·targets only; reference: dgemm (chunk×50)ᵀ(chunk×512)");
        report.stages(List.of(projections));
        report.line(String.format("targets evaluated %d, kept terms %d; IPC(L = 50) = %.2f, by degree %s; "
                        + "%.1f µs per target; peak heap %.0f MiB (pool peaks), at most %.0f MiB after a collection",
                evaluated, result.terms().size(), total, degrees, seconds / evaluated * 1e6, heap, live));
        report.line(String.format("extrapolated to T = 10⁶ (cost ∝ T): %.0f s = %.1f min", seconds * 1e6 / steps,
                seconds * 1e6 / steps / 60));
        if (!result.message().isEmpty()) {
            report.line("note: " + result.message());
        }
        if (shards > 1) {
            split(spec, shards, result, seconds, report);
        }
    }

    private static void split(PointSpec spec, int count, IpcResult single, double singleSeconds, Report report) {
        List<IpcShard> shards = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            shards.add(IpcMeasurement.measureShard(spec, PointSimulation.reservoirs(spec), s, count));
        }
        IpcResult merged = IpcMeasurement.merge(spec, shards).orElse(null);
        boolean same = merged != null && merged.terms().equals(single.terms())
                && merged.evaluated() == single.evaluated()
                && Arrays.deepEquals(merged.byDegree(), single.byDegree());
        int work = shards.stream().mapToInt(IpcShard::measured).sum();
        double longest = shards.stream().mapToDouble(IpcShard::seconds).max().orElse(0);
        double sum = shards.stream().mapToDouble(IpcShard::seconds).sum();
        report.line(String.format("split into %d shards (ipc.tasks), measured one after another: %s; targets "
                        + "measured %s = %d (%.2f× the %d of one task); time per shard %s s, sum %.1f s (%.2f× one "
                        + "task), longest %.1f s = %.2f of one task's %.1f s (wall with one executor per shard, "
                        + "Spark's overhead aside)",
                count, merged == null ? "shards incomplete at the target bound (a sweep measures such a point again"
                        + " in one task)" : same ? "merge identical to one task (terms, totals, count)"
                        : "MERGE DIFFERS FROM ONE TASK",
                shards.stream().map(s -> Integer.toString(s.measured())).collect(Collectors.joining(" + ")), work,
                (double) work / single.evaluated(), single.evaluated(),
                shards.stream().map(s -> String.format("%.1f", s.seconds())).collect(Collectors.joining(", ")), sum,
                sum / singleSeconds, longest, longest / singleSeconds, singleSeconds));
    }
}
