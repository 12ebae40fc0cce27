package org.rcsweep.eval.ipc;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.capacity.NestedReadoutCapacity;
import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.eval.DelayedTargets;
import org.rcsweep.eval.InputSink;
import org.rcsweep.eval.PointSimulation;
import org.rcsweep.input.InputSignal;
import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.model.Reservoir;
import org.rcsweep.parallel.ParallelRanges;
import org.rcsweep.parallel.PartFailure;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.stats.CrossMoments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The capacities of blocks of IPC targets for every readout count, one simulation pass per block: the reservoir is
 * rebuilt from its seed for each pass, so every pass sees the same states, and each accumulates XᵀZ so memory stays
 * bounded whatever the number of targets.
 */
final class BlockCapacities {
    private BlockCapacities() {
    }

    /** {@code targets} cut into consecutive blocks of at most {@code size}. */
    static List<List<IpcTarget>> blocks(List<IpcTarget> targets, int size) {
        List<List<IpcTarget>> out = new ArrayList<>();
        for (int from = 0; from < targets.size(); from += size) {
            out.add(targets.subList(from, Math.min(targets.size(), from + size)));
        }
        return out;
    }

    /**
     * Capacities of several blocks, up to {@code ipc.threads} passes at a time, returned in block order: each block's
     * result lands in its own slot, so the results depend neither on the number of threads nor on which thread ran
     * which block.
     */
    static List<ReadoutCapacity[]> ofBlocks(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                            List<List<IpcTarget>> blocks, boolean surrogate) {
        ReadoutCapacity[][] out = new ReadoutCapacity[blocks.size()][];
        try {
            ParallelRanges.claim(spec.ipc().threads(), blocks.size(), () -> null,
                    (none, b) -> out[b] = of(spec, reservoirs, blocks.get(b), surrogate));
        } catch (PartFailure e) {
            // A diverging reservoir must reach the evaluator as itself, whichever thread saw it.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return Arrays.asList(out);
    }

    /**
     * Capacities of a block of targets for every L, from one simulation pass. With {@code surrogate} the targets
     * are built from an independent input stream of the same law instead of the input that drives the reservoir.
     */
    static ReadoutCapacity[] of(PointSpec spec, Supplier<? extends Reservoir> reservoirs, List<IpcTarget> block,
                                boolean surrogate) {
        int history = 0;
        for (IpcTarget t : block) {
            history = Math.max(history, t.span());
        }
        int m = block.size();
        int lMax = spec.maxReadouts();
        int chunk = PointSimulation.rowsPerCall(spec, history);
        InputDistribution law = spec.input().distribution();
        CrossMoments moments = new CrossMoments(lMax, m);
        DMatrixRMaj z = new DMatrixRMaj(chunk, m);
        DelayedTargets surrogateInput = surrogate ? new DelayedTargets(history, chunk,
                new InputSignal(law, SeedStreams.SURROGATE_INPUT.rng(spec.seed())),
                new InputSignal(law, SeedStreams.SURROGATE_PREHISTORY.rng(spec.seed()))) : null;
        // Each distinct (power, delay) factor of the block is evaluated once per chunk, then shared by the targets
        // that contain it; products keep each target's factor order, so values do not depend on the sharing.
        PolynomialFactors factors = new PolynomialFactors(chunk);
        // Target j's factors are slots[first[j]] … slots[first[j + 1] − 1].
        int[] first = new int[m + 1];
        for (int j = 0; j < m; j++) {
            first[j + 1] = first[j] + block.get(j).family().powers().length;
        }
        int[] slots = new int[first[m]];
        for (int j = 0; j < m; j++) {
            IpcTarget t = block.get(j);
            int[] powers = t.family().powers();
            int[] delays = t.delays();
            for (int p = 0; p < powers.length; p++) {
                slots[first[j] + p] = factors.slot(powers[p], delays[p]);
            }
        }
        PointSimulation simulation = new PointSimulation(spec, history, false, reservoirs);
        simulation.run((InputSink) (x, input, offset, training) -> {
            int rows = x.numRows;
            z.reshape(rows, m, false);
            if (surrogateInput != null) {
                surrogateInput.draw(rows);
                factors.evaluate(law, surrogateInput.window(), surrogateInput.offset(), rows);
                surrogateInput.slide(rows);
            } else {
                factors.evaluate(law, input, offset, rows);
            }
            factors.products(first, slots, m, rows, z.data);
            moments.add(x, z);
        });
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        return NestedReadoutCapacity.solve(moments, null, readouts, spec.capacity().ridge(),
                spec.capacity().maxCondition(), spec.capacity().threads());
    }
}
