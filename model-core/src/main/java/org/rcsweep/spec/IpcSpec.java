package org.rcsweep.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Information processing capacity settings (docs/ipc.md).
 *
 * @param enabled       compute IPC at all
 * @param maxDegree     D: largest total degree of the target polynomials
 * @param maxDelays     largest delay per degree 1..D; null = auto: 2N, N, N/2, N/3, … (at least 2)
 * @param threshold     chi2 or shuffle
 * @param chi2P         p of the χ² quantile (probability that a spurious capacity passes)
 * @param chi2Factor    f multiplying the χ² threshold
 * @param shuffleScale  factor on the largest surrogate capacity
 * @param surrogates    surrogate targets per degree family (shuffle method)
 * @param window        delays added per round of the early-stopping iteration
 * @param maxTargets    hard bound on targets evaluated per point: the enumeration cannot explode
 * @param blockTargets  targets accumulated per simulation pass (memory O(B·blockTargets + L·blockTargets))
 * @param threads       blocks of targets evaluated at once by one point (set Spark's spark.task.cpus to match in a
 *                      sweep); results do not depend on it, so it is not part of the point's identity
 * @param tasks         Spark tasks one point's target set is spread over in a sweep (the rounds of the early-stopping
 *                      iteration dealt to shards, see {@code IpcShard}); results do not depend on it either, so it
 *                      is not part of the point's identity
 */
public record IpcSpec(boolean enabled, int maxDegree, List<Integer> maxDelays, IpcThreshold threshold, double chi2P,
                      double chi2Factor, double shuffleScale, int surrogates, int window, int maxTargets,
                      int blockTargets, int threads, int tasks) implements Serializable {
    public static final int MAX_DEGREE = 10;
    /** Upper bound of {@code tasks}: beyond it a task would hold too few rounds to pay for its simulation passes. */
    public static final int MAX_TASKS = 256;

    public IpcSpec {
        Check.closed("max_degree", maxDegree, 1, MAX_DEGREE);
        if (maxDelays != null) {
            maxDelays = List.copyOf(maxDelays);
            if (maxDelays.size() != maxDegree) {
                throw new SpecException("max_delays", "needs one entry per degree 1.." + maxDegree + ", got "
                        + maxDelays.size());
            }
            for (int i = 0; i < maxDelays.size(); i++) {
                Check.closed("max_delays[" + i + "]", maxDelays.get(i), 0, 100_000);
            }
        }
        if (threshold == null) {
            throw new SpecException("threshold", "is required");
        }
        Check.open("chi2_p", chi2P, 0.0, 0.5);
        Check.leftOpen("chi2_factor", chi2Factor, 0.0, 1000.0);
        Check.leftOpen("shuffle_scale", shuffleScale, 0.0, 1000.0);
        Check.closed("surrogates", surrogates, 1, 10_000);
        Check.closed("window", window, 1, 100_000);
        Check.closed("max_targets", maxTargets, 1, 10_000_000);
        Check.closed("block_targets", blockTargets, 1, 65_536);
        Check.closed("threads", threads, 1, 64);
        Check.closed("tasks", tasks, 1, MAX_TASKS);
    }

    public static IpcSpec disabled() {
        return new IpcSpec(false, 1, null, IpcThreshold.CHI2, 1e-4, 1.0, 2.0, 20, 8, 20_000, 512, 1, 1);
    }

    public static IpcSpec defaults(int maxDegree) {
        return new IpcSpec(true, maxDegree, null, IpcThreshold.CHI2, 1e-4, 1.0, 2.0, 20, 8, 20_000, 512, 1, 1);
    }

    public IpcSpec withThreshold(IpcThreshold t) {
        return new IpcSpec(enabled, maxDegree, maxDelays, t, chi2P, chi2Factor, shuffleScale, surrogates, window,
                maxTargets, blockTargets, threads, tasks);
    }

    public IpcSpec withMaxDelays(List<Integer> delays) {
        return new IpcSpec(enabled, maxDegree, delays, threshold, chi2P, chi2Factor, shuffleScale, surrogates,
                window, maxTargets, blockTargets, threads, tasks);
    }

    public IpcSpec withThreads(int t) {
        return new IpcSpec(enabled, maxDegree, maxDelays, threshold, chi2P, chi2Factor, shuffleScale, surrogates,
                window, maxTargets, blockTargets, t, tasks);
    }

    public IpcSpec withTasks(int t) {
        return new IpcSpec(enabled, maxDegree, maxDelays, threshold, chi2P, chi2Factor, shuffleScale, surrogates,
                window, maxTargets, blockTargets, threads, t);
    }

    /** Largest delay per degree 1..D for a reservoir of n neurons. */
    public List<Integer> resolvedMaxDelays(int n) {
        if (maxDelays != null) {
            return maxDelays;
        }
        List<Integer> out = new ArrayList<>();
        out.add(2 * n);
        for (int d = 2; d <= maxDegree; d++) {
            out.add(Math.max(2, n / (d - 1)));
        }
        return out;
    }

    public String canonical() {
        if (!enabled) {
            return "off";
        }
        return "degree=" + maxDegree + ",delays=" + (maxDelays == null ? "auto" : maxDelays) + ",threshold="
                + threshold.label() + ",p=" + chi2P + ",f=" + chi2Factor + ",scale=" + shuffleScale + ",surrogates="
                + surrogates + ",window=" + window + ",max_targets=" + maxTargets;
    }
}
