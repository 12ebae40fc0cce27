package org.rcsweep.io;

/**
 * A weight file cannot be used: missing, not a regular file, too large, malformed, wrong dtype, wrong shape or
 * non-finite values. The message is one line that starts with the file's path and names the cause.
 */
public final class WeightFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
