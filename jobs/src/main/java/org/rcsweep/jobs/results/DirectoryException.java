package org.rcsweep.jobs.results;

/**
 * A results directory cannot be used as asked: a malformed or unreachable URI, a scheme without a connector, a path
 * that is not a results directory, no write permission, another writer, or damaged batches. The message is one line
 * naming the path and the cause; the command line exits with code 2.
 */
public final class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }
}
