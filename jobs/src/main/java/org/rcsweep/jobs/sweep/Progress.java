package org.rcsweep.jobs.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress report: points done of total, points not ok, rate and ETA. On a terminal the line is redrawn
 * in place; otherwise one line is printed per update, so logs stay readable.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final int skipped;
    private final long startNanos = System.nanoTime();
    private int done;
    private long notOk;

    public Progress(PrintStream out, boolean terminal, int total, int skipped) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.skipped = skipped;
        this.done = skipped;
    }

    public void advance(int points, long pointsNotOk) {
        done += points;
        notOk += pointsNotOk;
        String line = line(System.nanoTime() - startNanos);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }

    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    String line(long elapsedNanos) {
        int computed = done - skipped;
        double seconds = elapsedNanos * 1e-9;
        double rate = seconds > 0 ? computed / seconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "rcsweep: %d/%d points (%.0f%%) | %d not ok | %.2f points/s | ETA %s",
                done, total, total == 0 ? 100.0 : 100.0 * done / total, notOk, rate, eta);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
