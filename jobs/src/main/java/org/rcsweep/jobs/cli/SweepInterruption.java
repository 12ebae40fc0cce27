package org.rcsweep.jobs.cli;

import org.apache.hadoop.util.ShutdownHookManager;
import org.rcsweep.jobs.results.WriterLock;
import org.rcsweep.jobs.sweep.ConsoleOutput;
import org.rcsweep.jobs.sweep.Progress;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an interrupted sweep (Ctrl-C: SIGINT, or SIGTERM) does on its way out, from a shutdown hook that runs while the
 * JVM exits with code 130 (143 for SIGTERM): silences the sweep's error output, so that the failures Spark's
 * concurrent shutdown causes in the sweep's threads print nothing; waits for a batch commit under way and refuses
 * later ones; prints {@code interrupted: N of M points committed; run the same command to resume}; and releases the
 * writer lock (a local lock dies with the process anyway, a lease lock on HDFS or an object store would otherwise
 * hold the directory until it goes stale). The hook is one of Hadoop's, at a priority above Spark's and the file
 * systems' own hooks, so it runs before Spark stops and before the file systems close. Installed while the sweep
 * holds its lock; {@link #close} removes it.
 */
final class SweepInterruption implements AutoCloseable {
    /** Above Spark's hook (40) and the file-system cache's (10): they run after this one. */
    static final int PRIORITY = 50;
    /** How long the hook waits for a batch commit under way. */
    static final long COMMIT_WAIT_MILLIS = 15_000;
    private final ConsoleOutput console;
    private final WriterLock lock;
    private final long planned;
    private final AtomicBoolean happened = new AtomicBoolean();
    private final Runnable hook = this::onShutdown;

    private SweepInterruption(ConsoleOutput console, WriterLock lock, long planned) {
        this.console = console;
        this.lock = lock;
        this.planned = planned;
    }

    static SweepInterruption install(ConsoleOutput console, WriterLock lock, long planned) {
        SweepInterruption i = new SweepInterruption(console, lock, planned);
        ShutdownHookManager.get().addShutdownHook(i.hook, PRIORITY, COMMIT_WAIT_MILLIS + 5_000,
                TimeUnit.MILLISECONDS);
        return i;
    }

    /** Whether the sweep is being interrupted (its failures are then the interruption's, not to be reported). */
    boolean happened() {
        return happened.get();
    }

    private void onShutdown() {
        if (!happened.compareAndSet(false, true)) {
            return;
        }
        console.silence();
        Progress progress = console.progress();
        String message;
        if (progress != null) {
            Progress.Count c = progress.interrupt(COMMIT_WAIT_MILLIS);
            message = "interrupted: " + c.committed() + " of " + c.total() + " points committed; run the same "
                    + "command to resume";
        } else {
            message = "interrupted before its first batch (" + planned + " points planned, none committed by this "
                    + "run); run the same command to resume";
        }
        console.printSilenced("rcsweep: " + message); // one line of at most 80 columns for sweeps below 10⁵ points
        try {
            lock.close();
        } catch (RuntimeException e) {
            // A lease lock left behind goes stale and is taken over by the next run.
        }
    }

    @Override
    public void close() {
        if (happened.get()) {
            return; // keep the output silenced until the JVM is gone
        }
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown in progress: the hook runs (or ran) anyway
        }
        console.clearStatus();
        console.release();
    }
}
