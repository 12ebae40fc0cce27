package org.rcsweep.jobs.results;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Properties;

/**
 * The exclusive lock of a results directory's one writer ({@code _rcsweep/lock}), taken before recovery and held for
 * the whole run, so that a second sweep cannot delete or re-create batches of a live one. On a local file system it
 * is an operating-system lock on the file (released by the kernel when the process dies, so a crash leaves nothing
 * stale); on other file systems the lock file is created exclusively and its modification time is renewed while the
 * run lives: a lock silent for longer than {@code rcsweep.lock.stale.seconds} (default 120) belongs to a dead run and
 * is taken over.
 */
public abstract class WriterLock implements AutoCloseable {
    /** Hadoop configuration key: seconds without renewal after which a non-local lock counts as stale. */
    public static final String STALE_SECONDS = "rcsweep.lock.stale.seconds";
    static final long DEFAULT_STALE_SECONDS = 120;

    private final String runId;

    WriterLock(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    /** Takes the lock of {@code file} for run {@code runId}, or throws a {@link DirectoryException} naming its holder. */
    static WriterLock acquire(FileSystem fs, Path file, String runId, String command, String dirForMessages) {
        String holder = holderText(runId, command);
        FileSystem raw = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        if (raw instanceof RawLocalFileSystem rawLocal) {
            return LocalFileLock.acquire(rawLocal.pathToFile(file).toPath(), runId, holder, dirForMessages);
        }
        long staleMillis = 1000 * fs.getConf().getLong(STALE_SECONDS, DEFAULT_STALE_SECONDS);
        return LeaseFileLock.acquire(fs, file, runId, holder, staleMillis, dirForMessages);
    }

    /** Fails when another run has taken the lock over (e.g. after this process was paused past the stale limit). */
    public abstract void checkHeld();

    @Override
    public abstract void close();

    static String holderText(String runId, String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        Properties p = new Properties();
        p.setProperty("run", runId);
        p.setProperty("host", host);
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        p.setProperty("started", Instant.now().toString());
        p.setProperty("command", command);
        p.setProperty("jvm", ManagementFactory.getRuntimeMXBean().getName());
        StringBuilder out = new StringBuilder();
        p.forEach((k, v) -> out.append(k).append('=').append(String.valueOf(v).replace('\n', ' ')).append('\n'));
        return out.toString();
    }

    /** "run R (pid P on host H, started S: COMMAND)" from a lock file's text, or what can be said without it. */
    static String describeHolder(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            return "another run";
        }
        if (p.getProperty("run") == null) {
            return "another run";
        }
        return "run " + p.getProperty("run") + " (pid " + p.getProperty("pid", "?") + " on host "
                + p.getProperty("host", "?") + ", started " + p.getProperty("started", "?") + ": "
                + p.getProperty("command", "?") + ")";
    }

    static String runOf(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            return null;
        }
        return p.getProperty("run");
    }
}
