package org.rcsweep.eval.ipc;

import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointSimulation;
import org.rcsweep.eval.PointStatus;
import org.junit.jupiter.api.Test;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.IpcThreshold;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spreading one point's IPC rounds over several tasks and merging them gives the single-task result, bit for bit. */
class IpcShardTest {
    /** Degrees 1–4 with windows of 4 delays: 15 rounds of degree 1, families that stop early, several blocks. */
    private static PointSpec point(IpcThreshold threshold, int maxTargets) {
        IpcSpec d = IpcSpec.defaults(4);
        IpcSpec ipc = new IpcSpec(true, 4, List.of(60, 20, 8, 5), threshold, d.chi2P(), d.chi2Factor(),
                d.shuffleScale(), d.surrogates(), 4, maxTargets, 64, 1, 1);
        return new PointSpec("t", 13, new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0), 20,
                CorrelationSpec.none(), 0, List.of(5, 20), new InputSpec(InputDistribution.UNIFORM, 4000, 300),
                CapacitySpec.defaults().withEstimator(Estimator.IN_SAMPLE), new TheorySpec(false, false), ipc);
    }

    /**
     * The point's shards, leading rounds of at most {@code shared} targets per family measured by all: the
     * default bound (512) makes every round of this small point shared, so the tests also use 0 (pure striping)
     * and 40 (a few shared rounds).
     */
    private static List<IpcShard> shards(PointSpec spec, int count, int shared) {
        List<IpcShard> out = new ArrayList<>();
        for (int s = count - 1; s >= 0; s--) { // any order: the merge sorts them by index
            out.add(IpcMeasurement.measureShard(spec, PointSimulation.reservoirs(spec), s, count, shared));
        }
        return out;
    }

    private static void assertSameResult(IpcResult expected, IpcResult actual, String what) {
        assertEquals(expected.evaluated(), actual.evaluated(), what + ": targets evaluated");
        assertEquals(expected.message(), actual.message(), what + ": notes");
        assertEquals(expected.terms().size(), actual.terms().size(), what + ": kept terms");
        for (int t = 0; t < expected.terms().size(); t++) {
            IpcResult.Term e = expected.terms().get(t);
            IpcResult.Term a = actual.terms().get(t);
            assertEquals(e.readouts(), a.readouts(), what + ": term " + t);
            assertEquals(e.target(), a.target(), what + ": term " + t);
            assertEquals(Double.doubleToLongBits(e.capacity()), Double.doubleToLongBits(a.capacity()),
                    what + ": capacity of term " + t);
            assertEquals(Double.doubleToLongBits(e.threshold()), Double.doubleToLongBits(a.threshold()),
                    what + ": threshold of term " + t);
        }
        for (int i = 0; i < expected.byDegree().length; i++) {
            assertArrayEquals(expected.byDegree()[i], actual.byDegree()[i], 0.0, what + ": totals by degree");
        }
    }

    @Test
    void anySplitGivesTheSingleTaskResultBitForBit() {
        for (IpcThreshold threshold : IpcThreshold.values()) {
            PointSpec spec = point(threshold, IpcSpec.defaults(4).maxTargets());
            IpcResult single = IpcMeasurement.evaluate(spec, PointSimulation.reservoirs(spec));
            assertTrue(single.terms().size() > 50 && single.byDegree()[1][2] > 0.5,
                    "a result with degree-3 terms to compare: " + single.terms().size());
            assertTrue(single.message().isEmpty(), "below the target bound: " + single.message());
            for (int shared : new int[] {0, 40, RoundOwners.SHARED_TARGETS}) {
                for (int count : new int[] {2, 3, 7}) {
                    String what = threshold + ", " + count + " shards, shared up to " + shared;
                    List<IpcShard> shards = shards(spec, count, shared);
                    Optional<IpcResult> merged = IpcMeasurement.merge(spec, shards);
                    assertTrue(merged.isPresent(), what + ": complete");
                    assertSameResult(single, merged.get(), what);
                    int work = shards.stream().mapToInt(IpcShard::measured).sum();
                    int largest = shards.stream().mapToInt(IpcShard::measured).max().orElseThrow();
                    // A shard may measure rounds past a family's stop that it could not see; it never skips one.
                    assertTrue(work >= single.evaluated(), what + ": work " + work + " ≥ " + single.evaluated());
                    if (shared == 0) {
                        assertTrue(largest < single.evaluated(), what + ": shards share the work: largest "
                                + largest + " of " + single.evaluated());
                    }
                }
            }
        }
    }

    @Test
    void theTargetBoundCutsTheSameRoundWhateverTheSplit() {
        PointSpec spec = point(IpcThreshold.CHI2, 150);
        IpcResult single = IpcMeasurement.evaluate(spec, PointSimulation.reservoirs(spec));
        assertEquals(150, single.evaluated());
        assertTrue(single.message().contains("bound of 150"), single.message());
        int complete = 0;
        for (int count : new int[] {2, 3, 5}) {
            Optional<IpcResult> merged = IpcMeasurement.merge(spec, shards(spec, count, 0));
            if (merged.isPresent()) { // a shard that stopped at the bound before a needed round makes it empty
                assertSameResult(single, merged.get(), count + " shards at the bound");
                complete++;
            }
        }
        assertTrue(complete > 0, "at least one split reaches the bound with every needed round measured");
    }

    @Test
    void aRoundNoShardMeasuredMakesTheMergeIncompleteInsteadOfWrong() {
        PointSpec spec = point(IpcThreshold.CHI2, IpcSpec.defaults(4).maxTargets());
        List<IpcShard> shards = shards(spec, 3, 0);
        IpcShard single = IpcMeasurement.measureShard(spec, PointSimulation.reservoirs(spec), 0, 1);
        // A late round the single task measured, of the family with most rounds, and the one shard that has it.
        int family = 0;
        for (int f = 0; f < single.rounds().size(); f++) {
            family = single.rounds().get(f).length() > single.rounds().get(family).length() ? f : family;
        }
        int round = single.rounds().get(family).length() - 1;
        assertTrue(round >= 3, "a family measured over several rounds: " + round);
        int f = family;
        List<IpcShard> holders = shards.stream().filter(s -> s.rounds().get(f).get(round)).toList();
        assertEquals(1, holders.size(), "without shared rounds each round has one shard");
        IpcShard owner = holders.get(0);
        List<BitSet> rounds = new ArrayList<>();
        for (BitSet b : owner.rounds()) {
            rounds.add((BitSet) b.clone());
        }
        rounds.get(f).clear(round);
        List<IpcShard> damaged = new ArrayList<>(shards);
        damaged.set(shards.indexOf(owner), new IpcShard(owner.shard(), 3, 0, owner.thresholds(), rounds,
                owner.kept(), true, owner.measured(), owner.seconds()));
        assertTrue(IpcMeasurement.merge(spec, shards).isPresent());
        assertTrue(IpcMeasurement.merge(spec, damaged).isEmpty());
    }

    @Test
    void shardsMustFormOneSplit() {
        PointSpec spec = point(IpcThreshold.CHI2, IpcSpec.defaults(4).maxTargets());
        List<IpcShard> shards = shards(spec, 2, 0);
        assertThrows(IllegalArgumentException.class, () -> IpcMeasurement.merge(spec, shards.subList(0, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> IpcMeasurement.merge(spec, List.of(shards.get(0), shards.get(0))));
        assertThrows(IllegalArgumentException.class,
                () -> IpcMeasurement.measureShard(spec, PointSimulation.reservoirs(spec), 2, 2));
    }

    @Test
    void tasksAreNotPartOfThePointsIdentity() {
        PointSpec one = point(IpcThreshold.CHI2, 1000);
        PointSpec five = new PointSpec(one.sweep(), one.sweepSeed(), one.model(), one.n(), one.correlation(),
                one.replica(), one.readouts(), one.input(), one.capacity(), one.theory(), one.ipc().withTasks(5));
        assertEquals(one.id(), five.id());
        assertThrows(RuntimeException.class, () -> one.ipc().withTasks(0));
        assertThrows(RuntimeException.class, () -> one.ipc().withTasks(IpcSpec.MAX_TASKS + 1));
    }
}
