package org.rcsweep.jobs.results;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WriterLock} on a distributed file system (HDFS, object stores): the lock file is created exclusively (an
 * atomic operation of the name node) and renewed by touching its modification time a few times per stale period. A
 * lock not renewed for the stale period is taken over, after which the old holder's {@link #checkHeld} fails before
 * its next commit.
 */
final class LeaseFileLock extends WriterLock {
    private final FileSystem fs;
    private final Path file;
    private final ScheduledExecutorService renewal;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LeaseFileLock(String runId, FileSystem fs, Path file, long staleMillis) {
        super(runId);
        this.fs = fs;
        this.file = file;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rcsweep-lock-renewal");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, staleMillis / 4);
        renewal.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    static LeaseFileLock acquire(FileSystem fs, Path file, String runId, String holder, long staleMillis,
                                 String dir) {
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                if (createExclusively(fs, file, holder)) {
                    return new LeaseFileLock(runId, fs, file, staleMillis);
                }
                FileStatus status;
                try {
                    status = fs.getFileStatus(file);
                } catch (FileNotFoundException gone) {
                    continue; // released between our attempt and this look: try again
                }
                String current = read(fs, file);
                long silent = System.currentTimeMillis() - status.getModificationTime();
                if (silent <= staleMillis) {
                    throw new DirectoryException(dir + " is being written by " + WriterLock.describeHolder(current)
                            + ", last renewed " + silent / 1000 + " s ago; one sweep writes a results directory at a"
                            + " time: wait for it, stop it, or use another --out (a lock not renewed for "
                            + staleMillis / 1000 + " s is taken over)");
                }
                System.err.println("rcsweep: taking over the lock of " + WriterLock.describeHolder(current)
                        + ", not renewed for " + silent / 1000 + " s");
                fs.delete(file, false);
            }
            throw new DirectoryException("cannot lock " + dir + ": another run took the lock at the same moment");
        } catch (IOException e) {
            throw new DirectoryException("cannot lock " + dir + " for writing: " + e.getMessage());
        }
    }

    private static boolean createExclusively(FileSystem fs, Path file, String holder) throws IOException {
        if (fs.exists(file)) {
            return false;
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(holder.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false; // another run created it first
            }
            throw e;
        }
    }

    private static String read(FileSystem fs, Path file) {
        try (var in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void renew() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // A missed renewal is retried at the next period; a lost lock is caught by checkHeld.
        }
    }

    @Override
    public void checkHeld() {
        String current = read(fs, file);
        if (!runId().equals(WriterLock.runOf(current))) {
            throw new IllegalStateException("run " + runId() + " lost the writer lock of " + file.getParent()
                    + (current.isEmpty() ? "" : " to " + WriterLock.describeHolder(current))
                    + "; it stops without committing more batches");
        }
    }

    /** Releases the lock; only the first call acts (an interrupted sweep's shutdown hook may close it too). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        renewal.shutdownNow();
        try {
            if (runId().equals(WriterLock.runOf(read(fs, file)))) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot release the writer lock " + file + ": " + e.getMessage(), e);
        }
    }
}
