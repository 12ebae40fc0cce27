package org.rcsweep.jobs.sweep;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks of several points count all their points, and a batch evaluated ahead of the last commit is not lost; the
 * terminal line fits the width, counts its ETA down between events, and an interruption counts exact commits.
 */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

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

    private static final Progress.Snapshot BUSY = new Progress.Snapshot(6000, 12000, 5400, 2, 3, 1.1, 4506, null);
    private static final Progress.Snapshot CLEAN = new Progress.Snapshot(600, 1200, 600, 0, 0, 1.1, 546, null);

    @Test
    void wideTerminalShowsEverything() {
        String line = Progress.fit(BUSY, 120);
        assertEquals("rcsweep: 6000/12000 points (50%) | 5400 committed | 2 failed attempts | 3 not ok | "
                + "1.10 points/s | ETA 1:15:06", line);
        assertTrue(line.length() <= 119);
    }

    @Test
    void eightyColumnsDropZerosThenTheRateThenShortenWords() {
        assertEquals("rcsweep: 600/1200 points (50%) | 1.10 points/s | ETA 9:06", Progress.fit(CLEAN, 80));
        String busy = Progress.fit(BUSY, 80);
        assertEquals("rcsweep: 6000/12000 (50%) | 5400 comm. | 2 retried | 3 not ok | ETA 1:15:06", busy);
        assertTrue(busy.length() <= 79);
        assertEquals("rcsweep: 6000/12000 points (50%) | 5400 committed | 2 failed attempts | 3 not ok | "
                + "ETA 1:15:06", Progress.fit(BUSY, 100), "the rate goes first");
    }

    @Test
    void fortyColumnsKeepTheCountAndTheEta() {
        assertEquals("rcsweep: 600/1200 (50%) | ETA 9:06", Progress.fit(CLEAN, 40));
        assertEquals("6000/12000 (50%) ETA 1:15:06", Progress.fit(BUSY, 40));
        assertEquals("6000/12000 (50%) | 3 not ok | ETA 1:15:06", Progress.fit(BUSY, 45));
        for (int width = 1; width <= 130; width++) {
            assertTrue(Progress.fit(BUSY, width).length() <= Math.max(1, width - 1), "width " + width);
        }
    }

    @Test
    void beforeTheFirstPointItSaysWhatItWaitsFor() {
        Progress.Snapshot waiting = new Progress.Snapshot(0, 12, 0, 0, 0, Double.NaN, Double.NaN,
                "first batch... 0:04");
        assertEquals("rcsweep: 0/12 points (0%) | 0 committed | 0 failed attempts | 0 not ok | first batch... 0:04",
                Progress.fit(waiting, 120));
        assertEquals("rcsweep: 0/12 points (0%) | first batch... 0:04", Progress.fit(waiting, 80));
    }

    @Test
    void theTimerCountsTheEtaDownBetweenCompletions() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsoleOutput console = new ConsoleOutput(new PrintStream(screen, true, StandardCharsets.UTF_8), true,
                () -> 80);
        Progress progress = new Progress(console, Progress.Mode.TERMINAL, 12, 0, now::get, false);
        assertTrue(last(screen).endsWith("first batch... 0:00"), last(screen));
        now.addAndGet(3 * SECOND);
        progress.redraw();
        assertTrue(last(screen).endsWith("first batch... 0:03"), last(screen));
        now.addAndGet(7 * SECOND);                     // 2 points in 10 s: 0.2 points/s, 10 points left
        progress.taskEnded(true, 2);
        assertTrue(last(screen).endsWith("ETA 0:50"), last(screen));
        now.addAndGet(5 * SECOND);                     // no event for 5 s: the ETA still moves
        progress.redraw();
        assertTrue(last(screen).endsWith("ETA 0:45"), last(screen));
        now.addAndGet(60 * SECOND);                    // past the estimate: 0:00, never negative
        progress.redraw();
        assertTrue(last(screen).endsWith("ETA 0:00"), last(screen));
        progress.finish();
        assertTrue(screen.toString(StandardCharsets.UTF_8).endsWith("\n"), "the line is ended");
        int length = screen.size();
        progress.redraw();
        progress.taskEnded(true, 1);
        assertEquals(length, screen.size(), "nothing is drawn after finish");
    }

    @Test
    void aRealTimerRedrawsEverySecond() throws InterruptedException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsoleOutput console = new ConsoleOutput(new PrintStream(screen, true, StandardCharsets.UTF_8), true,
                () -> 80);
        Progress progress = new Progress(console, Progress.Mode.TERMINAL, 12, 0);
        Thread.sleep(2600);
        progress.finish();
        String text = screen.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("first batch... 0:01") && text.contains("first batch... 0:02"), text);
    }

    @Test
    void otherOutputErasesTheStatusLineFirstAndSilenceDropsIt() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsoleOutput console = new ConsoleOutput(new PrintStream(screen, true, StandardCharsets.UTF_8), true,
                () -> 40);
        String status = "rcsweep: a status line much longer than the forty columns";
        console.status(status);
        console.println("warning");
        String text = screen.toString(StandardCharsets.UTF_8);
        assertEquals("\r" + status.substring(0, 39) + "\r" + " ".repeat(39) + "\rwarning" + System.lineSeparator(),
                text);
        console.silence();
        console.println("java.lang.IllegalStateException: SparkContext was shut down");
        console.printSilenced("rcsweep sweep: interrupted");
        assertTrue(screen.toString(StandardCharsets.UTF_8).endsWith("warning" + System.lineSeparator()
                + "rcsweep sweep: interrupted" + System.lineSeparator()), screen.toString(StandardCharsets.UTF_8));
        assertFalse(screen.toString(StandardCharsets.UTF_8).contains("Exception"));
    }

    @Test
    void anInterruptionCountsCommittedBatchesAndRefusesLaterOnes() {
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Progress.Mode.LINES, 20, 6);
        progress.commit(4, () -> { });
        progress.committed(4, 0);
        progress.taskEnded(true, 4);                   // evaluated, not committed: not counted
        Progress.Count count = progress.interrupt(1000);
        assertEquals(new Progress.Count(10, 20), count, "6 from before this run, 4 committed by it");
        boolean[] ran = {false};
        assertThrows(IllegalStateException.class, () -> progress.commit(4, () -> ran[0] = true));
        assertFalse(ran[0], "no batch commits after the interruption");
    }

    @Test
    void terminalWidthFallsBackToColumnsAndEighty() {
        assertEquals(132, TerminalWidth.parseStty("43 132\n"));
        assertEquals(0, TerminalWidth.parseStty(""));
        assertEquals(0, TerminalWidth.parseColumns("wide"));
        assertTrue(TerminalWidth.columns() > 0);
    }

    /** The status line last drawn. */
    private static String last(ByteArrayOutputStream screen) {
        String text = screen.toString(StandardCharsets.UTF_8);
        return text.substring(text.lastIndexOf('\r') + 1);
    }
}
