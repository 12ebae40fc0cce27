package org.rcsweep.eval;

import org.rcsweep.ipc.OrthonormalPolynomials;
import org.rcsweep.spec.InputDistribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct factors P_d(u(t−τ)) of a block of IPC targets, evaluated once per chunk of samples. Targets of higher
 * degree share few (power, delay) pairs, so evaluating the pairs instead of every factor of every target removes
 * most of the polynomial evaluations, which dominate the cost of building targets.
 */
final class PolynomialFactors {
    private final int chunk;
    // slot of each (power, delay) pair, keyed by power·2³² + delay
    private final Map<Long, Integer> slots = new HashMap<>();
    private final List<int[]> pairs = new ArrayList<>();
    private double[] values = new double[0];

    PolynomialFactors(int chunk) {
        this.chunk = chunk;
    }

    /** The slot of factor P_power(u(t − delay)), allocated on first use. */
    int slot(int power, int delay) {
        return slots.computeIfAbsent(((long) power << 32) | delay, key -> {
            pairs.add(new int[] {power, delay});
            return pairs.size() - 1;
        });
    }

    /**
     * Evaluates every slot for the chunk's rows; {@code u} holds u(t_s − k) at [offset + s − k]. Values are stored
     * by row (all slots of sample s together), the order in which targets are then built.
     */
    void evaluate(InputDistribution law, double[] u, int offset, int rows) {
        int n = pairs.size();
        if (values.length < n * chunk) {
            values = new double[n * chunk];
        }
        for (int i = 0; i < n; i++) {
            int[] pair = pairs.get(i);
            OrthonormalPolynomials.values(law, pair[0], u, offset - pair[1], 1, rows, values, i, n);
        }
    }

    /** Start of sample {@code row}'s values: slot i of that row is at {@code values()[rowOffset(row) + i]}. */
    int rowOffset(int row) {
        return row * pairs.size();
    }

    double[] values() {
        return values;
    }
}
