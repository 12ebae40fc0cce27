package org.rcsweep.jobs.results;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results directories written before batch records existed: a batch counted as committed when its {@code points}
 * folder had a {@code _SUCCESS} marker. Such a batch is complete when all three tables have its folder with the
 * marker and a part file; those batches are read as they are, and the first run holding the lock gives them records.
 */
final class LegacyBatches {
    private LegacyBatches() {
    }

    /** The complete legacy batches (read-only: nothing is written). */
    static List<String> complete(ResultsDirectory dir) {
        try {
            return complete(dir, dir.listParts());
        } catch (IOException e) {
            throw new DirectoryException("cannot list the tables of '" + dir + "': " + ResultsDirectory.rootMessage(e));
        }
    }

    private static List<String> complete(ResultsDirectory dir, Map<String, Map<String, FileStatus>> listing) {
        List<String> out = new ArrayList<>();
        for (String batch : listing.get(ResultTables.POINTS.name()).keySet()) {
            if (isComplete(dir, listing, batch)) {
                out.add(batch);
            }
        }
        return out;
    }

    /** Writes records for the complete legacy batches; returns how many. */
    static int adopt(ResultsDirectory dir, String runId) throws IOException {
        Map<String, Map<String, FileStatus>> listing = dir.listParts();
        int adopted = 0;
        for (String batch : complete(dir, listing)) {
            Map<String, BatchRecord.Part> parts = new LinkedHashMap<>();
            for (TableSchema t : ResultsDirectory.COMMIT_ORDER) {
                FileStatus f = listing.get(t.name()).get(batch);
                parts.put(t.name(), new BatchRecord.Part(f.getPath().getName(), f.getLen(), -1,
                        dir.crc32c(f.getPath())));
            }
            Set<String> ids = new LinkedHashSet<>();
            Map<String, String> failed = new LinkedHashMap<>();
            Path points = listing.get(ResultTables.POINTS.name()).get(batch).getPath();
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), points)
                    .withConf(dir.configuration()).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    String id = g.getString("point_id", 0);
                    ids.add(id);
                    if ("failed".equals(g.getString("status", 0))) {
                        failed.put(id, g.getFieldRepetitionCount("message") > 0 ? g.getString("message", 0) : "");
                    }
                }
            }
            BatchRecord r = new BatchRecord(batch, runId, Instant.now().toString(), new ArrayList<>(ids), failed,
                    parts);
            dir.writeText(ResultsDirectory.RECORDS + "/" + batch + ".json", r.toJson());
            adopted++;
        }
        return adopted;
    }

    private static boolean isComplete(ResultsDirectory dir, Map<String, Map<String, FileStatus>> listing,
                                      String batch) {
        for (TableSchema t : ResultsDirectory.COMMIT_ORDER) {
            FileStatus f = listing.get(t.name()).get(batch);
            if (f == null || !dir.exists(new Path(f.getPath().getParent(), ResultsDirectory.SUCCESS_MARKER))) {
                return false;
            }
        }
        return true;
    }
}
