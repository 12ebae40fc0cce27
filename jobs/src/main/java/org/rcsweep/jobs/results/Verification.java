package org.rcsweep.jobs.results;

import org.apache.hadoop.fs.FileStatus;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code rcsweep verify} finds: every recorded batch checked byte for byte (size, CRC32C, Parquet footer and
 * row count of each table's part), points recorded twice, and what no record covers (staging leftovers, batch
 * folders of uncommitted or foreign writes).
 *
 * @param batches   recorded batches
 * @param points    points in intact batches
 * @param damaged   batch id → what is wrong
 * @param leftovers paths no record covers (harmless to readers of rcsweep's views, deleted by a repair)
 */
public record Verification(int batches, int points, Map<String, String> damaged, List<String> leftovers) {
    public Verification {
        damaged = Map.copyOf(damaged);
        leftovers = List.copyOf(leftovers);
    }

    public boolean clean() {
        return damaged.isEmpty() && leftovers.isEmpty();
    }

    static Verification of(ResultsDirectory dir) {
        Map<String, String> damaged = new TreeMap<>();
        Map<String, BatchRecord> records = new TreeMap<>();
        List<String> leftovers = new ArrayList<>();
        int points = 0;
        try {
            dir.readRecords(records, damaged);
            if (records.isEmpty() && damaged.isEmpty() && !dir.hasRecords()) {
                List<String> legacy = LegacyBatches.complete(dir);
                return new Verification(legacy.size(), 0, Map.of(), legacy.isEmpty() ? List.of()
                        : List.of("the batches have no records yet (written by an earlier rcsweep): the next sweep or "
                        + "'verify --repair' records them"));
            }
            Map<String, Map<String, FileStatus>> listing = dir.listParts();
            Map<String, String> found = BatchCheck.problems(dir, records.values(), listing, true, true);
            damaged.putAll(found);
            for (BatchRecord r : records.values()) {
                if (!found.containsKey(r.batch())) {
                    points += r.points().size();
                }
            }
            for (TableSchema t : ResultTables.sweepTables()) {
                for (String batch : listing.get(t.name()).keySet()) {
                    if (!records.containsKey(batch) && !damaged.containsKey(batch)) {
                        leftovers.add(dir.batchPath(t, batch).toString());
                    }
                }
            }
            for (FileStatus s : dir.list(new org.apache.hadoop.fs.Path(dir.root(), ResultsDirectory.STAGING))) {
                if (!records.containsKey(s.getPath().getName())) {
                    leftovers.add(s.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot verify " + dir + ": " + ResultsDirectory.rootMessage(e), e);
        }
        return new Verification(records.size() + (int) damaged.keySet().stream()
                .filter(b -> !records.containsKey(b)).count(), points, damaged, leftovers);
    }
}
