package org.rcsweep.jobs.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal the progress line is drawn on: {@code stty size} on the controlling terminal
 * ({@code /dev/tty}), else the {@code COLUMNS} environment variable, else {@value #DEFAULT} columns. Asked again at
 * most every {@value #REFRESH_MILLIS} ms, so that a resized window is followed while the line is redrawn.
 */
public final class TerminalWidth {
    /** Columns assumed when the terminal cannot say. */
    public static final int DEFAULT = 80;
    static final long REFRESH_MILLIS = 2000;
    private static volatile int cached;
    private static volatile long askedAt;

    private TerminalWidth() {
    }

    /** The current width in columns (cached for {@value #REFRESH_MILLIS} ms). */
    public static int columns() {
        long now = System.currentTimeMillis();
        if (cached == 0 || now - askedAt > REFRESH_MILLIS) {
            askedAt = now;
            cached = ask();
        }
        return cached;
    }

    private static int ask() {
        int stty = stty();
        if (stty > 0) {
            return stty;
        }
        int env = parseColumns(System.getenv("COLUMNS"));
        return env > 0 ? env : DEFAULT;
    }

    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            return p.exitValue() == 0 ? parseStty(new String(p.getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII)) : 0;
        } catch (IOException e) {
            return 0; // no controlling terminal, or no stty
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Columns from {@code stty size} output ("ROWS COLUMNS"), or 0. */
    static int parseStty(String text) {
        String[] parts = text.trim().split("\\s+");
        return parts.length == 2 ? parseColumns(parts[1]) : 0;
    }

    /** A positive column count, or 0. */
    static int parseColumns(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.trim());
            return n > 0 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
