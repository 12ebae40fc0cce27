package org.rcsweep.jobs.analysis;

import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small RFC 4180 CSV writer for result sets collected on the driver (fits, laws, query results). */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static void write(Path file, String[] header, List<Row> rows) {
        try {
            Files.writeString(file, text(header, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The CSV text of a header and rows. */
    public static String text(String[] header, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append('\n');
        for (Row r : rows) {
            for (int i = 0; i < r.length(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(r.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof scala.collection.Seq<?> seq ? scala.jdk.javaapi.CollectionConverters.asJava(seq)
                .toString() : String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
