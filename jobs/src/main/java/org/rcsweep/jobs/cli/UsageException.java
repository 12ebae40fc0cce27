package org.rcsweep.jobs.cli;

/** The command line itself is wrong (missing argument, unknown option). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
