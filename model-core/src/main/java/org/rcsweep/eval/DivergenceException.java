package org.rcsweep.eval;

/** The reservoir state left the finite, bounded region: the point is reported with status {@code diverged}. */
final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DivergenceException(String message) {
        super(message);
    }
}
