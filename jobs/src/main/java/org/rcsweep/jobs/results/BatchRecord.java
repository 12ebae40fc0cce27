package org.rcsweep.jobs.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit record of one batch, {@code _rcsweep/batches/<id>.json}: which points it holds, which of them failed and
 * why, and for every table the part file's name, size, row count and CRC32C. The record is written, atomically, after
 * every part is complete and before any part is moved into its table: a batch is committed exactly when its record
 * exists, and a record whose parts are not all in place with these sizes and checksums marks a damaged batch.
 *
 * @param failed point id → cause, for the points of the batch whose status is {@code failed}
 * @param parts  table name → its part file
 */
public record BatchRecord(String batch, String run, String committedAt, List<String> points,
                          Map<String, String> failed, Map<String, Part> parts) {
    /** Format of the record files; a reader refuses formats it does not know. */
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One table's part of a batch. */
    public record Part(String file, long bytes, long rows, String crc32c) {
    }

    public BatchRecord {
        points = List.copyOf(points);
        failed = Map.copyOf(failed);
        parts = Map.copyOf(parts);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("batch", batch);
        root.put("run", run);
        root.put("committed_at", committedAt);
        ArrayNode ids = root.putArray("points");
        points.forEach(ids::add);
        ObjectNode f = root.putObject("failed");
        failed.forEach(f::put);
        ObjectNode tables = root.putObject("tables");
        parts.forEach((table, p) -> {
            ObjectNode t = tables.putObject(table);
            t.put("file", p.file());
            t.put("bytes", p.bytes());
            t.put("rows", p.rows());
            t.put("crc32c", p.crc32c());
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a record; a malformed one is an {@link IllegalArgumentException} saying what is wrong. */
    static BatchRecord fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("unknown record format " + root.path("format"));
        }
        List<String> ids = new ArrayList<>();
        root.path("points").forEach(n -> ids.add(n.asText()));
        Map<String, String> failed = new LinkedHashMap<>();
        root.path("failed").fields().forEachRemaining(e -> failed.put(e.getKey(), e.getValue().asText()));
        Map<String, Part> parts = new LinkedHashMap<>();
        root.path("tables").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            if (!p.hasNonNull("file") || !p.hasNonNull("bytes") || !p.hasNonNull("crc32c")) {
                throw new IllegalArgumentException("table " + e.getKey() + " lacks file, bytes or crc32c");
            }
            parts.put(e.getKey(), new Part(p.get("file").asText(), p.get("bytes").asLong(), p.path("rows").asLong(),
                    p.get("crc32c").asText()));
        });
        String batch = root.path("batch").asText("");
        if (batch.isEmpty() || ids.isEmpty() || parts.isEmpty()) {
            throw new IllegalArgumentException("batch id, points or tables missing");
        }
        return new BatchRecord(batch, root.path("run").asText(""), root.path("committed_at").asText(""), ids,
                failed, parts);
    }
}
