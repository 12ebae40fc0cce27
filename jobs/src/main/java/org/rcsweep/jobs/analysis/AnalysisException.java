package org.rcsweep.jobs.analysis;

/** The input of an analysis command is unusable (not a results directory, a missing or empty table). */
public final class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
