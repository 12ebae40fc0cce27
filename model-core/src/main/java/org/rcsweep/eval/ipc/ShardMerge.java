package org.rcsweep.eval.ipc;

import org.rcsweep.ipc.IpcResult;
import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.ipc.TargetFamily;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A point's IPC from the shards of all its tasks: replays the single-task iteration ({@link IpcRounds}) round by
 * round — early stops, the {@code ipc.max_targets} bound, terms in the order of the rounds — reading each target's
 * capacity from the shard that measured it. The result is the same, bit for bit, whatever the number of shards, or
 * empty when a round the replay needs was not measured because a shard stopped at the target bound.
 */
final class ShardMerge {
    private ShardMerge() {
    }

    static Optional<IpcResult> merge(PointSpec spec, List<IpcShard> shards) {
        IpcShard[] byIndex = checkedSplit(spec, shards);
        IpcSpec ipc = spec.ipc();
        List<double[]> thresholds = byIndex[0].thresholds();
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        List<Integer> maxDelays = ipc.resolvedMaxDelays(spec.n());
        List<TargetFamily> families = IpcMeasurement.families(spec);
        double[][] byDegree = new double[readouts.length][ipc.maxDegree()];
        List<IpcResult.Term> terms = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int evaluated = 0;
        int top = readouts.length - 1;
        RoundOwners owners = RoundOwners.deal(families, maxDelays, ipc.window(), byIndex[0].sharedTargets(),
                byIndex.length);
        IpcRounds iteration = new IpcRounds(families, maxDelays, ipc.window());
        for (IpcRounds.Round round = iteration.next(); round != null; round = iteration.next()) {
            int k = round.index();
            List<IpcTarget> targets = iteration.targets(round.open(), k);
            if (evaluated + targets.size() > ipc.maxTargets()) {
                targets = new ArrayList<>(targets.subList(0, ipc.maxTargets() - evaluated));
                notes.add("stopped at the bound of " + ipc.maxTargets() + " targets (delay window from "
                        + round.start() + ")");
            }
            for (IpcTarget target : targets) {
                int f = families.indexOf(target.family());
                if (!byIndex[owners.holder(f, k)].rounds().get(f).get(k)) {
                    return Optional.empty();
                }
            }
            evaluated += targets.size();
            List<TargetFamily> productive = new ArrayList<>();
            for (IpcTarget target : targets) {
                double[] caps = byIndex[owners.holder(families.indexOf(target.family()), k)].kept().get(target);
                if (caps == null) {
                    continue; // measured, below the threshold at every L
                }
                double[] threshold = thresholds.get(families.indexOf(target.family()));
                for (int i = 0; i < readouts.length; i++) {
                    double c = caps[i];
                    if (c >= threshold[i]) {
                        byDegree[i][target.degree() - 1] += c;
                        terms.add(new IpcResult.Term(readouts[i], target, c, threshold[i]));
                        if (i == top && !productive.contains(target.family())) {
                            productive.add(target.family());
                        }
                    }
                }
            }
            if (notes.size() > 0 && evaluated >= ipc.maxTargets()) {
                break;
            }
            iteration.close(round, round.open(), productive);
        }
        IpcResult measured = new IpcResult(readouts, byDegree, terms, evaluated, ipc.threshold().label(), "");
        notes.addAll(excessNotes(measured, spec.input().steps()));
        return Optional.of(new IpcResult(readouts, byDegree, terms, evaluated, ipc.threshold().label(),
                String.join("; ", notes)));
    }

    /** The shards by index, after checking that they are one complete split with the same thresholds. */
    private static IpcShard[] checkedSplit(PointSpec spec, List<IpcShard> shards) {
        int count = shards.isEmpty() ? 0 : shards.get(0).shards();
        IpcShard[] byIndex = new IpcShard[Math.max(count, 1)];
        for (IpcShard s : shards) {
            if (s.shards() != count || byIndex[s.shard()] != null) {
                throw new IllegalArgumentException("shards of point " + spec.id() + " do not form one split: "
                        + s.shard() + " of " + s.shards() + " next to " + count);
            }
            byIndex[s.shard()] = s;
        }
        if (count == 0 || shards.size() != count) {
            throw new IllegalArgumentException("point " + spec.id() + ": " + shards.size() + " shards of " + count);
        }
        List<double[]> thresholds = byIndex[0].thresholds();
        for (IpcShard s : shards) {
            if (s.sharedTargets() != byIndex[0].sharedTargets()) {
                throw new IllegalArgumentException("point " + spec.id() + ": shards with different shared rounds");
            }
            for (int f = 0; f < thresholds.size(); f++) {
                if (!Arrays.equals(thresholds.get(f), s.thresholds().get(f))) {
                    throw new IllegalStateException("point " + spec.id() + ": shard " + s.shard()
                            + " computed other thresholds than shard 0 (not deterministic)");
                }
            }
        }
        return byIndex;
    }

    /**
     * Total IPC cannot exceed L in the limit T → ∞; a finite-T total above L is the in-sample excess of the kept
     * terms (each about L/T above its capacity, Beta(L/2, (T − L − 1)/2) under the null) adding up over many terms.
     * The values are left as measured; the note says why they exceed L and what would reduce it.
     */
    private static List<String> excessNotes(IpcResult measured, int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < measured.readouts().length; i++) {
            int l = measured.readouts()[i];
            double total = measured.total(i);
            if (total > l) {
                long kept = measured.terms().stream().filter(t -> t.readouts() == l).count();
                out.add(String.format(Locale.ROOT, "IPC at L = %d is %.2f > L: the in-sample excess of %d kept terms"
                        + " (about L/T = %.2g each, %.2f in all) exceeds what they miss; a longer input (T) reduces it",
                        l, total, kept, (double) l / steps, kept * (double) l / steps));
            }
        }
        return out;
    }
}
