package org.rcsweep.jobs.results;

import org.apache.hadoop.conf.Configuration;

/** A second process for the writer-lock tests: takes DIR's lock, says "locked", and holds it until killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        ResultsDirectory dir = ResultsDirectory.forSweep(args[0], new Configuration());
        WriterLock lock = dir.lock("holder-run", "LockHolder " + args[0]);
        System.out.println("locked " + lock.runId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
