package org.rcsweep.jobs.sweep;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.spark.Sessions;

/** The test JVM's one local Spark session (two cores, loopback), created on first use and reused by every class. */
final class SparkTestSession {
    private SparkTestSession() {
    }

    static SparkSession get() {
        return Sessions.start("rcsweep-tests", "local[2]");
    }
}
