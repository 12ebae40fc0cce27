package org.rcsweep.jobs.results;

import org.apache.hadoop.conf.Configuration;

import java.util.Map;

/**
 * The Hadoop configuration a command uses before Spark starts: the site files on the classpath (core-site.xml,
 * hdfs-site.xml from HADOOP_CONF_DIR), plus every {@code spark.hadoop.*} property the JVM was given, as Spark itself
 * would apply them. Checking the results directory with it lets bad input fail before a Spark job starts.
 */
public final class HadoopConf {
    private static final String SPARK_PREFIX = "spark.hadoop.";

    private HadoopConf() {
    }

    public static Configuration fromEnvironment() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith(SPARK_PREFIX)) {
                conf.set(key.substring(SPARK_PREFIX.length()), String.valueOf(e.getValue()));
            }
        }
        return conf;
    }

    /**
     * A copy that gives up on an unreachable name node after one attempt instead of Hadoop's default minutes of
     * retries: used only for the first look at a directory (through a file system instance of its own, never the
     * cached one), so that a wrong host or port is a prompt error.
     */
    static Configuration failingFast(Configuration conf) {
        Configuration c = new Configuration(conf);
        c.setInt("ipc.client.connect.max.retries", 0);
        c.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
        c.setInt("ipc.client.connect.timeout", 5000);
        c.setBoolean("dfs.client.retry.policy.enabled", false);
        return c;
    }
}
