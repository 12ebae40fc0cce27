package org.rcsweep.jobs.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WriterLock} on a local (or NFS-mounted) file system: an operating-system lock on the lock file. The file
 * itself is never deleted, so two processes can never hold locks on two different files of the same name.
 */
final class LocalFileLock extends WriterLock {
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalFileLock(String runId, FileChannel channel, FileLock lock) {
        super(runId);
        this.channel = channel;
        this.lock = lock;
    }

    static LocalFileLock acquire(Path file, String runId, String holder, String dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM (another sweep in the same process)
            }
            if (lock == null) {
                String current = Files.readString(file, StandardCharsets.UTF_8);
                channel.close();
                throw new DirectoryException(dir + " is being written by " + WriterLock.describeHolder(current)
                        + "; one sweep writes a results directory at a time: wait for it, stop it, or use another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new LocalFileLock(runId, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DirectoryException("cannot lock " + dir + " for writing: " + e.getMessage());
        }
    }

    @Override
    public void checkHeld() {
        if (!lock.isValid()) {
            throw new IllegalStateException("the writer lock of run " + runId() + " is no longer valid");
        }
    }

    /** Releases the lock; only the first call acts (an interrupted sweep's shutdown hook may close it too). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the writer lock", e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the original failure is what the user needs to see
            }
        }
    }
}
