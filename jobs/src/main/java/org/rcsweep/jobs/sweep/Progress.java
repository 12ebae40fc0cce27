package org.rcsweep.jobs.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The sweep's progress line: points evaluated of total, failed task attempts, points whose status is not ok, rate
 * and ETA. Evaluations are counted as Spark reports finished tasks ({@link ProgressListener}); commits as batches are
 * written. On a terminal the line is redrawn in place; otherwise it stays quiet unless asked to print a line per
 * committed batch (logs stay readable). Thread-safe: Spark's listener bus calls in from its own thread.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Mode {
        /** Redraw one line in place on every finished task. */
        TERMINAL,
        /** One line per committed batch. */
        LINES,
        /** Nothing. */
        QUIET
    }

    private final PrintStream out;
    private final Mode mode;
    private final int total;
    private final int skipped;
    private final long startNanos = System.nanoTime();
    private int committed;
    /** Points evaluated in this run so far; batches are evaluated ahead of their commit, so it runs ahead of it. */
    private int evaluated;
    private long notOk;
    private long failedAttempts;

    public Progress(PrintStream out, Mode mode, int total, int skipped) {
        this.out = out;
        this.mode = mode;
        this.total = total;
        this.skipped = skipped;
        this.committed = skipped;
    }

    /** An evaluation task of {@code points} points finished (successfully or not). */
    public synchronized void taskEnded(boolean success, int points) {
        if (success) {
            evaluated += points;
        } else {
            failedAttempts++;
        }
        if (mode == Mode.TERMINAL) {
            out.print("\r" + line(System.nanoTime() - startNanos));
            out.flush();
        }
    }

    /** A batch of points was committed. */
    public synchronized void committed(int points, long pointsNotOk) {
        committed += points;
        notOk += pointsNotOk;
        String line = line(System.nanoTime() - startNanos);
        if (mode == Mode.TERMINAL) {
            out.print("\r" + line);
            out.flush();
        } else if (mode == Mode.LINES) {
            out.println(line);
        }
    }

    public synchronized void finish() {
        if (mode == Mode.TERMINAL) {
            out.println();
        }
    }

    synchronized String line(long elapsedNanos) {
        int done = Math.min(total, Math.max(committed, skipped + evaluated));
        int computed = done - skipped;
        double seconds = elapsedNanos * 1e-9;
        double rate = seconds > 0 ? computed / seconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "rcsweep: %d/%d points (%.0f%%) | %d committed | %d failed attempts | "
                        + "%d not ok | %.2f points/s | ETA %s", done, total, total == 0 ? 100.0 : 100.0 * done / total,
                committed, failedAttempts, notOk, rate, eta);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
