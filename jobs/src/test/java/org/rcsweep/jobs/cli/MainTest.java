package org.rcsweep.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines and bad specs fail with exit code 2 and a clear message, before Spark starts. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertEquals(Main.BAD_INPUT, run());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: rcsweep"));
    }

    @Test
    void unknownCommandIsBadInput() {
        assertEquals(Main.BAD_INPUT, run("sweeep"));
        assertTrue(err().contains("unknown command 'sweeep'"), err());
    }

    @Test
    void sweepWithoutOutIsBadInput() {
        assertEquals(Main.BAD_INPUT, run("sweep", "../examples/quick.yaml"));
        assertTrue(err().contains("--out"), err());
    }

    @Test
    void badSpecNamesTheFieldAndWritesNothing(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "models: [{kind: esn}]\nsizes: [10]\nreadouts: [20]\n");
        Path results = dir.resolve("results");
        assertEquals(Main.BAD_INPUT, run("sweep", spec.toString(), "--out", results.toString()));
        assertTrue(err().contains("field 'readouts'") && err().contains("n = 10"), err());
        assertFalse(Files.exists(results), "nothing is written for an invalid spec");
    }

    @Test
    void validateReportsThePlan() {
        assertEquals(Main.OK, run("validate", "../examples/quick.yaml"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("plans 12 points"), out.toString());
    }

    @Test
    void badOptionValueIsBadInput() {
        assertEquals(Main.BAD_INPUT, run("sweep", "../examples/quick.yaml", "--out", "x", "--max-batches", "-1"));
        assertTrue(err().contains("--max-batches"), err());
    }
}
