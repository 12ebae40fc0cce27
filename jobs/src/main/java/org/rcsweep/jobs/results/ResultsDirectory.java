package org.rcsweep.jobs.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.eval.FailureCause;
import org.rcsweep.parquet.TableFileWriter;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * A results directory on any Hadoop file system, for every command: the sweep's commit protocol, the single-writer
 * lock, recovery and verification, and the analysis side files (fits, laws, figures, reports, run manifests).
 *
 * <p>Layout: {@code points/}, {@code memory_curve/}, {@code ipc_terms/} hold one {@code batch=<id>} folder per
 * committed batch (a Parquet partition for every reader); {@code fits/}, {@code laws/}, {@code figures/},
 * {@code report.*} are written by the analysis commands; {@code specs/} holds the spec, {@code runs/} one manifest per
 * run; {@code _rcsweep/} (hidden from Parquet readers by its underscore) holds the lock, the batch records and the
 * staging area.
 *
 * <p>Commit protocol: a batch's three parts are written under {@code _rcsweep/staging/<id>/<table>/}, read back for
 * their size and CRC32C, and recorded in {@code _rcsweep/batches/<id>.json} by an atomic rename; that record is the
 * commit. Only then are the three folders moved into their tables (a rename each, points last). A reader therefore
 * never meets a partial file, and rcsweep's own readers read exactly the recorded batches; a run killed between the
 * record and the moves leaves a committed batch that the next command holding the lock moves into place.
 */
public final class ResultsDirectory {
    public static final String META = "_rcsweep";
    static final String RECORDS = META + "/batches";
    static final String STAGING = META + "/staging";
    static final String TMP = META + "/tmp";
    static final String LOCK = META + "/lock";
    public static final String RUNS = "runs";
    public static final String SPECS = "specs";
    public static final String SUCCESS_MARKER = "_SUCCESS";
    /** The order in which a batch's parts move into their tables: points last, so a points row has its curve. */
    static final List<TableSchema> COMMIT_ORDER = List.of(ResultTables.MEMORY_CURVE, ResultTables.IPC_TERMS,
            ResultTables.POINTS);

    private final String display;
    private final FileSystem fs;
    private final Path root;
    private final Configuration conf;
    /**
     * The batches this reader sees, fixed at its first read: every table a command reads shows the same points even
     * while a sweep commits more.
     */
    private List<String> visible;

    private ResultsDirectory(String display, FileSystem fs, Path root, Configuration conf) {
        this.display = display;
        this.fs = fs;
        this.root = root;
        this.conf = conf;
    }

    /**
     * Opens (and creates) the output directory of a sweep: refuses a file, a directory holding something other than
     * rcsweep results, and a directory this process cannot write.
     */
    public static ResultsDirectory forSweep(String dir, Configuration conf) {
        ResultsDirectory d = open(dir, conf);
        FileStatus status = d.statusOrNull(d.root);
        if (status != null && !status.isDirectory()) {
            throw new DirectoryException("'" + dir + "' is a file, not a directory");
        }
        if (status != null && !d.isResultsDirectory() && d.hasEntries()) {
            throw new DirectoryException("'" + dir + "' is not an rcsweep results directory (it has files but no "
                    + "'points' table and no " + META + " folder); give a new or empty directory as --out");
        }
        d.checkWritable();
        return d;
    }

    /** Opens an existing results directory for reading (and for the analysis commands' side files). */
    public static ResultsDirectory forReading(String dir, Configuration conf) {
        ResultsDirectory d = open(dir, conf);
        FileStatus status = d.statusOrNull(d.root);
        if (status == null) {
            throw new DirectoryException("'" + dir + "' does not exist");
        }
        if (!status.isDirectory()) {
            throw new DirectoryException("'" + dir + "' is not a directory");
        }
        if (!d.isResultsDirectory()) {
            throw new DirectoryException("'" + dir + "' is not an rcsweep results directory (it has no 'points' "
                    + "table; run 'rcsweep sweep SPEC --out " + dir + "' first)");
        }
        return d;
    }

    private static ResultsDirectory open(String dir, Configuration conf) {
        if (dir == null || dir.isBlank()) {
            throw new DirectoryException("the results directory is empty");
        }
        Path p;
        try {
            p = new Path(dir);
        } catch (IllegalArgumentException e) {
            throw new DirectoryException("'" + dir + "' is not a valid path or URI: " + rootMessage(e));
        }
        String scheme = p.toUri().getScheme();
        if (scheme != null) {
            try {
                FileSystem.getFileSystemClass(scheme, conf);
            } catch (UnsupportedFileSystemException | RuntimeException e) {
                // Hadoop names a class for some schemes (s3a) whose jar may be absent: a RuntimeException then.
                throw new DirectoryException("'" + dir + "': no file system for scheme '" + scheme + "' on the "
                        + "classpath" + (scheme.equals("s3a") ? " (s3a needs hadoop-aws and its AWS SDK bundle: see "
                        + "README, 'Run on a cluster')" : "") + ": " + rootMessage(e));
            } catch (IOException e) {
                throw new DirectoryException("'" + dir + "': " + rootMessage(e));
            }
        }
        // A first look with a client that does not retry, so a wrong host or port fails in seconds, not minutes.
        try (FileSystem probe = FileSystem.newInstance(p.toUri(), HadoopConf.failingFast(conf))) {
            probe.exists(p);
        } catch (IOException | RuntimeException e) {
            throw new DirectoryException("cannot reach '" + dir + "': " + rootMessage(e));
        }
        try {
            FileSystem fs = p.getFileSystem(conf);
            return new ResultsDirectory(dir, fs, fs.makeQualified(p), conf);
        } catch (IOException | RuntimeException e) {
            throw new DirectoryException("cannot open '" + dir + "': " + rootMessage(e));
        }
    }

    /** The directory as the user wrote it (for messages). */
    @Override
    public String toString() {
        return display;
    }

    public Path root() {
        return root;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public Configuration configuration() {
        return conf;
    }

    /** A path or URI as a user reads it: a local file as its plain path, anything else as its URI. */
    public static String shown(String uri) {
        Path p = new Path(uri);
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : uri;
    }

    /** The fully qualified URI of a path under the root (what Spark reads). */
    public String uri(String relative) {
        return new Path(root, relative).toString();
    }

    private boolean isResultsDirectory() {
        return exists(new Path(root, ResultTables.POINTS.name())) || exists(new Path(root, META));
    }

    private boolean hasEntries() {
        try {
            return fs.listStatus(root).length > 0;
        } catch (IOException e) {
            throw new DirectoryException("cannot list '" + display + "': " + rootMessage(e));
        }
    }

    private void checkWritable() {
        Path probe = new Path(root, TMP + "/write-probe-" + UUID.randomUUID());
        try {
            fs.mkdirs(new Path(root, TMP));
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new DirectoryException("cannot write to '" + display + "': " + rootMessage(e));
        }
    }

    // ---------------------------------------------------------------- the writer's lock and the commit protocol

    /** Takes the single-writer lock for {@code runId}; close it when the run ends. */
    public WriterLock lock(String runId, String command) {
        return WriterLock.acquire(fs, new Path(root, LOCK), runId, command, display);
    }

    /** The committed batches by id, from their records (unreadable records are listed by {@link #recover}). */
    public Map<String, BatchRecord> records() {
        Map<String, BatchRecord> out = new TreeMap<>();
        readRecords(out, new TreeMap<>());
        return out;
    }

    void readRecords(Map<String, BatchRecord> out, Map<String, String> unreadable) {
        Path dir = new Path(root, RECORDS);
        for (FileStatus s : list(dir)) {
            String name = s.getPath().getName();
            if (!name.endsWith(".json")) {
                continue;
            }
            String id = name.substring(0, name.length() - ".json".length());
            try {
                BatchRecord r = BatchRecord.fromJson(readText(s.getPath()));
                if (!r.batch().equals(id)) {
                    unreadable.put(id, "its record names batch " + r.batch());
                } else {
                    out.put(id, r);
                }
            } catch (IllegalArgumentException e) {
                unreadable.put(id, "its record is unreadable: " + e.getMessage());
            }
        }
    }

    /** Ids of the points of committed batches (call after {@link #recover}). */
    public Set<String> committedPointIds() {
        Set<String> ids = new TreeSet<>();
        records().values().forEach(r -> ids.addAll(r.points()));
        return ids;
    }

    /** Failed points of committed batches: point id → cause. */
    public Map<String, String> failedPoints() {
        Map<String, String> out = new TreeMap<>();
        records().values().forEach(r -> out.putAll(r.failed()));
        return out;
    }

    /**
     * Commits one batch: writes its parts to the staging area, records them, moves them into their tables.
     *
     * @param rows     each sweep table's rows of the batch
     * @param metadata each table's Parquet footer entries
     * @param failed   point id → cause, for the batch's failed points
     */
    public BatchRecord commitBatch(WriterLock lock, String batchId, List<String> pointIds, Map<String, String> failed,
                                   Map<TableSchema, Iterable<Object[]>> rows,
                                   Map<TableSchema, Map<String, String>> metadata) {
        Path stage = new Path(root, STAGING + "/" + batchId);
        try {
            for (TableSchema t : COMMIT_ORDER) {
                if (exists(batchPath(t, batchId))) {
                    throw new IllegalStateException(batchPath(t, batchId) + " exists already: batch " + batchId
                            + " was written before");
                }
            }
            fs.delete(stage, true);
            Map<String, BatchRecord.Part> parts = new LinkedHashMap<>();
            for (TableSchema t : COMMIT_ORDER) {
                Path dir = new Path(stage, t.name());
                String file = partName(batchId);
                long count = 0;
                try (TableFileWriter writer = new TableFileWriter(new Path(dir, file), conf, t, metadata.get(t))) {
                    for (Object[] row : rows.get(t)) {
                        writer.write(row);
                        count++;
                    }
                }
                fs.create(new Path(dir, SUCCESS_MARKER), false).close();
                Path written = new Path(dir, file);
                parts.put(t.name(), new BatchRecord.Part(file, fs.getFileStatus(written).getLen(), count,
                        crc32c(written)));
            }
            BatchRecord record = new BatchRecord(batchId, lock.runId(), Instant.now().toString(), pointIds, failed,
                    parts);
            lock.checkHeld();
            writeAtomically(new Path(root, RECORDS + "/" + batchId + ".json"), record.toJson(), false);
            moveIntoPlace(batchId);
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit batch " + batchId + " under " + display + ": "
                    + rootMessage(e), e);
        }
    }

    /** Moves the staged parts of a recorded batch into their tables; parts already in place stay. */
    private void moveIntoPlace(String batchId) throws IOException {
        Path stage = new Path(root, STAGING + "/" + batchId);
        for (TableSchema t : COMMIT_ORDER) {
            Path src = new Path(stage, t.name());
            Path dst = batchPath(t, batchId);
            if (!fs.exists(dst) && fs.exists(src)) {
                fs.mkdirs(dst.getParent());
                if (!fs.rename(src, dst)) {
                    throw new IOException("cannot move " + src + " to " + dst);
                }
            }
        }
        fs.delete(stage, true);
    }

    /**
     * Brings the directory to a consistent state under the writer's lock: finishes commits a killed run recorded but
     * did not move into place, deletes what no record covers (staging, unrecorded batch folders, temporary files),
     * and deletes every damaged batch (a part missing, of the wrong size or, when the recorded parts total at most
     * {@code checksumBytes}, of the wrong CRC32C; an unreadable record; a point recorded twice) so that its points
     * are computed again. A directory written before batch records existed is adopted: its batches complete in all
     * three tables get records. The records are read once; the intact ones come back in the {@link Recovery}.
     */
    public Recovery recover(WriterLock lock, long checksumBytes) {
        lock.checkHeld();
        List<String> rolledForward = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, String> damaged = new TreeMap<>();
        Map<String, BatchRecord> committed;
        int adopted = 0;
        long recordedBytes = 0;
        boolean checksums;
        try {
            fs.delete(new Path(root, TMP), true); // temporary files of side writes: nothing a reader saw
            if (!hasRecords()) {
                adopted = LegacyBatches.adopt(this, lock.runId());
                fs.mkdirs(new Path(root, RECORDS));
            }
            Map<String, BatchRecord> records = new TreeMap<>();
            readRecords(records, damaged);
            for (BatchRecord r : records.values()) {
                for (BatchRecord.Part p : r.parts().values()) {
                    recordedBytes += p.bytes();
                }
            }
            checksums = recordedBytes <= checksumBytes;
            Map<String, Map<String, FileStatus>> listing = listParts();
            for (BatchRecord r : records.values()) {
                for (TableSchema t : COMMIT_ORDER) {
                    if (!listing.get(t.name()).containsKey(r.batch())
                            && exists(new Path(root, STAGING + "/" + r.batch() + "/" + t.name()))) {
                        moveIntoPlace(r.batch());
                        rolledForward.add(r.batch());
                        break;
                    }
                }
            }
            if (!rolledForward.isEmpty()) {
                listing = listParts();
            }
            damaged.putAll(BatchCheck.problems(this, records.values(), listing, checksums, false));
            for (String batch : damaged.keySet()) {
                deleteBatch(batch, removed);
            }
            for (FileStatus s : list(new Path(root, STAGING))) {
                if (!records.containsKey(s.getPath().getName()) || damaged.containsKey(s.getPath().getName())) {
                    deleteAll(s.getPath(), removed);
                }
            }
            for (TableSchema t : ResultTables.sweepTables()) {
                for (String batch : listing.get(t.name()).keySet()) {
                    if (!records.containsKey(batch) && !damaged.containsKey(batch)) {
                        deleteAll(batchPath(t, batch), removed);
                    }
                }
                deleteAll(new Path(tablePath(t), "_temporary"), removed);
            }
            records.keySet().removeAll(damaged.keySet());
            committed = records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + display + ": " + rootMessage(e), e);
        }
        return new Recovery(rolledForward, removed, damaged, adopted, committed, checksums, recordedBytes);
    }

    /** Deletes a batch: its record, its staging folder and its folder in every table. */
    void deleteBatch(String batch, List<String> removed) throws IOException {
        deleteAll(new Path(root, RECORDS + "/" + batch + ".json"), removed);
        deleteAll(new Path(root, STAGING + "/" + batch), removed);
        for (TableSchema t : ResultTables.sweepTables()) {
            deleteAll(batchPath(t, batch), removed);
        }
    }

    /** Reads every batch in full and reports what is damaged or left over (nothing is changed). */
    public Verification verify() {
        return Verification.of(this);
    }

    /**
     * Deletes the damaged batches and the leftovers a {@link #verify} found, under the writer's lock; the next sweep
     * computes the damaged batches' points again. Returns the paths removed.
     */
    public List<String> repair(WriterLock lock, Verification found) {
        lock.checkHeld();
        List<String> removed = new ArrayList<>();
        try {
            for (String batch : found.damaged().keySet()) {
                deleteBatch(batch, removed);
            }
            for (String p : found.leftovers()) {
                if (p.startsWith(root.toString())) {
                    deleteAll(new Path(p), removed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + display + ": " + rootMessage(e), e);
        }
        recover(lock, Long.MAX_VALUE);
        return removed;
    }

    /** Deletes committed batches (to compute their points again). */
    public void deleteBatches(WriterLock lock, Collection<String> batches) {
        lock.checkHeld();
        try {
            for (String batch : batches) {
                deleteBatch(batch, new ArrayList<>());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete batches under " + display + ": " + rootMessage(e), e);
        }
    }

    /**
     * Every table's part files by batch: table name → batch id → status of its part file (null when the batch folder
     * has no Parquet file). One recursive listing per table.
     */
    Map<String, Map<String, FileStatus>> listParts() throws IOException {
        Map<String, Map<String, FileStatus>> out = new HashMap<>();
        String prefix = ResultTables.BATCH_COLUMN + "=";
        for (TableSchema t : ResultTables.sweepTables()) {
            Map<String, FileStatus> parts = new TreeMap<>();
            out.put(t.name(), parts);
            Path dir = tablePath(t);
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory() && s.getPath().getName().startsWith(prefix)) {
                    parts.putIfAbsent(s.getPath().getName().substring(prefix.length()), null);
                }
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                String parent = f.getPath().getParent().getName();
                if (parent.startsWith(prefix) && f.getPath().getName().endsWith(".parquet")) {
                    parts.put(parent.substring(prefix.length()), f);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Whether the table has been written (a sweep table: at least one committed batch). */
    public boolean has(TableSchema table) {
        if (ResultTables.sweepTables().contains(table) && hasRecords()) {
            return !visibleBatches().isEmpty();
        }
        return exists(tablePath(table));
    }

    /**
     * The batches a reader may use, as of this object's first call: recorded, with every part in its table. A batch whose parts are still moving
     * into place (its staging folder exists) is left out, as not yet visible; a batch with a part missing or of the
     * wrong size makes the directory inconsistent, and reading refuses with the batch named.
     */
    public List<String> visibleBatches() {
        if (visible == null) {
            visible = List.copyOf(findVisibleBatches());
        }
        return visible;
    }

    private List<String> findVisibleBatches() {
        List<String> out = new ArrayList<>();
        Map<String, String> damaged = new TreeMap<>();
        Map<String, BatchRecord> records = new TreeMap<>();
        readRecords(records, damaged);
        try {
            Map<String, Map<String, FileStatus>> listing = listParts();
            for (BatchRecord r : records.values()) {
                String problem = BatchCheck.problem(this, r, listing, false, false);
                if (problem == null) {
                    out.add(r.batch());
                } else if (!exists(new Path(root, STAGING + "/" + r.batch()))) {
                    damaged.put(r.batch(), problem);
                }
            }
        } catch (IOException e) {
            throw new DirectoryException("cannot list the tables of '" + display + "': " + rootMessage(e));
        }
        if (!damaged.isEmpty()) {
            StringBuilder s = new StringBuilder("'" + display + "' is inconsistent: ");
            int shown = 0;
            for (Map.Entry<String, String> e : damaged.entrySet()) {
                if (shown++ == 3) {
                    s.append(", and ").append(damaged.size() - 3).append(" more");
                    break;
                }
                s.append(shown > 1 ? "; " : "").append("batch ").append(e.getKey()).append(": ").append(e.getValue());
            }
            throw new DirectoryException(s + ". Run 'rcsweep verify " + display + " --repair' to recompute them");
        }
        return out;
    }

    /** A table as a DataFrame, or an error naming it when it is missing or has no rows. */
    public Dataset<Row> read(SparkSession spark, TableSchema table) {
        Dataset<Row> df;
        if (ResultTables.sweepTables().contains(table) && hasRecords()) {
            List<String> batches = visibleBatches();
            if (batches.isEmpty()) {
                throw new DirectoryException("table '" + table.name() + "' under " + display + " has no committed"
                        + " batches yet");
            }
            String[] paths = batches.stream().map(b -> batchPath(table, b).toString()).toArray(String[]::new);
            try {
                df = spark.read().option("basePath", tablePath(table).toString()).parquet(paths);
            } catch (RuntimeException e) {
                throw new DirectoryException("table '" + table.name() + "' under " + display + " cannot be read: "
                        + rootMessage(e) + " (run 'rcsweep verify " + display + "')");
            }
            return df;
        }
        if (!has(table)) {
            throw new DirectoryException("table '" + table.name() + "' is missing under " + display
                    + (table == ResultTables.FITS || table == ResultTables.LAWS ? " (run 'rcsweep fit " + display
                    + "')" : ""));
        }
        try {
            df = spark.read().parquet(tablePath(table).toString());
        } catch (RuntimeException e) {
            throw new DirectoryException("table '" + table.name() + "' under " + display + " cannot be read: "
                    + rootMessage(e));
        }
        if (ResultTables.sweepTables().contains(table) && df.isEmpty()) {
            throw new DirectoryException("table '" + table.name() + "' under " + display + " is empty");
        }
        return df;
    }

    /**
     * Whether the directory has batch records. A directory without them (written by an earlier rcsweep, or tables
     * written by hand) is read as its table folders hold it; the first sweep into it records its complete batches.
     */
    boolean hasRecords() {
        return exists(new Path(root, RECORDS));
    }

    /** The run manifests as a DataFrame (one row per run), or null when there are none. */
    public Dataset<Row> runs(SparkSession spark) {
        // The manifests by name, not by a glob: a glob makes Spark look for a streaming sink's metadata first.
        String[] files = list(new Path(root, RUNS)).stream().map(FileStatus::getPath)
                .filter(p -> p.getName().endsWith(".json")).map(Path::toString).toArray(String[]::new);
        if (files.length == 0) {
            return null;
        }
        return spark.read().option("multiLine", true).json(files);
    }

    // ---------------------------------------------------------------------------------------------- side files

    /**
     * Replaces an analysis table ({@code fits}, {@code laws}) with {@code df}: written next to the tables first, then
     * swapped in, so a failed write leaves the previous table.
     */
    public void replaceTable(Dataset<Row> df, TableSchema table) {
        Path tmp = new Path(root, TMP + "/" + table.name() + "-" + UUID.randomUUID());
        df.coalesce(1).write().parquet(tmp.toString());
        try {
            Path dst = tablePath(table);
            fs.delete(dst, true);
            if (!fs.rename(tmp, dst)) {
                throw new IOException("cannot move " + tmp + " to " + dst);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace table " + table.name() + " under " + display, e);
        }
    }

    /** Writes a text file under the root, replacing an older one (written aside, then renamed). */
    public void writeText(String relative, String text) {
        writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public void writeBytes(String relative, byte[] bytes) {
        try {
            writeAtomically(new Path(root, relative), bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " under " + display + ": "
                    + rootMessage(e), e);
        }
    }

    public boolean exists(String relative) {
        return exists(new Path(root, relative));
    }

    public String readText(String relative) {
        return readText(new Path(root, relative));
    }

    /** Names of the files directly under {@code relative} ending in {@code suffix}, sorted. */
    public List<String> list(String relative, String suffix) {
        return list(new Path(root, relative)).stream().map(s -> s.getPath().getName())
                .filter(n -> n.endsWith(suffix)).sorted().toList();
    }

    /**
     * Copies local files (rendered figures) to {@code target}: a folder relative to the root, or any path or URI
     * of its own. Returns where each file went.
     */
    public List<String> publish(List<java.nio.file.Path> files, String target) {
        Path dst = new Path(target);
        if (!dst.isAbsolute() && dst.toUri().getScheme() == null) {
            dst = new Path(root, target);
        }
        List<String> out = new ArrayList<>();
        try {
            FileSystem dfs = dst.getFileSystem(conf);
            dfs.mkdirs(dst);
            for (java.nio.file.Path f : files) {
                Path to = new Path(dst, f.getFileName().toString());
                dfs.copyFromLocalFile(false, true, new Path(f.toUri()), to);
                out.add(dfs.makeQualified(to).toString());
            }
        } catch (IOException e) {
            throw new DirectoryException("cannot write figures to '" + target + "': " + rootMessage(e));
        }
        return out;
    }

    /** Deletes a side file or folder under the root (e.g. an old figure). */
    public void delete(String relative) {
        try {
            fs.delete(new Path(root, relative), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + relative + " under " + display, e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    Path tablePath(TableSchema t) {
        return new Path(root, t.name());
    }

    Path batchPath(TableSchema t, String batchId) {
        return new Path(tablePath(t), ResultTables.BATCH_COLUMN + "=" + batchId);
    }

    static String partName(String batchId) {
        return "part-00000-" + batchId + ".snappy.parquet";
    }

    String crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = fs.open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return String.format("%08x", crc.getValue());
    }

    private void writeAtomically(Path target, String text, boolean replace) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8), replace);
    }

    private void writeAtomically(Path target, byte[] bytes, boolean replace) throws IOException {
        Path tmp = new Path(root, TMP + "/" + target.getName() + "." + UUID.randomUUID());
        try (var out = fs.create(tmp, false)) {
            out.write(bytes);
        }
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
            if (!replace) {
                fs.delete(tmp, false);
                throw new FileAlreadyExistsException(target + " exists already");
            }
            fs.delete(target, false);
        }
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot move " + tmp + " to " + target);
        }
    }

    String readText(Path p) {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + rootMessage(e), e);
        }
    }

    boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + p + ": " + rootMessage(e), e);
        }
    }

    private FileStatus statusOrNull(Path p) {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new DirectoryException("cannot look at '" + display + "': " + rootMessage(e));
        }
    }

    List<FileStatus> list(Path dir) {
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            return List.of(fs.listStatus(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + rootMessage(e), e);
        }
    }

    private void deleteAll(Path p, List<String> removed) throws IOException {
        if (fs.exists(p)) {
            fs.delete(p, true);
            removed.add(p.toString());
        }
    }

    /** The innermost cause's message, on one line: what a user can act on. */
    static String rootMessage(Throwable e) {
        Throwable t = FailureCause.root(e);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
