package org.rcsweep.parallel;

/**
 * A part of a parallel section failed; the cause is the part's own exception, so callers can rethrow what the part
 * threw (a diverging reservoir, say) whichever thread ran it.
 */
public final class PartFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PartFailure(Throwable cause) {
        super("a parallel part failed: " + cause, cause);
    }
}
