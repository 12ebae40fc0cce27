package org.rcsweep.jobs.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The sweep's progress: points evaluated of total, points committed, failed task attempts, points whose status is not
 * ok, rate and ETA. Evaluations are counted as Spark reports finished tasks ({@link ProgressListener}); commits as
 * batches are written. On a terminal one line is redrawn in place, fitted to the terminal's width
 * ({@link #fit}: never wider, so it never wraps), at every event and once a second in between, with an ETA that
 * counts down from the last measured rate; until the first point is evaluated it says so, with the time waited.
 * Otherwise it stays quiet unless asked to print a line per committed batch (logs stay readable). Thread-safe:
 * Spark's listener bus and the redraw timer call in from their own threads.
 *
 * <p>Batches commit through {@link #commit}, so that an interruption ({@link #interrupt}) can wait for a commit under
 * way, refuse later ones and say exactly how many points are committed.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Mode {
        /** Redraw one line in place on every finished task and every second. */
        TERMINAL,
        /** One line per committed batch. */
        LINES,
        /** Nothing. */
        QUIET
    }

    /** What is known at one moment, for {@link #fit}. */
    record Snapshot(int done, int total, int committed, long failedAttempts, long notOk, double rate,
                    double etaSeconds, String phase) {
    }

    /** Points committed of points planned, at an interruption. */
    public record Count(int committed, int total) {
    }

    static final long REDRAW_MILLIS = 1000;
    private final PrintStream out;
    private final Mode mode;
    private final ConsoleOutput console;
    private final LongSupplier clock;
    private final int total;
    private final int skipped;
    private final long startNanos;
    private final ReentrantLock commitGate = new ReentrantLock();
    private ScheduledExecutorService timer;
    private int committed;
    /** Points of the batches committed through {@link #commit} (those the interruption message counts). */
    private int durable;
    /** Points evaluated in this run so far; batches are evaluated ahead of their commit, so it runs ahead of it. */
    private int evaluated;
    private long notOk;
    private long failedAttempts;
    /** Rate (points per second) measured at the last evaluation, and when; the ETA counts down from there. */
    private double rate;
    private long rateAt;
    private boolean finished;
    private volatile boolean interrupted;

    public Progress(PrintStream out, Mode mode, int total, int skipped) {
        this(out, mode, total, skipped, System::nanoTime, true);
    }

    /**
     * @param clock nanoseconds, as {@link System#nanoTime}
     * @param timer whether a terminal line is redrawn every second by a timer thread (tests call {@link #redraw})
     */
    Progress(PrintStream out, Mode mode, int total, int skipped, LongSupplier clock, boolean timer) {
        this.out = out;
        this.mode = mode;
        this.total = total;
        this.skipped = skipped;
        this.committed = skipped;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.console = out instanceof ConsoleOutput c ? c
                : mode == Mode.TERMINAL ? new ConsoleOutput(out, true, TerminalWidth::columns) : null;
        if (console != null) {
            console.attach(this);
        }
        if (mode == Mode.TERMINAL) {
            redraw();
            if (timer) {
                this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "rcsweep-progress");
                    t.setDaemon(true);
                    return t;
                });
                this.timer.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** An evaluation task of {@code points} points finished (successfully or not). */
    public synchronized void taskEnded(boolean success, int points) {
        if (success) {
            evaluated += points;
            measureRate();
        } else {
            failedAttempts++;
        }
        redraw();
    }

    /**
     * Runs the commit of a batch of {@code points} points: one at a time, and none once the sweep is interrupted
     * (it throws instead), so that {@link #interrupt} can count exactly what is committed.
     */
    public void commit(int points, Runnable commit) {
        commitGate.lock();
        try {
            if (interrupted) {
                throw new IllegalStateException("the sweep was interrupted; the batch is not committed");
            }
            commit.run();
            synchronized (this) {
                durable += points;
            }
        } finally {
            commitGate.unlock();
        }
    }

    /** A batch of points was committed. */
    public synchronized void committed(int points, long pointsNotOk) {
        committed += points;
        notOk += pointsNotOk;
        measureRate();
        if (mode == Mode.TERMINAL) {
            redraw();
        } else if (mode == Mode.LINES && !interrupted) {
            out.println(line(clock.getAsLong() - startNanos));
        }
    }

    /** Ends the line (on a terminal) and stops the redraws; calling it again does nothing. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        stopTimer();
        if (mode == Mode.TERMINAL && !interrupted) {
            draw();
            console.keepStatus();
        }
    }

    /**
     * The sweep was interrupted: stops drawing, waits up to {@code waitMillis} for a commit under way, refuses any
     * later one, and returns the points committed, counting those committed before this run.
     */
    public Count interrupt(long waitMillis) {
        interrupted = true;
        synchronized (this) {
            stopTimer();
        }
        boolean locked = false;
        try {
            locked = commitGate.tryLock(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (this) {
                return new Count(Math.min(total, Math.max(committed, skipped + durable)), total);
            }
        } finally {
            if (locked) {
                commitGate.unlock();
            }
        }
    }

    /** Redraws the terminal line (every event, and every second from the timer). */
    synchronized void redraw() {
        if (mode == Mode.TERMINAL && !interrupted && !finished) {
            draw();
        }
    }

    private void draw() {
        console.status(fit(snapshot(clock.getAsLong()), console.width()));
    }

    private void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void measureRate() {
        long now = clock.getAsLong();
        double seconds = (now - startNanos) * 1e-9;
        int computed = done() - skipped;
        if (seconds > 0 && computed > 0) {
            rate = computed / seconds;
            rateAt = now;
        }
    }

    private int done() {
        return Math.min(total, Math.max(committed, skipped + evaluated));
    }

    synchronized Snapshot snapshot(long nowNanos) {
        int done = done();
        double eta = Double.NaN;
        String phase = null;
        if (done >= total) {
            eta = 0;
        } else if (rate > 0) {
            eta = Math.max(0, (total - done) / rate - (nowNanos - rateAt) * 1e-9);
        } else {
            phase = "first batch... " + clock((nowNanos - startNanos) * 1e-9);
        }
        return new Snapshot(done, total, committed, failedAttempts, notOk, rate > 0 ? rate : Double.NaN, eta, phase);
    }

    /** The full line, as printed once per batch in {@link Mode#LINES}. */
    synchronized String line(long elapsedNanos) {
        int done = done();
        int computed = done - skipped;
        double seconds = elapsedNanos * 1e-9;
        double rate = seconds > 0 ? computed / seconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "rcsweep: %d/%d points (%.0f%%) | %d committed | %d failed attempts | "
                        + "%d not ok | %.2f points/s | ETA %s", done, total, percent(done, total),
                committed, failedAttempts, notOk, rate, eta);
    }

    /**
     * The line that fits in {@code width} columns without wrapping (at most width - 1 characters): the full line if
     * it fits, else progressively shorter ones — zero counts left out, then the rate, then short words, then only
     * the count, the points not ok and the ETA — and at last the count cut to the width.
     */
    static String fit(Snapshot s, int width) {
        int max = Math.max(1, width - 1);
        List<String> candidates = candidates(s);
        for (String c : candidates) {
            if (c.length() <= max) {
                return c;
            }
        }
        String last = candidates.get(candidates.size() - 1);
        return last.substring(0, max);
    }

    private static List<String> candidates(Snapshot s) {
        String count = s.done() + "/" + s.total();
        String pct = String.format(Locale.ROOT, "(%.0f%%)", percent(s.done(), s.total()));
        String tail = s.phase() != null ? s.phase()
                : "ETA " + (Double.isNaN(s.etaSeconds()) ? "?" : clock(s.etaSeconds()));
        String rate = Double.isNaN(s.rate()) ? null : String.format(Locale.ROOT, "%.2f points/s", s.rate());
        boolean moreCommitted = s.committed() != s.done();
        List<String> out = new ArrayList<>();
        out.add(join(" | ", "rcsweep: " + count + " points " + pct, s.committed() + " committed",
                s.failedAttempts() + " failed attempts", s.notOk() + " not ok", rate, tail));
        out.add(join(" | ", "rcsweep: " + count + " points " + pct,
                moreCommitted ? s.committed() + " committed" : null,
                s.failedAttempts() > 0 ? s.failedAttempts() + " failed attempts" : null,
                s.notOk() > 0 ? s.notOk() + " not ok" : null, rate, tail));
        out.add(join(" | ", "rcsweep: " + count + " points " + pct,
                moreCommitted ? s.committed() + " committed" : null,
                s.failedAttempts() > 0 ? s.failedAttempts() + " failed attempts" : null,
                s.notOk() > 0 ? s.notOk() + " not ok" : null, tail));
        out.add(join(" | ", "rcsweep: " + count + " " + pct,
                moreCommitted ? s.committed() + " comm." : null,
                s.failedAttempts() > 0 ? s.failedAttempts() + " retried" : null,
                s.notOk() > 0 ? s.notOk() + " not ok" : null, tail));
        out.add(join(" | ", count + " " + pct, s.notOk() > 0 ? s.notOk() + " not ok" : null, tail));
        out.add(count + " " + pct + " " + tail);
        out.add(count + " " + tail);
        out.add(count);
        return out;
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                b.append(b.length() == 0 ? "" : sep).append(p);
            }
        }
        return b.toString();
    }

    private static double percent(int done, int total) {
        return total == 0 ? 100.0 : 100.0 * done / total;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
