package org.rcsweep.ipc;

import java.io.Serializable;
import java.util.List;

/**
 * IPC of one point for every readout count.
 *
 * @param readouts  the readout counts L
 * @param byDegree  Σ of kept capacities per degree: {@code byDegree[index of L][degree − 1]}
 * @param terms     every kept (L, target) with its capacity and the threshold it passed
 * @param evaluated number of targets evaluated (the bound is {@code ipc.max_targets})
 * @param threshold chi2 or shuffle
 * @param message   notes: early stops, reaching the target bound (empty when none)
 */
public record IpcResult(int[] readouts, double[][] byDegree, List<Term> terms, int evaluated, String threshold,
                        String message) implements Serializable {

    /** One kept target of one readout count. */
    public record Term(int readouts, IpcTarget target, double capacity, double threshold) implements Serializable {
    }

    public double total(int index) {
        double s = 0;
        for (double v : byDegree[index]) {
            s += v;
        }
        return s;
    }
}
