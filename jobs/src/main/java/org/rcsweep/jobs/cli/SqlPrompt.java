package org.rcsweep.jobs.cli;

import org.apache.spark.SparkContext;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The interactive prompt of {@code rcsweep sql DIR} on a terminal (JLine): line editing, a statement spanning lines
 * until it ends in ';' (recalled whole with the up arrow), history kept between runs ({@link #historyFile}), 'quit',
 * 'exit' or Ctrl-D to leave. Ctrl-C while a statement runs cancels its Spark jobs and returns to the prompt; at the
 * prompt it clears the line being typed. Without a terminal (input from a pipe or a file) {@link SqlCommand} reads
 * statements from the stream instead.
 */
final class SqlPrompt {
    /** Runs one statement (without its ';'), printing its result. */
    interface Statement {
        void run(String sql) throws Exception;
    }

    static final String PROMPT = "rcsweep> ";
    static final String CONTINUATION = "      -> ";
    private static final Pattern QUIT = Pattern.compile("(?i)(quit|exit|\\\\q)\\s*;?");

    private SqlPrompt() {
    }

    /**
     * Runs the prompt on the process's terminal; returns false, having done nothing, when standard input is not one
     * (or JLine cannot drive it).
     */
    static boolean onTerminal(SparkContext sc, String banner, Statement statement, PrintStream out,
                              PrintStream err) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(false).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return false; // not a terminal, or an older JLine on a cluster's class path
        }
        try (terminal) {
            if (terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                return false;
            }
            run(terminal, sc, banner, statement, out, err);
            return true;
        } catch (IOException e) {
            return true; // closing the terminal failed: the prompt itself has run
        }
    }

    private static void run(Terminal terminal, SparkContext sc, String banner, Statement statement, PrintStream out,
                            PrintStream err) {
        Path history = historyFile(System.getenv());
        try {
            Files.createDirectories(history.toAbsolutePath().getParent());
        } catch (IOException e) {
            err.println("rcsweep sql: no history (" + e.getMessage() + ")");
        }
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("rcsweep")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL, not a history reference
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .build();
        AtomicReference<String> running = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicLong groups = new AtomicLong();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            String group = running.get();
            if (group != null) {
                cancelled.set(true);
                sc.cancelJobGroup(group);
            }
        });
        quietCancelledTasks();
        out.println(banner);
        out.flush();
        try {
            while (true) {
                String text;
                try {
                    text = reader.readLine(PROMPT);
                } catch (UserInterruptException e) { // Ctrl-C while typing: the line is dropped
                    if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                        err.println("(Ctrl-D or 'quit' leaves)");
                    }
                    continue;
                } catch (EndOfFileException e) { // Ctrl-D
                    out.println();
                    return;
                }
                String sql = text.trim();
                if (QUIT.matcher(sql).matches()) {
                    return;
                }
                if (sql.isEmpty() || sql.equals(";")) {
                    continue;
                }
                String group = "rcsweep-sql-" + groups.incrementAndGet();
                cancelled.set(false);
                sc.setJobGroup(group, sql, true);
                running.set(group);
                try {
                    statement.run(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                } catch (Exception e) {
                    err.println(cancelled.get() ? "cancelled" : "error: " + firstLine(e));
                } finally {
                    running.set(null);
                    sc.clearJobGroup();
                    out.flush();
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                err.println("rcsweep sql: could not save the history to " + history + ": " + e.getMessage());
            }
        }
    }

    /**
     * A cancelled query's tasks are killed after the prompt is back; Spark's warning for each would land in the
     * middle of the next line being typed. The prompt says 'cancelled' instead, and real task failures still reach
     * the statement as its error.
     */
    private static void quietCancelledTasks() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setLevel(
                    "org.apache.spark.scheduler.TaskSetManager", org.apache.logging.log4j.Level.ERROR);
        } catch (LinkageError | RuntimeException e) {
            // another logging backend: its warnings stay
        }
    }

    /** {@code $XDG_STATE_HOME/rcsweep/sql_history} when that is set, else {@code ~/.rcsweep_sql_history}. */
    static Path historyFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank()) {
            return Path.of(state, "rcsweep", "sql_history");
        }
        return Path.of(System.getProperty("user.home"), ".rcsweep_sql_history");
    }

    /** Whether {@code text} is a whole input: empty, a quit word, or a statement ending in ';'. */
    static boolean complete(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(";") || QUIT.matcher(t).matches();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** Accepts a line only once the statement is complete; until then Enter continues it on the next line. */
    private static final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !complete(line)) {
                throw new EOFError(-1, -1, "the statement ends with ';'");
            }
            return words.parse(line, cursor, context);
        }
    }
}
