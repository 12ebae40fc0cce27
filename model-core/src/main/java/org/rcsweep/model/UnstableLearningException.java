package org.rcsweep.model;

/** A learning phase drove the network's rates or weights to non-finite values; the point is reported as diverged. */
public final class UnstableLearningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnstableLearningException(String message) {
        super(message);
    }
}
