package org.rcsweep.theory;

/** A theory does not apply to this reservoir (unstable linearisation, no fixed point, ill-conditioned Γ). */
public final class TheoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TheoryException(String message) {
        super(message);
    }
}
