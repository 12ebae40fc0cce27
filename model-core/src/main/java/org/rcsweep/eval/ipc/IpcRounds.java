package org.rcsweep.eval.ipc;

import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.ipc.TargetFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * The early-stopping iteration over IPC targets (Dambre et al. 2012), as one object that measuring a shard and
 * merging shards both walk, so that "the same rows whatever the split" rests on a single loop.
 *
 * <p>Round k holds, for every family still open, the targets whose span (largest delay) is k·window …
 * (k + 1)·window − 1, cut at the family's per-degree delay bound. A family is open while the bound is not passed and
 * every round that held its targets kept one of them at the largest readout count; a round that held none of its
 * targets (its distinct delays need a larger span) leaves it open.
 */
final class IpcRounds {
    /** One round: its index, its smallest span and the families open at its start. */
    record Round(int index, int start, List<TargetFamily> open) {
    }

    private final List<Integer> maxDelays;
    private final int window;
    private List<TargetFamily> active;
    private int next;

    IpcRounds(List<TargetFamily> families, List<Integer> maxDelays, int window) {
        this.maxDelays = maxDelays;
        this.window = window;
        this.active = new ArrayList<>(families);
    }

    /** The next round with at least one open family, or null when every family is closed or past its bound. */
    Round next() {
        int k = next++;
        int start = start(k, window);
        List<TargetFamily> open = open(active, start);
        return open.isEmpty() ? null : new Round(k, start, open);
    }

    /**
     * Closes the families of {@code round} that were measured in it ({@code measured}, a subset of its open
     * families) and kept none of their targets at the largest L ({@code productive} lists those that did). Families
     * not measured stay open: whoever walks the rounds could not see how they fared.
     */
    void close(Round round, List<TargetFamily> measured, List<TargetFamily> productive) {
        List<TargetFamily> stay = new ArrayList<>();
        for (TargetFamily f : round.open()) {
            boolean hadTargets = f.powers().length - 1 <= round.start() + window - 1;
            if (!measured.contains(f) || productive.contains(f) || !hadTargets) {
                stay.add(f);
            }
        }
        active = stay;
    }

    /** The families among {@code families} whose delay bound is not yet passed at span {@code start}. */
    List<TargetFamily> open(List<TargetFamily> families, int start) {
        List<TargetFamily> out = new ArrayList<>();
        for (TargetFamily f : families) {
            if (start <= maxDelays.get(f.degree() - 1)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The targets of {@code families} in round k: spans start … start + window − 1 within each bound. */
    List<IpcTarget> targets(List<TargetFamily> families, int k) {
        int start = start(k, window);
        List<IpcTarget> out = new ArrayList<>();
        for (TargetFamily f : families) {
            int bound = maxDelays.get(f.degree() - 1);
            for (int span = start; span < start + window && span <= bound; span++) {
                out.addAll(f.withSpan(span));
            }
        }
        return out;
    }

    /** The smallest span of round k. */
    static int start(int k, int window) {
        return (int) Math.min(Integer.MAX_VALUE, (long) k * window);
    }
}
