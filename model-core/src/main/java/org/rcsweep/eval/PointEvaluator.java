package org.rcsweep.eval;


import org.rcsweep.capacity.NestedReadoutCapacity;
import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.eval.ipc.IpcMeasurement;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.stats.CrossMoments;
import org.rcsweep.stats.ReadoutCorrelations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates one sweep point on whatever machine it runs: simulates it ({@link PointSimulation}), streams the readout
 * states into moment accumulators, measures memory capacity for every readout count from one factorisation, and
 * computes the requested theory predictions and information processing capacity. Never throws: a diverging reservoir or an error becomes a status on
 * every row of the point.
 */
public final class PointEvaluator {
    /** Smallest delay range whose memory cross moments are computed by FFT. */
    public static final int FFT_MIN_DELAY = 128;

    private PointEvaluator() {
    }

    public static PointResult evaluate(PointSpec spec) {
        return evaluate(spec, true);
    }

    /**
     * As {@link #evaluate(PointSpec)}, leaving IPC out when {@code withIpc} is false: a sweep that spreads the
     * point's IPC over several tasks ({@code ipc.tasks}) measures it with {@link IpcMeasurement#measureShard} and
     * adds it with {@link PointResult#withIpc}.
     */
    public static PointResult evaluate(PointSpec spec, boolean withIpc) {
        return evaluate(spec, withIpc, failure -> { });
    }

    /**
     * As {@link #evaluate(PointSpec, boolean)}, handing the exception of a failed point to {@code onFailure} (the
     * Spark task logs its stack trace on the executor). Errors of the JVM itself (out of memory) are not a status of
     * the point: they propagate, so that Spark retries the task or loses the executor and the point stays uncommitted.
     */
    public static PointResult evaluate(PointSpec spec, boolean withIpc, Consumer<RuntimeException> onFailure) {
        String id = spec.id();
        long seed = spec.seed();
        PointSimulation simulation = new PointSimulation(spec);
        try {
            int lMax = spec.maxReadouts();
            CrossMoments train = memoryMoments(spec);
            CrossMoments test = PointSimulation.trainingSteps(spec) < spec.input().steps() ? memoryMoments(spec) : null;
            simulation.run(new MemorySink(train, test));
            int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();

            long start = System.nanoTime();
            ReadoutCapacity[] capacities = NestedReadoutCapacity.solve(train, test, readouts,
                    spec.capacity().ridge(), spec.capacity().maxCondition(), spec.capacity().threads());
            ReadoutCorrelations[] correlations = ReadoutCorrelations.nested(train.centredGram(), readouts);
            long capacityNanos = System.nanoTime() - start;

            start = System.nanoTime();
            TheoryEvaluation.Outcome theory = TheoryEvaluation.compute(spec, simulation.reservoir(), train,
                    PointSimulation.readoutNeurons(spec), readouts);
            long theoryNanos = System.nanoTime() - start;

            start = System.nanoTime();
            IpcResult ipc = withIpc && spec.ipc().enabled() ? IpcMeasurement.evaluate(spec, PointSimulation.reservoirs(spec)) : null;
            long ipcNanos = System.nanoTime() - start;

            List<ReadoutResult> rows = rows(spec.capacity(), capacities, correlations, theory.curves());
            boolean anyIll = rows.stream().anyMatch(r -> r.status() == PointStatus.ILL_CONDITIONED);
            return new PointResult(spec, id, seed, anyIll ? PointStatus.ILL_CONDITIONED : PointStatus.OK,
                    anyIll ? "some readout counts are ill-conditioned" : "", rows, theory.summary(), ipc,
                    simulation.simulateSeconds(), simulation.sinkSeconds() + capacityNanos * 1e-9,
                    theoryNanos * 1e-9, ipcNanos * 1e-9, simulation.spikeStatistics(),
                    simulation.learningRecord());
        } catch (DivergenceException e) {
            return failed(spec, id, seed, PointStatus.DIVERGED, e.getMessage(), simulation);
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return failed(spec, id, seed, PointStatus.FAILED, FailureCause.describe(e), simulation);
        }
    }

    /**
     * Moments for the memory targets u(t−k), k = 0..K. From K = {@value #FFT_MIN_DELAY} on, their cross moments are
     * computed by FFT ({@link CrossMoments#forDelayedInputs}): a block costs O(log K) operations per row and neuron
     * instead of O(K), which outweighs the FFT's lower speed per operation from about there (scripts/bench).
     */
    public static CrossMoments memoryMoments(PointSpec spec) {
        int k = spec.maxDelay();
        return k >= FFT_MIN_DELAY ? CrossMoments.forDelayedInputs(spec.maxReadouts(), k,
                PointSimulation.rowsPerCall(spec, k),
                spec.capacity().threads())
                : new CrossMoments(spec.maxReadouts(), k + 1);
    }

    private static List<ReadoutResult> rows(CapacitySpec cap, ReadoutCapacity[] capacities,
                                            ReadoutCorrelations[] correlations, TheoryCurves[] theory) {
        List<ReadoutResult> rows = new ArrayList<>(capacities.length);
        for (int i = 0; i < capacities.length; i++) {
            ReadoutCapacity c = capacities[i];
            boolean holdout = c.holdout() != null;
            double[] memory = holdout ? c.holdout() : c.inSample();
            PointStatus status = c.wellConditioned() ? PointStatus.OK : PointStatus.ILL_CONDITIONED;
            String message = c.wellConditioned() ? "" : "Gram matrix of " + c.readouts()
                    + " readouts has condition estimate " + c.conditionEstimate() + " (limit " + cap.maxCondition()
                    + "): capacities not reported";
            double inSampleTotal = ReadoutCapacity.sum(c.inSample());
            if (c.wellConditioned() && inSampleTotal > c.readouts()) {
                // Memory capacity cannot exceed L; an in-sample sum above it is the estimator's upward bias.
                message = String.format(java.util.Locale.ROOT, "mc_in_sample %.2f exceeds L = %d: the in-sample "
                        + "estimate is biased upward (about L/T per delay)%s", inSampleTotal, c.readouts(), holdout
                        ? "; mc_holdout is not" : "; use the holdout estimator or a longer input");
            }
            TheoryCurves curves = c.rank() == 0 ? theory[i].withoutReadoutSignal() : theory[i];
            rows.add(new ReadoutResult(c.readouts(), status, message, ReadoutCapacity.sum(memory),
                    inSampleTotal, holdout ? ReadoutCapacity.sum(c.holdout()) : Double.NaN,
                    memory, c.inSample(), correlations[i], c.conditionEstimate(), curves, c.rank()));
        }
        return rows;
    }

    private static PointResult failed(PointSpec spec, String id, long seed, PointStatus status, String message,
                                      PointSimulation simulation) {
        return new PointResult(spec, id, seed, status, message, failedRows(spec, status, message),
                TheorySummary.none("not computed: " + status.label()), null, simulation.simulateSeconds(),
                simulation.sinkSeconds(), 0.0, 0.0, simulation.spikeStatistics(),
                simulation.learningRecord());
    }

    /**
     * The point as failed after its evaluation: when a part measured elsewhere (an IPC task of a split point)
     * failed, the rows say so exactly as if the whole point had failed in one task; timings are kept.
     */
    public static PointResult failure(PointResult point, PointStatus status, String message) {
        return new PointResult(point.spec(), point.pointId(), point.seed(), status, message,
                failedRows(point.spec(), status, message), TheorySummary.none("not computed: " + status.label()),
                null, point.simulateSeconds(), point.capacitySeconds(), point.theorySeconds(), point.ipcSeconds(),
                point.spikes(), point.learning());
    }

    private static List<ReadoutResult> failedRows(PointSpec spec, PointStatus status, String message) {
        List<ReadoutResult> rows = new ArrayList<>();
        for (int l : spec.readouts()) {
            rows.add(new ReadoutResult(l, status, message, Double.NaN, Double.NaN, Double.NaN, new double[0],
                    new double[0], new ReadoutCorrelations(l, Double.NaN, Double.NaN, Double.NaN), Double.NaN,
                    new TheoryCurves(new double[0], new double[0], new double[0], new double[0]), 0));
        }
        return rows;
    }
}
