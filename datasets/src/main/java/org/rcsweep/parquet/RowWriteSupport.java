package org.rcsweep.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.TableSchema;

import java.util.List;
import java.util.Map;

/** Hands one row of cells (the datasets module's {@code Object[]} rows) to Parquet's record consumer. */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final TableSchema table;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;
    /** The last string written and its bytes: a point's id repeats on each of its thousands of memory-curve rows. */
    private String lastString;
    private Binary lastBinary;

    RowWriteSupport(TableSchema table, Map<String, String> metadata) {
        this.table = table;
        this.schema = ParquetSchemas.of(table);
        this.metadata = metadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] cells) {
        List<Column> columns = table.columns();
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(table.name() + ": a row has " + cells.length + " cells for "
                    + columns.size() + " columns");
        }
        consumer.startMessage();
        for (int i = 0; i < cells.length; i++) {
            Column c = columns.get(i);
            Object value = cells[i];
            if (value == null) {
                if (!c.nullable()) {
                    throw new IllegalArgumentException(table.name() + "." + c.name() + " is null but required");
                }
                continue; // an absent optional field is null
            }
            consumer.startField(c.name(), i);
            switch (c.type()) {
                case STRING -> consumer.addBinary(binary((String) value));
                case INT -> consumer.addInteger((Integer) value);
                case LONG -> consumer.addLong((Long) value);
                case DOUBLE -> consumer.addDouble((Double) value);
                case DOUBLE_ARRAY, INT_ARRAY -> writeList((List<?>) value);
            }
            consumer.endField(c.name(), i);
        }
        consumer.endMessage();
    }

    private Binary binary(String value) {
        if (!value.equals(lastString)) {
            lastString = value;
            lastBinary = Binary.fromConstantByteArray(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return lastBinary;
    }

    private void writeList(List<?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("list", 0);
            for (Object v : values) {
                consumer.startGroup();
                consumer.startField("element", 0);
                if (v instanceof Integer i) {
                    consumer.addInteger(i);
                } else {
                    consumer.addDouble((Double) v);
                }
                consumer.endField("element", 0);
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }
}
