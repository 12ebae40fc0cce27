package org.rcsweep.jobs.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code rcsweep sql --to} writes a query's result: any path or URI. An existing target is replaced only with
 * {@code --overwrite}, whatever the format, and never when it is the results directory or lies inside it.
 */
final class OutputTarget {
    private OutputTarget() {
    }

    static void check(String to, boolean overwrite, String resultsDir, Configuration conf) {
        try {
            Path target = new Path(to);
            FileSystem fs = target.getFileSystem(conf);
            Path q = fs.makeQualified(target);
            Path results = new Path(resultsDir);
            Path r = results.getFileSystem(conf).makeQualified(results);
            for (Path p = q; p != null; p = p.getParent()) {
                if (p.equals(r)) {
                    throw new UsageException("--to " + to + " lies in the results directory " + resultsDir
                            + "; write query results elsewhere");
                }
            }
            if (fs.exists(q) && !overwrite) {
                throw new UsageException("--to " + to + " exists already; add --overwrite to replace it");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--to " + to + ": " + e.getMessage());
        }
    }

    static void clear(String to, Configuration conf) {
        try {
            Path target = new Path(to);
            target.getFileSystem(conf).delete(target, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + to, e);
        }
    }

    static void writeText(String to, String text, Configuration conf) {
        Path target = new Path(to);
        try (var out = target.getFileSystem(conf).create(target, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to, e);
        }
    }
}
