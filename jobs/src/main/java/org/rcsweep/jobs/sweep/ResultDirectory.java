package org.rcsweep.jobs.sweep;

import org.rcsweep.parquet.TableFileWriter;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output directory of sweeps and its commit protocol.
 *
 * <p>Each table is a directory of {@code batch=<id>} sub-directories, one per committed batch of points; Spark and
 * other Parquet readers see {@code batch} as a partition column. A batch directory counts only once its
 * {@code _SUCCESS} marker exists, which {@link #writeBatch} creates after the batch's file is complete and closed
 * (the marker Spark's FileOutputCommitter writes, so directories written by Spark count the same way).
 * A batch writes {@code memory_curve} first and {@code points} last, so a batch is committed exactly when its
 * {@code points} directory has {@code _SUCCESS}. {@link #recover()} deletes what an interrupted run left behind:
 * batch directories without the marker and batches of other tables whose {@code points} batch never committed.
 * Resumed runs then compute only points whose ids are absent from {@code points}: no row is lost or duplicated.
 */
public final class ResultDirectory {
    public static final String SUCCESS_MARKER = "_SUCCESS";
    private final Path root;
    private final FileSystem fs;
    private final Configuration conf;

    public ResultDirectory(String dir, Configuration conf) {
        try {
            Path p = new Path(dir);
            this.fs = p.getFileSystem(conf);
            this.conf = conf;
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output directory " + dir, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path table(TableSchema table) {
        return new Path(root, table.name());
    }

    public Path batch(TableSchema table, String batchId) {
        return new Path(table(table), ResultTables.BATCH_COLUMN + "=" + batchId);
    }

    /**
     * Writes one table's rows of a batch as {@code batch=<id>/part-00000-<id>.snappy.parquet}, then its
     * {@code _SUCCESS} marker. The batch directory must not exist yet: a batch is written once.
     *
     * @param metadata file footer entries (Spark's schema, so Spark reads the columns with their documentation)
     */
    public void writeBatch(TableSchema table, String batchId, Iterable<Object[]> rows, Map<String, String> metadata) {
        Path dir = batch(table, batchId);
        try {
            if (fs.exists(dir)) {
                throw new IllegalStateException(dir + " exists already: batch " + batchId + " was written before");
            }
            try (TableFileWriter writer = new TableFileWriter(new Path(dir, "part-00000-" + batchId
                    + ".snappy.parquet"), conf, table, metadata)) {
                for (Object[] row : rows) {
                    writer.write(row);
                }
            }
            fs.create(new Path(dir, SUCCESS_MARKER), false).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    /** Deletes uncommitted leftovers of interrupted runs; returns the paths removed. */
    public List<String> recover() {
        List<String> removed = new ArrayList<>();
        try {
            Set<String> committed = new HashSet<>();
            for (FileStatus b : batches(ResultTables.POINTS)) {
                if (fs.exists(new Path(b.getPath(), SUCCESS_MARKER))) {
                    committed.add(b.getPath().getName());
                } else {
                    delete(b.getPath(), removed);
                }
            }
            for (TableSchema t : ResultTables.sweepTables()) {
                if (t == ResultTables.POINTS) {
                    continue;
                }
                for (FileStatus b : batches(t)) {
                    if (!committed.contains(b.getPath().getName())) {
                        delete(b.getPath(), removed);
                    }
                }
            }
            for (TableSchema t : ResultTables.sweepTables()) {
                Path temp = new Path(table(t), "_temporary");
                if (fs.exists(temp)) {
                    delete(temp, removed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover output directory " + root, e);
        }
        return removed;
    }

    /** Ids of points already committed (call after {@link #recover()}). */
    public Set<String> committedPointIds(SparkSession spark) {
        Set<String> ids = new HashSet<>();
        if (batches(ResultTables.POINTS).isEmpty()) {
            return ids;
        }
        for (Row r : spark.read().parquet(table(ResultTables.POINTS).toString()).select("point_id").distinct()
                .collectAsList()) {
            ids.add(r.getString(0));
        }
        return ids;
    }

    public boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a small text file (e.g. a copy of the spec) under the root, replacing an older one. */
    public void writeText(String relative, String text) {
        try (var out = fs.create(new Path(root, relative), true)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " under " + root, e);
        }
    }

    private List<FileStatus> batches(TableSchema t) {
        Path dir = table(t);
        List<FileStatus> out = new ArrayList<>();
        try {
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory() && s.getPath().getName().startsWith(ResultTables.BATCH_COLUMN + "=")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private void delete(Path p, List<String> removed) throws IOException {
        fs.delete(p, true);
        removed.add(p.toString());
    }
}
