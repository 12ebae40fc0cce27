package org.rcsweep.eval.ipc;

import org.rcsweep.ipc.OrthonormalPolynomials;
import org.rcsweep.spec.InputDistribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct factors P_d(u(t−τ)) of a block of IPC targets, evaluated once per chunk of samples, and the target
 * products built from them. Targets of higher degree share few (power, delay) pairs, so evaluating the pairs instead
 * of every factor of every target removes most of the polynomial evaluations.
 *
 * <p>Values are kept by slot (all samples of one factor together), so that a target's column is built by a few
 * multiplications of contiguous arrays, which the JIT vectorises; the product keeps the target's factor order, so
 * every value is the same as when built sample by sample.
 */
final class PolynomialFactors {
    /** Samples per tile of the transpose from target columns to the row-major chunk. */
    private static final int TILE = 8;
    /** Targets built per group: their columns (GROUP × chunk) stay in cache until they are transposed. */
    private static final int GROUP = 32;
    private final int chunk;
    // slot of each (power, delay) pair, keyed by power·2³² + delay
    private final Map<Long, Integer> slots = new HashMap<>();
    private final List<int[]> pairs = new ArrayList<>();
    private double[] values = new double[0];
    private double[] columns = new double[0];

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

    /** Evaluates every slot for the chunk's rows; {@code u} holds u(t_s − k) at [offset + s − k]. */
    void evaluate(InputDistribution law, double[] u, int offset, int rows) {
        int n = pairs.size();
        if (values.length < n * chunk) {
            values = new double[n * chunk];
        }
        for (int i = 0; i < n; i++) {
            int[] pair = pairs.get(i);
            OrthonormalPolynomials.values(law, pair[0], u, offset - pair[1], 1, rows, values, i * chunk, 1);
        }
    }

    /**
     * Writes the m targets of the chunk's rows into {@code z} (rows × m, row-major): target j is the product of
     * slots {@code slotOf[first[j]]} … {@code slotOf[first[j + 1] − 1]}, multiplied in that order.
     */
    void products(int[] first, int[] slotOf, int m, int rows, double[] z) {
        if (columns.length < GROUP * chunk) {
            columns = new double[GROUP * chunk];
        }
        for (int j0 = 0; j0 < m; j0 += GROUP) {
            int j1 = Math.min(m, j0 + GROUP);
            for (int j = j0; j < j1; j++) {
                int o = (j - j0) * chunk;
                System.arraycopy(values, slotOf[first[j]] * chunk, columns, o, rows);
                for (int f = first[j] + 1; f < first[j + 1]; f++) {
                    int v = slotOf[f] * chunk;
                    for (int s = 0; s < rows; s++) {
                        columns[o + s] *= values[v + s];
                    }
                }
            }
            for (int s0 = 0; s0 < rows; s0 += TILE) {
                int s1 = Math.min(rows, s0 + TILE);
                for (int j = j0; j < j1; j++) {
                    int o = (j - j0) * chunk;
                    for (int s = s0; s < s1; s++) {
                        z[s * m + j] = columns[o + s];
                    }
                }
            }
        }
    }
}
