package org.rcsweep.jobs.sweep;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.ipc.IpcShard;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's side of split IPC, without Spark: units run in place, outputs reassembled. */
class BatchAssemblyTest {
    private static List<PointSpec> points(String models) {
        return SweepPlanner.plan(SweepSpecParser.parse(String.join("\n",
                "name: split",
                "seed: 5",
                "models: [" + models + "]",
                "sizes: [12]",
                "readouts: [4, 12]",
                "input: {steps: 1500, washout: 100}",
                "capacity: {max_delay: 20}",
                "ipc: {max_degree: 3, max_delays: [20, 6, 4], window: 2, tasks: 3}",
                "")));
    }

    private static List<PointTask.Output> run(List<PointSpec> batch) {
        List<PointTask.Output> out = new ArrayList<>();
        batch.forEach(p -> PointTask.of(p).forEach(u -> out.add(u.run())));
        return out;
    }

    private static List<PointTask.Output> runAll(List<PointTask> units) {
        List<PointTask.Output> out = new ArrayList<>();
        units.forEach(u -> out.add(u.run()));
        return out;
    }

    private static void assertSameIpc(IpcResult expected, IpcResult actual) {
        assertEquals(expected.evaluated(), actual.evaluated());
        assertEquals(expected.terms(), actual.terms()); // records: targets, L and capacities compared exactly
        for (int i = 0; i < expected.byDegree().length; i++) {
            for (int d = 0; d < expected.byDegree()[i].length; d++) {
                assertEquals(Double.doubleToLongBits(expected.byDegree()[i][d]),
                        Double.doubleToLongBits(actual.byDegree()[i][d]));
            }
        }
    }

    @Test
    void splitPointsGetTheSingleTaskIpcAndNeedNoSecondMeasurement() {
        List<PointSpec> batch = points("{kind: esn, gain: 0.9, input_scale: 0.5}");
        PointSpec spec = batch.get(0);
        assertEquals(4, PointTask.of(spec).size(), "the point without IPC and three shards");
        BatchAssembly.Assembled a = BatchAssembly.assemble(batch, run(batch), units -> {
            throw new AssertionError("nothing to measure again");
        });
        assertEquals(0, a.remeasured());
        PointResult whole = PointEvaluator.evaluate(spec);
        assertTrue(whole.ipc().terms().size() > 20, "terms to compare: " + whole.ipc().terms().size());
        assertSameIpc(whole.ipc(), a.results().get(0).ipc());
        assertEquals(whole.readouts().get(1).mcTotal(), a.results().get(0).readouts().get(1).mcTotal(), 0.0);
        assertTrue(a.results().get(0).ipcSeconds() > 0, "the shards' time is recorded");
    }

    @Test
    void shardsThatDoNotMergeAreMeasuredAgainInOneTask() {
        List<PointSpec> batch = points("{kind: esn, gain: 0.9, input_scale: 0.5}");
        PointSpec spec = batch.get(0);
        List<PointTask.Output> outputs = new ArrayList<>();
        for (PointTask.Output o : run(batch)) {
            IpcShard s = o.shard();
            if (s != null && s.shard() == 0) {
                List<BitSet> rounds = new ArrayList<>(); // as if it had stopped at the target bound at once
                s.rounds().forEach(b -> rounds.add(new BitSet()));
                o = new PointTask.Output(o.pointId(), null, new IpcShard(0, s.shards(), s.sharedTargets(), s.thresholds(), rounds,
                        s.kept(), true, 0, s.seconds()), null);
            }
            outputs.add(o);
        }
        List<PointTask> asked = new ArrayList<>();
        BatchAssembly.Assembled a = BatchAssembly.assemble(batch, outputs, units -> {
            asked.addAll(units);
            return runAll(units);
        });
        assertEquals(1, a.remeasured());
        assertEquals(1, asked.size());
        assertEquals(1, asked.get(0).shards(), "measured by one task");
        assertSameIpc(PointEvaluator.evaluate(spec).ipc(), a.results().get(0).ipc());
    }

    @Test
    void aFailedShardFailsItsPointAndADivergedPointIgnoresItsShards() {
        List<PointSpec> batch = points("{kind: esn, gain: 0.9, input_scale: 0.5}, "
                + "{kind: esn, activation: linear, spectral_radius: 1.5}");
        List<PointTask.Output> outputs = new ArrayList<>();
        for (PointTask.Output o : run(batch)) {
            boolean first = o.pointId().equals(batch.get(0).id());
            if (first && o.shard() != null && o.shard().shard() == 2) {
                o = new PointTask.Output(o.pointId(), null, null, "IPC shard 2 of 3: OutOfMemoryError: heap");
            }
            outputs.add(o);
        }
        BatchAssembly.Assembled a = BatchAssembly.assemble(batch, outputs, units -> runAll(units));
        PointResult failed = a.results().get(0);
        assertEquals(PointStatus.FAILED, failed.status());
        assertEquals("IPC shard 2 of 3: OutOfMemoryError: heap", failed.message());
        assertTrue(Double.isNaN(failed.readouts().get(0).mcTotal()), "no capacities on a failed point's rows");
        PointResult diverged = a.results().get(1);
        assertEquals(PointEvaluator.evaluate(batch.get(1)).status(), diverged.status());
        assertEquals(PointStatus.DIVERGED, diverged.status(), diverged.message());
        assertNull(diverged.ipc());
    }
}
