package org.rcsweep.eval.ipc;

import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.ipc.ChiSquare;
import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.ipc.TargetFamily;
import org.rcsweep.model.Reservoir;
import org.rcsweep.random.Rng;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.IpcThreshold;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The capacity a target must reach, per family and readout count, to count as more than the in-sample excess of a
 * finite run: a χ² quantile of the null distribution of an in-sample capacity (Dambre et al. 2012), or a multiple of
 * the largest capacity of surrogate targets built from an independent input of the same law ({@code shuffle}).
 */
final class IpcThresholds {
    private IpcThresholds() {
    }

    /** Per family (in {@code families} order) and L: the threshold a capacity must reach to be kept. */
    static List<double[]> of(PointSpec spec, Supplier<? extends Reservoir> reservoirs, List<TargetFamily> families,
                             List<Integer> maxDelays, int[] readouts) {
        IpcSpec ipc = spec.ipc();
        List<double[]> out = new ArrayList<>();
        if (ipc.threshold() == IpcThreshold.SHUFFLE) {
            Map<TargetFamily, double[]> byFamily = surrogate(spec, reservoirs, families, maxDelays, readouts);
            families.forEach(f -> out.add(byFamily.get(f)));
        } else {
            double[] chi2 = new double[readouts.length];
            for (int i = 0; i < readouts.length; i++) {
                chi2[i] = ipc.chi2Factor() * ChiSquare.quantile(readouts[i], 1 - ipc.chi2P()) / spec.input().steps();
            }
            families.forEach(f -> out.add(chi2));
        }
        return out;
    }

    /** Per family and L: scale × the largest capacity of surrogate targets built from an independent input. */
    private static Map<TargetFamily, double[]> surrogate(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                                         List<TargetFamily> families, List<Integer> maxDelays,
                                                         int[] readouts) {
        IpcSpec ipc = spec.ipc();
        Rng rng = SeedStreams.SURROGATE_CHOICE.rng(spec.seed());
        List<IpcTarget> surrogates = new ArrayList<>();
        for (TargetFamily f : families) {
            int bound = maxDelays.get(f.degree() - 1);
            for (int s = 0; s < ipc.surrogates(); s++) {
                int span = Math.max(f.powers().length - 1, rng.nextInt(bound + 1));
                List<IpcTarget> options = f.withSpan(span);
                surrogates.add(options.get(rng.nextInt(options.size())));
            }
        }
        Map<TargetFamily, double[]> out = new LinkedHashMap<>();
        List<List<IpcTarget>> blocks = BlockCapacities.blocks(surrogates, ipc.blockTargets());
        List<ReadoutCapacity[]> blockCaps = BlockCapacities.ofBlocks(spec, reservoirs, blocks, true);
        for (int b = 0; b < blocks.size(); b++) {
            List<IpcTarget> block = blocks.get(b);
            ReadoutCapacity[] caps = blockCaps.get(b);
            for (int j = 0; j < block.size(); j++) {
                double[] t = out.computeIfAbsent(block.get(j).family(), f -> new double[readouts.length]);
                for (int i = 0; i < readouts.length; i++) {
                    t[i] = Math.max(t[i], ipc.shuffleScale() * caps[i].inSample()[j]);
                }
            }
        }
        return out;
    }
}
