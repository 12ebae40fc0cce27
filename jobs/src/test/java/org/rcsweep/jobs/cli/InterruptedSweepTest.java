package org.rcsweep.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Ctrl-C (SIGINT) on a real {@code rcsweep sweep} process once its first batch is committed: it exits with 130 and
 * one line saying how many points are committed, without a stack trace, and leaves the directory unlocked; the same
 * command then completes the sweep without computing a committed point twice.
 */
class InterruptedSweepTest {
    private static final String SPEC = String.join("\n",
            "name: interrupt",
            "seed: 11",
            "replicas: 4",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
            "sizes: [20, 30, 40]",
            "correlation: {knob: shared-input, values: [0.0, 0.8]}",
            "readouts: [3, 6, 12]",
            "input: {steps: 3000, washout: 100}",
            "ipc: {max_degree: 2, max_delays: [20, 5]}",
            "run: {batch_points: 2}",
            "");
    private static final int PLANNED = 4 * 3 * 2;

    @Test
    void ctrlCStopsCleanlyAndTheSameCommandResumes(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("out");
        List<String> command = ChildJvm.rcsweep("sweep", spec.toString(), "--out", out.toString(), "--progress",
                "lines", "--master", "local[2]");
        Process first = new ProcessBuilder(command).redirectOutput(tmp.resolve("first.out").toFile())
                .redirectError(tmp.resolve("first.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (batchFolders(out) == 0) {
                if (!first.isAlive() || System.nanoTime() > deadline) {
                    fail("no batch committed (exit " + (first.isAlive() ? "none" : first.exitValue()) + "):\n"
                            + Files.readString(tmp.resolve("first.err")));
                }
                Thread.sleep(100);
            }
            int kill = new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).inheritIO().start().waitFor();
            assertEquals(0, kill);
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the interrupted sweep ends");
        } finally {
            first.destroyForcibly();
        }
        String err = Files.readString(tmp.resolve("first.err"));
        assertEquals(130, first.exitValue(), err);
        Matcher m = Pattern.compile("rcsweep: interrupted: (\\d+) of " + PLANNED
                + " points committed; run the same command to resume").matcher(err);
        assertTrue(m.find(), err);
        int committed = Integer.parseInt(m.group(1));
        assertTrue(committed >= 2 && committed < PLANNED, "interrupted mid-sweep: " + err);
        assertEquals(committed, committedPoints(out).size(), "the message counts exactly the committed batches");
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace:\n" + err);

        Process second = new ProcessBuilder(command).redirectOutput(tmp.resolve("second.out").toFile())
                .redirectError(tmp.resolve("second.err").toFile()).start();
        try {
            assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the resumed sweep ends");
        } finally {
            second.destroyForcibly();
        }
        String out2 = Files.readString(tmp.resolve("second.out"));
        assertEquals(0, second.exitValue(), Files.readString(tmp.resolve("second.err")));
        assertTrue(out2.contains(PLANNED + " points planned, " + committed + " already in"), out2);
        assertTrue(out2.contains("complete"), out2);
        List<String> ids = committedPoints(out);
        assertEquals(PLANNED, ids.size(), "every point committed once");
        assertEquals(PLANNED, new HashSet<>(ids).size(), "no point committed twice");
    }

    private static long batchFolders(Path out) throws IOException {
        Path points = out.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(points)) {
            return s.filter(p -> p.getFileName().toString().startsWith("batch=")).count();
        }
    }

    /** The point ids of every batch record, with repeats. */
    private static List<String> committedPoints(Path out) throws IOException {
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> s = Files.list(out.resolve("_rcsweep").resolve("batches"))) {
            for (Path record : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode id : json.readTree(record.toFile()).get("points")) {
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }
}
