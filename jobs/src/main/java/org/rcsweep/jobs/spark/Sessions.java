package org.rcsweep.jobs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds rcsweep's SparkSession. Without a master URL (and none from spark-submit) it runs embedded in local mode on
 * all cores, bound to the loopback interface only; Spark's console progress bars and web UI stay off because rcsweep
 * prints its own progress.
 */
public final class Sessions {
    private Sessions() {
    }

    /** @param master a Spark master URL, or null for spark-submit's master or else {@code local[*]} */
    public static SparkSession start(String appName, String master) {
        return start(appName, master, java.util.Map.of());
    }

    /** As {@link #start(String, String)} with extra Spark properties ({@code --conf key=value}), applied last. */
    public static SparkSession start(String appName, String master, java.util.Map<String, String> extra) {
        SparkConf conf = new SparkConf(true);
        extra.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1");
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
        // A sweep task returns its points' results (memory curves for every L: about 1 MB for a dozen N = 100
        // points). Above the 1 MiB default the executor parks a result in its block manager and the driver fetches
        // it in a second round trip; up to this size it travels in the task's status message, in one. Bounded by
        // spark.rpc.message.maxSize.
        conf.setIfMissing("spark.task.maxDirectResultSize", "16m");
        // Spark's own writes (the fit tables, rcsweep sql --format parquet) use the classic FileOutputCommitter: files
        // appear at job commit and _SUCCESS is written last, as Spark's readers expect.
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1");
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "true");
        return SparkSession.builder().appName(appName).config(conf).getOrCreate();
    }
}
