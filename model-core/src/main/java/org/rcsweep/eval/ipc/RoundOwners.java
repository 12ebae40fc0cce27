package org.rcsweep.eval.ipc;

import org.rcsweep.ipc.TargetFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * Which shard of a split IPC measurement ({@code ipc.tasks}) measures which round of which family: a function of the
 * spec and the shard count only, so that every shard and the merge agree without talking to each other.
 *
 * <p>A family's leading rounds, as long as together they hold at most {@code sharedTargets} targets, are measured by
 * every shard: most families stop after a round or two, while their later rounds hold thousands of targets, among
 * which a spurious pass of the threshold is likely, so a shard that did not see the stopping round would follow the
 * family through rounds the single task never measures. Each later round belongs to one shard: a family's rounds
 * are dealt largest first, each to the shard with the fewest of that family's targets so far (ties go to the first
 * shard from f mod shards on, so that families with a single such round do not all land on one shard). A family that
 * runs to its delay bound then costs every shard about the same, whereas dealing rounds in turn would give one shard
 * the largest rounds (they grow with the span). Round sizes are those the spec defines; which rounds early stopping
 * will skip is not known here.
 */
final class RoundOwners {
    /** Targets a family may have in its leading rounds for those rounds to be measured by every shard. */
    static final int SHARED_TARGETS = 512;
    /** A shared round: measured by every shard, read by the merge from shard 0. */
    private static final int EVERY_SHARD = -1;

    /** Per family (index in {@code TargetFamily.upTo} order) and round: its shard, or {@link #EVERY_SHARD}. */
    private final int[][] owner;

    private RoundOwners(int[][] owner) {
        this.owner = owner;
    }

    static RoundOwners deal(List<TargetFamily> families, List<Integer> maxDelays, int window, int sharedTargets,
                            int shards) {
        int[][] out = new int[families.size()][];
        for (int f = 0; f < families.size(); f++) {
            TargetFamily family = families.get(f);
            int bound = maxDelays.get(family.degree() - 1);
            int rounds = bound / window + 1;
            out[f] = new int[rounds];
            double[] size = new double[rounds];
            List<Integer> order = new ArrayList<>();
            boolean leading = true;
            for (int k = 0; k < rounds; k++) {
                double upToEnd = family.countUpToSpan(roundEnd(k, window, bound));
                size[k] = upToEnd - family.countUpToSpan(IpcRounds.start(k, window) - 1);
                leading &= upToEnd <= sharedTargets;
                if (leading) {
                    out[f][k] = EVERY_SHARD;
                } else {
                    order.add(k);
                }
            }
            order.sort((a, b) -> size[a] != size[b] ? Double.compare(size[b], size[a]) : Integer.compare(a, b));
            double[] load = new double[shards];
            for (int k : order) {
                int best = f % shards;
                for (int j = 1; j < shards; j++) {
                    int candidate = (f + j) % shards;
                    if (load[candidate] < load[best]) {
                        best = candidate;
                    }
                }
                out[f][k] = best;
                load[best] += size[k];
            }
        }
        return new RoundOwners(out);
    }

    /** The families among {@code open} whose round k this shard measures. */
    List<TargetFamily> measuredBy(int shard, List<TargetFamily> open, List<TargetFamily> families, int k) {
        List<TargetFamily> out = new ArrayList<>();
        for (TargetFamily f : open) {
            int o = owner[families.indexOf(f)][k];
            if (o == EVERY_SHARD || o == shard) {
                out.add(f);
            }
        }
        return out;
    }

    /** The shard the merge reads round k of family f from. */
    int holder(int f, int k) {
        return Math.max(0, owner[f][k]);
    }

    /** The largest span of round k within the family's delay bound. */
    private static int roundEnd(int k, int window, int bound) {
        return (int) Math.min(bound, (long) k * window + window - 1);
    }
}
