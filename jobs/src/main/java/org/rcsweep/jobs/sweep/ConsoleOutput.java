package org.rcsweep.jobs.sweep;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.IntSupplier;

/**
 * The sweep's error stream: messages as usual, plus (on a terminal) one status line redrawn in place at the bottom —
 * the phase before Spark runs, then {@link Progress}'s line. Any other output first erases the status line, so
 * warnings and log lines never run into it; the next redraw puts it back below them. Once {@link #silence silenced}
 * (the sweep was interrupted and the JVM is going down) everything written to it is dropped: the exceptions of
 * Spark's concurrent shutdown are not the user's concern. Writing goes through {@link #write(byte[], int, int)}, so
 * every print method of {@link PrintStream} is covered.
 */
public final class ConsoleOutput extends PrintStream {
    private final PrintStream raw;
    private final boolean terminal;
    private final IntSupplier width;
    /** Characters of the status line on screen (0: none). */
    private int shown;
    private volatile boolean silenced;
    private volatile Progress progress;
    private PrintStream replacedSystemErr;

    /**
     * @param raw      where the text goes
     * @param terminal whether a status line is drawn (raw is a terminal)
     * @param width    the terminal's width in columns
     */
    public ConsoleOutput(PrintStream raw, boolean terminal, IntSupplier width) {
        super(raw, true, charsetOf(raw));
        this.raw = raw;
        this.terminal = terminal;
        this.width = width;
    }

    /**
     * Wraps {@code err} for a sweep shown in {@code mode}. When {@code err} is the process's standard error it also
     * becomes {@link System#err} (before Spark configures its console logger), so that log lines and uncaught
     * exceptions of other threads erase the status line and are silenced with the rest; {@link #release} undoes it.
     */
    public static ConsoleOutput wrap(PrintStream err, Progress.Mode mode) {
        if (err instanceof ConsoleOutput c) {
            return c;
        }
        ConsoleOutput c = new ConsoleOutput(err, mode == Progress.Mode.TERMINAL, TerminalWidth::columns);
        if (err == System.err) {
            c.replacedSystemErr = err;
            System.setErr(c);
        }
        return c;
    }

    private static Charset charsetOf(PrintStream raw) {
        String enc = raw == System.err ? System.getProperty("sun.stderr.encoding") : null;
        try {
            return enc != null ? Charset.forName(enc) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    public boolean terminal() {
        return terminal;
    }

    public int width() {
        return Math.max(1, width.getAsInt());
    }

    /** Draws {@code text} as the status line (on a terminal; elsewhere nothing), cut to the width if need be. */
    public void status(String text) {
        draw(text, false);
    }

    /**
     * As {@link #status}, but leaves the cursor at the start of the line, so that a message printed past this
     * stream (an error reported by {@code Main} before the sweep starts), being longer, overwrites it whole.
     */
    public void phase(String text) {
        draw(text, true);
    }

    private synchronized void draw(String text, boolean cursorHome) {
        if (!terminal || silenced) {
            return;
        }
        int max = Math.max(1, width() - 1); // a line as wide as the terminal would wrap on some terminals
        String line = text.length() > max ? text.substring(0, max) : text;
        StringBuilder s = new StringBuilder("\r").append(line);
        if (shown > line.length()) {
            s.append(" ".repeat(shown - line.length())).append('\r').append(line);
        }
        if (cursorHome) {
            s.append('\r');
        }
        raw.print(s);
        raw.flush();
        shown = line.length();
    }

    /** Erases the status line, if one is shown. */
    public synchronized void clearStatus() {
        if (shown > 0) {
            raw.print("\r" + " ".repeat(shown) + "\r");
            raw.flush();
            shown = 0;
        }
    }

    /** Ends the status line: it stays on screen, and what follows starts on the next line. */
    public synchronized void keepStatus() {
        if (shown > 0) {
            raw.println();
            raw.flush();
            shown = 0;
        }
    }

    /** Drops everything written from now on, but {@link #printSilenced} lines. */
    public synchronized void silence() {
        silenced = true;
    }

    public boolean silenced() {
        return silenced;
    }

    /** Prints a line even when silenced (the interrupted sweep's last word), after erasing the status line. */
    public synchronized void printSilenced(String line) {
        clearStatus();
        raw.println(line);
        raw.flush();
    }

    /** Gives {@link System#err} back, if {@link #wrap} took it. */
    public synchronized void release() {
        if (replacedSystemErr != null && System.err == this) {
            System.setErr(replacedSystemErr);
        }
        replacedSystemErr = null;
    }

    void attach(Progress p) {
        progress = p;
    }

    /** The progress of the sweep writing here, once it has planned its points; else null. */
    public Progress progress() {
        return progress;
    }

    @Override
    public void write(int b) {
        synchronized (this) {
            if (silenced) {
                return;
            }
            clearStatus();
            raw.write(b);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        synchronized (this) {
            if (silenced) {
                return;
            }
            clearStatus();
            raw.write(buf, off, len);
        }
    }

    @Override
    public void flush() {
        if (!silenced) {
            raw.flush();
        }
    }
}
