package org.rcsweep.model;

/** Running spike counts and inter-spike-interval moments per neuron, for {@link SpikeStatistics}. */
final class SpikeTrains {
    private final long[] count;
    private final long[] last;
    private final long[] intervals;
    private final double[] sum;
    private final double[] sumSquares;
    private long steps;

    SpikeTrains(int n) {
        count = new long[n];
        last = new long[n];
        intervals = new long[n];
        sum = new double[n];
        sumSquares = new double[n];
        reset();
    }

    void reset() {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(last, -1);
        java.util.Arrays.fill(intervals, 0);
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSquares, 0);
        steps = 0;
    }

    void spike(int neuron) {
        count[neuron]++;
        if (last[neuron] >= 0) {
            double isi = steps - last[neuron];
            intervals[neuron]++;
            sum[neuron] += isi;
            sumSquares[neuron] += isi * isi;
        }
        last[neuron] = steps;
    }

    /** Call once per step, after the step's spikes. */
    void endStep() {
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
