package org.rcsweep.fit;

import org.rcsweep.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Bootstrap over replicas: replicas (independent seeds) are the independent units, so whole replicas are resampled
 * with replacement and the statistic is recomputed on the pooled points of each resample. The interval is
 * estimate ± t_{n−1, 0.975}·se with se the bootstrap standard deviation times √(n/(n−1)): with the few replicas of a
 * typical sweep, plain percentile intervals are too narrow (the bootstrap variance is shrunk by (n−1)/n and normal
 * quantiles ignore that se itself is estimated); measured coverage of this interval is in FitRecoveryTest.
 */
public final class ReplicaBootstrap {
    private ReplicaBootstrap() {
    }

    /** Points (x, y) of one replica. */
    public record Replica(double[] x, double[] y) {
    }

    /** 95% interval of each component of {@code statistic}: {@code result[component] = {low, high}}. */
    public static double[][] interval(List<Replica> replicas, Function<Replica, double[]> statistic, int resamples,
                                      long seed) {
        Rng rng = new Rng(seed);
        double[] estimate = statistic.apply(pool(replicas));
        int k = estimate.length;
        int n = replicas.size();
        double[][] draws = new double[k][resamples];
        int valid = 0;
        for (int r = 0; r < resamples; r++) {
            List<Replica> sample = new ArrayList<>(replicas.size());
            for (int i = 0; i < replicas.size(); i++) {
                sample.add(replicas.get(rng.nextInt(replicas.size())));
            }
            double[] s = statistic.apply(pool(sample));
            boolean finite = true;
            for (double v : s) {
                finite &= Double.isFinite(v);
            }
            if (finite) {
                for (int c = 0; c < k; c++) {
                    draws[c][valid] = s[c];
                }
                valid++;
            }
        }
        double[][] out = new double[k][2];
        double t = StudentT.quantile975(n - 1);
        for (int c = 0; c < k; c++) {
            if (valid < 2 || n < 2) {
                out[c] = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            double[] d = Arrays.copyOf(draws[c], valid);
            double mean = 0;
            for (double v : d) {
                mean += v / valid;
            }
            double var = 0;
            for (double v : d) {
                var += (v - mean) * (v - mean) / (valid - 1);
            }
            double se = Math.sqrt(var * n / (n - 1.0));
            out[c] = new double[] {estimate[c] - t * se, estimate[c] + t * se};
        }
        return out;
    }


    public static Replica pool(List<Replica> replicas) {
        int n = replicas.stream().mapToInt(r -> r.x().length).sum();
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (Replica r : replicas) {
            System.arraycopy(r.x(), 0, x, i, r.x().length);
            System.arraycopy(r.y(), 0, y, i, r.y().length);
            i += r.x().length;
        }
        return new Replica(x, y);
    }

}
