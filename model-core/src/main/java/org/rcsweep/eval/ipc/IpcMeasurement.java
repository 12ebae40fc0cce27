package org.rcsweep.eval.ipc;

import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.ipc.OrthonormalPolynomials;
import org.rcsweep.ipc.TargetFamily;
import org.rcsweep.model.Reservoir;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Information processing capacity (Dambre et al. 2012) of one point for every nested readout count.
 *
 * <p>Targets are products of orthonormal polynomials of delayed inputs, grouped in families (degree and partition
 * of the degree into powers). The iteration ({@link IpcRounds}) extends every family's largest delay by
 * {@code ipc.window} delays per round and stops a family as soon as a round keeps none of its targets at the largest
 * L; it never goes beyond the per-degree delay bound or evaluates more than {@code ipc.max_targets} targets. Targets
 * are measured in blocks, one simulation pass per block ({@link BlockCapacities}). A target's capacity for every L
 * comes from one Cholesky factor of the centred Gram matrix over all T samples (in-sample, as in Dambre), and only
 * capacities above the threshold ({@link IpcThresholds}) are kept.
 *
 * <p>The rounds can be spread over several tasks ({@code ipc.tasks}): each task measures a shard of them
 * ({@link #measureShard}) and {@link #merge} replays the single-task iteration over what they measured, so the
 * result does not depend on the split.
 */
public final class IpcMeasurement {
    private IpcMeasurement() {
    }

    public static IpcResult evaluate(PointSpec spec, Supplier<? extends Reservoir> reservoirs) {
        // One shard holds every round, so it measures exactly what the replay visits: never incomplete.
        return merge(spec, List.of(measureShard(spec, reservoirs, 0, 1))).orElseThrow(
                () -> new IllegalStateException("a single shard cannot be incomplete"));
    }

    /**
     * The point's IPC from the shards of all its tasks, the same bit for bit whatever the number of shards, or empty
     * when a round the replay needs was not measured (a shard stopped at the target bound): the point must then be
     * measured by one task. See {@link ShardMerge}.
     */
    public static Optional<IpcResult> merge(PointSpec spec, List<IpcShard> shards) {
        return ShardMerge.merge(spec, shards);
    }

    /**
     * Capacities of a block of targets for every L, from one simulation pass. With {@code surrogate} the targets
     * are built from an independent input stream of the same law instead of the input that drives the reservoir.
     */
    public static ReadoutCapacity[] capacities(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                               List<IpcTarget> block, boolean surrogate) {
        return BlockCapacities.of(spec, reservoirs, block, surrogate);
    }

    /**
     * Measures this shard's rounds of the early-stopping iteration (round k holds the spans k·window …
     * (k + 1)·window − 1 of every family still open) that {@link RoundOwners} deals to this shard: every family's
     * leading rounds up to {@value RoundOwners#SHARED_TARGETS} targets, and a share of the later ones. A family
     * stops at the first of these rounds that keeps none of its targets at the largest L; no round starts once
     * {@code ipc.max_targets} targets are measured here. With one shard this is the whole iteration of Dambre et al.
     * Since a shard's rounds of a family are a subset of all its rounds, it never stops a family before the single
     * task does: it measures every round the single task measures that is dealt to it.
     *
     * <p>Why leading rounds are measured by every shard: most families stop after a round or two, while their later
     * rounds hold thousands of targets, among which a spurious pass of the threshold is likely. A shard that did not
     * see the stopping round would follow such a family through rounds the single task never measures.
     */
    public static IpcShard measureShard(PointSpec spec, Supplier<? extends Reservoir> reservoirs, int shard,
                                        int shards) {
        return measureShard(spec, reservoirs, shard, shards, RoundOwners.SHARED_TARGETS);
    }

    /** As {@link #measureShard(PointSpec, Supplier, int, int)} with another bound on shared leading rounds. */
    static IpcShard measureShard(PointSpec spec, Supplier<? extends Reservoir> reservoirs, int shard, int shards,
                                 int sharedTargets) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " of " + shards + ": need 0 ≤ shard < shards");
        }
        long begin = System.nanoTime();
        IpcSpec ipc = spec.ipc();
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        List<Integer> maxDelays = ipc.resolvedMaxDelays(spec.n());
        List<TargetFamily> families = families(spec);
        RoundOwners owners = RoundOwners.deal(families, maxDelays, ipc.window(), sharedTargets, shards);
        List<double[]> thresholds = IpcThresholds.of(spec, reservoirs, families, maxDelays, readouts);
        List<BitSet> rounds = new ArrayList<>();
        families.forEach(f -> rounds.add(new BitSet()));
        Map<IpcTarget, double[]> kept = new HashMap<>();
        int measuredCount = 0;
        boolean bounded = false;
        int top = readouts.length - 1;
        // Capacities of targets already measured, NaN where the readout set is ill-conditioned. A round with fewer
        // targets than one pass can hold also measures this shard's next rounds' targets of the open families, as
        // if they all stayed productive: late rounds (one family, a few delays each) would otherwise cost a
        // simulation pass each. A target's capacity does not depend on the block it was measured in, so the
        // results are those of measuring round by round; targets of families that close meanwhile are never used.
        Map<IpcTarget, double[]> measured = new HashMap<>();
        int perPass = ipc.blockTargets() * ipc.threads();
        IpcRounds iteration = new IpcRounds(families, maxDelays, ipc.window());
        for (IpcRounds.Round round = iteration.next(); round != null; round = iteration.next()) {
            int k = round.index();
            List<TargetFamily> mine = owners.measuredBy(shard, round.open(), families, k);
            if (mine.isEmpty()) {
                continue;
            }
            if (measuredCount >= ipc.maxTargets()) {
                bounded = true;
                break;
            }
            List<IpcTarget> targets = iteration.targets(mine, k);
            measuredCount += targets.size();
            List<IpcTarget> batch = new ArrayList<>();
            for (IpcTarget t : targets) {
                if (!measured.containsKey(t)) {
                    batch.add(t);
                }
            }
            for (int ahead = k + 1; !batch.isEmpty() && batch.size() < perPass; ahead++) {
                List<TargetFamily> later = iteration.open(round.open(), IpcRounds.start(ahead, ipc.window()));
                if (later.isEmpty()) {
                    break;
                }
                batch.addAll(iteration.targets(owners.measuredBy(shard, later, families, ahead), ahead));
            }
            List<List<IpcTarget>> blocks = BlockCapacities.blocks(batch, ipc.blockTargets());
            List<ReadoutCapacity[]> blockCaps = BlockCapacities.ofBlocks(spec, reservoirs, blocks, false);
            for (int b = 0; b < blocks.size(); b++) {
                List<IpcTarget> block = blocks.get(b);
                ReadoutCapacity[] caps = blockCaps.get(b);
                for (int j = 0; j < block.size(); j++) {
                    double[] c = new double[readouts.length];
                    for (int i = 0; i < readouts.length; i++) {
                        c[i] = caps[i].wellConditioned() ? caps[i].inSample()[j] : Double.NaN;
                    }
                    measured.put(block.get(j), c);
                }
            }
            List<TargetFamily> productive = new ArrayList<>();
            for (IpcTarget target : targets) {
                double[] caps = measured.remove(target);
                double[] threshold = thresholds.get(families.indexOf(target.family()));
                boolean passes = false;
                for (int i = 0; i < readouts.length; i++) {
                    passes |= caps[i] >= threshold[i];
                }
                if (passes) {
                    kept.put(target, caps);
                }
                if (caps[top] >= threshold[top] && !productive.contains(target.family())) {
                    productive.add(target.family());
                }
            }
            for (TargetFamily f : mine) {
                rounds.get(families.indexOf(f)).set(k);
            }
            iteration.close(round, mine, productive);
        }
        return new IpcShard(shard, shards, sharedTargets, thresholds, rounds, kept, bounded, measuredCount,
                (System.nanoTime() - begin) * 1e-9);
    }

    /** The point's target families, in the order every shard and the merge index them by. */
    static List<TargetFamily> families(PointSpec spec) {
        return TargetFamily.upTo(spec.ipc().maxDegree(), OrthonormalPolynomials.maxPower(spec.input().distribution()));
    }
}
