package org.rcsweep.io;

/** A weight file cannot be used: unreadable, malformed, wrong dtype, wrong shape or non-finite values. */
public final class WeightFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }
}
