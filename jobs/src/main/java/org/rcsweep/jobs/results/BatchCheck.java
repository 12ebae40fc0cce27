package org.rcsweep.jobs.results;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.util.Map;

/** Whether a recorded batch is intact: every part in its table, of the recorded size, checksum and row count. */
final class BatchCheck {
    private BatchCheck() {
    }

    /**
     * What is wrong with each of {@code records} (checked as {@link #problem} does), including a point recorded in
     * two batches (the later batch counts as damaged): batch id → cause, for the damaged ones.
     */
    static Map<String, String> problems(ResultsDirectory dir, Iterable<BatchRecord> records,
                                        Map<String, Map<String, FileStatus>> listing, boolean checksums,
                                        boolean footers) {
        Map<String, String> damaged = new java.util.TreeMap<>();
        Map<String, String> seen = new java.util.HashMap<>();
        for (BatchRecord r : records) {
            String problem = problem(dir, r, listing, checksums, footers);
            for (String id : r.points()) {
                String other = seen.putIfAbsent(id, r.batch());
                if (problem == null && other != null) {
                    problem = "point " + id + " is also in batch " + other;
                }
            }
            if (problem != null) {
                damaged.put(r.batch(), problem);
            }
        }
        return damaged;
    }

    /**
     * @param listing   table → batch → part file status (from {@link ResultsDirectory#listParts})
     * @param checksums also compare each part's CRC32C (reads every byte)
     * @param footers   also open each part's Parquet footer and compare its row count
     * @return null when intact, else what is wrong, in a few words
     */
    static String problem(ResultsDirectory dir, BatchRecord r, Map<String, Map<String, FileStatus>> listing,
                          boolean checksums, boolean footers) {
        for (TableSchema t : ResultsDirectory.COMMIT_ORDER) {
            BatchRecord.Part part = r.parts().get(t.name());
            if (part == null) {
                return "its record has no " + t.name() + " part";
            }
            Map<String, FileStatus> parts = listing.get(t.name());
            if (!parts.containsKey(r.batch())) {
                return "its " + t.name() + " folder is missing";
            }
            FileStatus f = parts.get(r.batch());
            if (f == null || !f.getPath().getName().equals(part.file())) {
                return "its " + t.name() + " part file " + part.file() + " is missing";
            }
            if (f.getLen() != part.bytes()) {
                return "its " + t.name() + " part has " + f.getLen() + " bytes, the record says " + part.bytes()
                        + " (truncated or overwritten)";
            }
            try {
                if (checksums) {
                    String crc = dir.crc32c(f.getPath());
                    if (!crc.equals(part.crc32c())) {
                        return "its " + t.name() + " part's CRC32C is " + crc + ", the record says " + part.crc32c()
                                + " (the file's bytes changed)";
                    }
                }
                if (footers) {
                    long rows = rows(dir, f.getPath());
                    if (part.rows() >= 0 && rows != part.rows()) {
                        return "its " + t.name() + " part has " + rows + " rows, the record says " + part.rows();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return "its " + t.name() + " part cannot be read: " + ResultsDirectory.rootMessage(e);
            }
        }
        return null;
    }

    private static long rows(ResultsDirectory dir, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, dir.configuration()))) {
            return reader.getRecordCount();
        }
    }
}
