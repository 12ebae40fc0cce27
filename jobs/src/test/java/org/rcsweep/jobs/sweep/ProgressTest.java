package org.rcsweep.jobs.sweep;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tasks of several points count all their points, and a batch evaluated ahead of the last commit is not lost. */
class ProgressTest {
    @Test
    void countsPointsPerTaskAcrossOverlappingBatches() {
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Progress.Mode.QUIET, 20, 2);
        progress.taskEnded(true, 3);
        progress.taskEnded(false, 3);                   // a failed attempt counts no point
        progress.taskEnded(true, 3);
        assertTrue(progress.line(1_000_000_000L).startsWith("rcsweep: 8/20 points"), progress.line(1));
        progress.taskEnded(true, 4);                    // the next batch's first task, before this batch commits
        progress.committed(6, 0);
        String line = progress.line(1_000_000_000L);
        assertTrue(line.startsWith("rcsweep: 12/20 points (60%) | 8 committed | 1 failed attempts"), line);
    }
}
