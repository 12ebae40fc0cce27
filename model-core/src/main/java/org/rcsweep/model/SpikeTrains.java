package org.rcsweep.model;

/**
 * The spike trains of a spiking reservoir as its readout features and its firing statistics: each step, every
 * neuron's trace is filtered, r_i ← e^{−1/τ_r}·r_i + s_i, and written out as that step's features; spike counts and
 * inter-spike-interval moments per neuron accumulate for {@link SpikeStatistics}.
 */
final class SpikeTrains {
    private final double decay;
    private final double[] filtered;
    private final boolean[] spiked;
    private final long[] count;
    private final long[] last;
    private final long[] intervals;
    private final double[] sum;
    private final double[] sumSquares;
    private long steps;

    SpikeTrains(int n, double readoutTau) {
        decay = StrictMath.exp(-1.0 / readoutTau);
        filtered = new double[n];
        spiked = new boolean[n];
        count = new long[n];
        last = new long[n];
        intervals = new long[n];
        sum = new double[n];
        sumSquares = new double[n];
        reset();
    }

    /** Forgets the counted spikes (the filtered traces carry on). */
    void reset() {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(last, -1);
        java.util.Arrays.fill(intervals, 0);
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSquares, 0);
        steps = 0;
    }

    /** Neuron {@code neuron} spikes in the current step. */
    void spike(int neuron) {
        spiked[neuron] = true;
        count[neuron]++;
        if (last[neuron] >= 0) {
            double isi = steps - last[neuron];
            intervals[neuron]++;
            sum[neuron] += isi;
            sumSquares[neuron] += isi * isi;
        }
        last[neuron] = steps;
    }

    /** Ends the step: filters every trace with this step's spikes and writes the traces to states[offset…]. */
    void endStep(double[] states, int offset) {
        for (int i = 0; i < filtered.length; i++) {
            filtered[i] = decay * filtered[i] + (spiked[i] ? 1.0 : 0.0);
            spiked[i] = false;
        }
        System.arraycopy(filtered, 0, states, offset, filtered.length);
        steps++;
    }

    SpikeStatistics statistics() {
        int n = count.length;
        long total = 0;
        double cvSum = 0;
        int withIntervals = 0;
        for (int i = 0; i < n; i++) {
            total += count[i];
            if (intervals[i] >= 3) {
                double mean = sum[i] / intervals[i];
                double variance = Math.max(0.0, sumSquares[i] / intervals[i] - mean * mean);
                cvSum += Math.sqrt(variance) / mean;
                withIntervals++;
            }
        }
        double rate = steps == 0 ? Double.NaN : total / ((double) n * steps);
        return new SpikeStatistics(rate, withIntervals == 0 ? Double.NaN : cvSum / withIntervals, withIntervals);
    }
}
