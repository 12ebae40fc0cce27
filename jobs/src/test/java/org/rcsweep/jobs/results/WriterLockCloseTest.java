package org.rcsweep.jobs.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interrupted sweep's shutdown hook closes the writer lock while the sweep's own try-with-resources may close it
 * too: a second close is harmless, and never releases the lock a later run has taken.
 */
class WriterLockCloseTest {
    @Test
    void aLeaseLockClosedTwiceIsReleasedOnce(@TempDir Path dir) throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("lock").toUri());
        LeaseFileLock first = LeaseFileLock.acquire(fs, file, "run-1", WriterLock.holderText("run-1", "test"),
                120_000, dir.toString());
        first.close();
        assertFalse(fs.exists(file), "released");
        LeaseFileLock second = LeaseFileLock.acquire(fs, file, "run-2", WriterLock.holderText("run-2", "test"),
                120_000, dir.toString());
        first.close();
        assertTrue(fs.exists(file), "the first run's second close leaves the second run's lock alone");
        second.close();
        second.close();
        assertFalse(fs.exists(file));
    }

    @Test
    void aLocalLockClosedTwiceCanBeTakenAgain(@TempDir Path dir) {
        FileSystem fs;
        try {
            fs = FileSystem.getLocal(new Configuration());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("lock").toUri());
        WriterLock lock = WriterLock.acquire(fs, file, "run-1", "test", dir.toString());
        lock.close();
        lock.close();
        WriterLock again = WriterLock.acquire(fs, file, "run-2", "test", dir.toString());
        again.close();
    }
}
