package org.rcsweep.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.ColumnType;
import org.rcsweep.tables.TableSchema;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * Writes rows of one result table into one new Snappy-compressed Parquet file (never over an existing one).
 * {@code metadata} goes into the file footer; the jobs module puts Spark's own schema there, with the column
 * documentation, as Spark does when it writes.
 */
public final class TableFileWriter implements Closeable {
    private final ParquetWriter<Object[]> writer;

    public TableFileWriter(Path file, Configuration configuration, TableSchema table, Map<String, String> metadata)
            throws IOException {
        Builder builder = new Builder(file, table, metadata)
                .withConf(configuration)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE);
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.DOUBLE) {
                // Measured values rarely repeat: a dictionary is built, found too large and thrown away.
                builder = builder.withDictionaryEncoding(c.name(), false);
            }
        }
        this.writer = builder.build();
    }

    public void write(Object[] cells) throws IOException {
        writer.write(cells);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableSchema table;
        private final Map<String, String> metadata;

        Builder(Path file, TableSchema table, Map<String, String> metadata) {
            super(file);
            this.table = table;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected RowWriteSupport getWriteSupport(Configuration conf) {
            return new RowWriteSupport(table, metadata);
        }
    }
}
