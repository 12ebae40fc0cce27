package org.rcsweep.spec;

import java.io.Serializable;

/**
 * How capacities are measured.
 *
 * @param estimator     holdout (default) or in-sample
 * @param maxDelay      largest delay K of the memory targets u(t−k), k = 0..K; {@code null} means 2N
 * @param trainFraction share of the T samples used to fit a holdout readout (the rest scores it)
 * @param ridge         Tikhonov term λ, relative to the mean variance of the readout neurons
 * @param maxCondition  largest acceptable condition estimate of a readout Gram matrix; above it the row's status is
 *                      {@code ill_conditioned} and its capacities are not reported
 * @param chunkSteps    time steps per streaming chunk B (memory O(B·(N+K)), results independent of B up to rounding)
 * @param threads       threads that simulate one point's dense rate reservoir, each advancing a share of the
 *                      neurons every step (set Spark's spark.task.cpus to match in a sweep); the results do not
 *                      depend on it, so it is not part of the point's identity
 */
public record CapacitySpec(Estimator estimator, Integer maxDelay, double trainFraction, double ridge,
                           double maxCondition, int chunkSteps, int threads) implements Serializable {
    public static final double DEFAULT_TRAIN_FRACTION = 0.5;
    public static final double DEFAULT_RIDGE = 1e-10;
    /** At κ ≈ 1e10 capacities computed through a Cholesky factor keep errors near 1e-5; beyond 1e12 they reach 1e-1. */
    public static final double DEFAULT_MAX_CONDITION = 1e10;
    public static final int DEFAULT_CHUNK_STEPS = 256;

    public CapacitySpec {
        if (estimator == null) {
            throw new SpecException("estimator", "is required");
        }
        if (maxDelay != null) {
            Check.closed("max_delay", maxDelay, 0, 1_000_000);
        }
        Check.open("train_fraction", trainFraction, 0.0, 1.0);
        Check.closed("ridge", ridge, 0.0, 1.0);
        Check.closed("max_condition", maxCondition, 10.0, 1e16);
        Check.closed("chunk_steps", chunkSteps, 1, 65_536);
        Check.closed("threads", threads, 1, 64);
    }

    public static CapacitySpec defaults() {
        return new CapacitySpec(Estimator.HOLDOUT, null, DEFAULT_TRAIN_FRACTION, DEFAULT_RIDGE,
                DEFAULT_MAX_CONDITION, DEFAULT_CHUNK_STEPS, 1);
    }

    public CapacitySpec withEstimator(Estimator e) {
        return new CapacitySpec(e, maxDelay, trainFraction, ridge, maxCondition, chunkSteps, threads);
    }

    public CapacitySpec withMaxDelay(Integer k) {
        return new CapacitySpec(estimator, k, trainFraction, ridge, maxCondition, chunkSteps, threads);
    }

    public CapacitySpec withRidge(double r) {
        return new CapacitySpec(estimator, maxDelay, trainFraction, r, maxCondition, chunkSteps, threads);
    }

    public CapacitySpec withChunkSteps(int b) {
        return new CapacitySpec(estimator, maxDelay, trainFraction, ridge, maxCondition, b, threads);
    }

    public CapacitySpec withThreads(int t) {
        return new CapacitySpec(estimator, maxDelay, trainFraction, ridge, maxCondition, chunkSteps, t);
    }

    /** Samples used to fit readouts out of T: all of them in-sample, ⌊f·T⌋ for holdout (the rest score). */
    public int trainingSteps(int steps) {
        return estimator == Estimator.HOLDOUT ? (int) Math.floor(steps * trainFraction) : steps;
    }

    /** The delay range K for a reservoir of n neurons. */
    public int resolvedMaxDelay(int n) {
        return maxDelay != null ? maxDelay : 2 * n;
    }

    /**
     * Canonical text for hashing. The chunk size is deliberately left out: it changes results only by rounding,
     * so it is an execution setting, not part of a configuration's identity.
     */
    public String canonical() {
        return estimator.label() + ",max_delay=" + (maxDelay == null ? "2n" : maxDelay)
                + ",train_fraction=" + trainFraction + ",ridge=" + ridge + ",max_condition=" + maxCondition;
    }
}
