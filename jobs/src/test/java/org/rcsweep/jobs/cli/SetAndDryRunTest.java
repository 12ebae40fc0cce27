package org.rcsweep.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --set} on validate and sweep; {@code sweep --dry-run} prints the plan and touches nothing. */
class SetAndDryRunTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePrintsSizeTimeAndMemoryPerPointAndInTotal() {
        assertEquals(Main.OK, run("validate", "../examples/quick.yaml", "--set", "sizes=[40]", "--set",
                "models[0].gain=[0.5,0.9]", "--master", "local[2]"));
        String text = out();
        assertTrue(text.startsWith("../examples/quick.yaml with 2 --set overrides: valid; sweep 'quick' plans 12 "
                + "points (2 models × 1 size × 3 correlation values × 2 replicas)"), text);
        assertTrue(text.contains("memory per point: about ") && text.contains("; in total about ")
                && text.contains(" for the 2 points that run at once"), text);
        assertTrue(text.contains("time per point: about ") && text.contains(" on average, "), text);
        assertTrue(text.contains(" in total on 2 cores at 5 GFLOP/s per core"), text);
    }

    @Test
    void dryRunPrintsThePlanAndTouchesNothing(@TempDir Path dir) {
        Path results = dir.resolve("results");
        assertEquals(Main.OK, run("sweep", "../examples/quick.yaml", "--out", results.toString(), "--dry-run",
                "--set", "replicas=1"));
        assertTrue(out().contains("valid; sweep 'quick' plans 6 points"), out());
        assertTrue(out().contains("time per point: about "), out());
        assertFalse(Files.exists(results), "a dry run does not create the results directory");
        out.reset();
        assertEquals(Main.OK, run("sweep", "../examples/quick.yaml", "--dry-run"));
        assertTrue(out().contains("plans 12 points"), out());
    }

    @Test
    void aBadOverrideIsBadInputNamingThePath(@TempDir Path dir) {
        Path results = dir.resolve("results");
        assertEquals(Main.BAD_INPUT, run("sweep", "../examples/quick.yaml", "--out", results.toString(), "--set",
                "input.stepz=20000"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("field 'input.stepz': unknown field 'stepz' (did you mean 'steps'?)"), e);
        assertFalse(Files.exists(results));
        assertEquals(Main.BAD_INPUT, run("validate", "../examples/quick.yaml", "--set", "models[0].gain=[0.5,12]"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("field 'models[0].gain[1]': 12.0 is outside"),
                err.toString(StandardCharsets.UTF_8));
    }
}
