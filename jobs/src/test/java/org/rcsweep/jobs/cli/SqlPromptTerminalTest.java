package org.rcsweep.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code rcsweep sql DIR} on a real terminal (a detached tmux pane, on a tmux server of its own): a statement runs,
 * the up arrow recalls it, Ctrl-C clears the line being typed, Ctrl-C during a long query cancels it and the prompt
 * goes on, 'quit' leaves with exit code 0, and the statements are in the history file for the next run. Skipped
 * where tmux is not installed.
 */
class SqlPromptTerminalTest {
    private static final String SPEC = String.join("\n",
            "name: tiny",
            "seed: 1",
            "replicas: 1",
            "models: [{kind: esn}]",
            "sizes: [10]",
            "correlation: {knob: shared-input, values: [0.0]}",
            "readouts: [5]",
            "input: {steps: 500, washout: 50}",
            "");

    @TempDir
    Path tmp;
    private String socket;

    @Test
    void editsRecallsCancelsAndKeepsHistory() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, SPEC);
        Path results = tmp.resolve("results");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        assertEquals(Main.OK, Main.run(new String[] {"sweep", spec.toString(), "--out", results.toString(),
                "--master", "local[1]"}, p, p), log.toString(StandardCharsets.UTF_8));

        Path state = tmp.resolve("state");
        Path err = tmp.resolve("sql.err");
        Path exit = tmp.resolve("sql.exit");
        // The shell gets the Ctrl-C too: trapped (not ignored, which the JVM would inherit), it lives on after it.
        StringBuilder script = new StringBuilder("trap : INT\n");
        script.append("export XDG_STATE_HOME=").append(quote(state.toString())).append('\n');
        for (String arg : ChildJvm.rcsweep("sql", results.toString(), "--master", "local[2]")) {
            script.append(quote(arg)).append(' ');
        }
        script.append("2>").append(quote(err.toString())).append("\necho $? >").append(quote(exit.toString()))
                .append("\nsleep 60\n");
        Path run = tmp.resolve("run.sh");
        Files.writeString(run, script);
        socket = "rcsweep-test-" + ProcessHandle.current().pid();
        try {
            tmux("new-session", "-d", "-s", "sql", "-x", "200", "-y", "50", "sh " + quote(run.toString()));
            awaitPane(pane -> lastLine(pane).equals("rcsweep>"), 240, err);

            keys("SELECT 40 + 2", "Enter");
            awaitPane(pane -> lastLine(pane).equals("->"), 30, err);            // continued on the next line
            keys("AS answer\\;", "Enter");
            awaitPane(pane -> hasLine(pane, "42") && lastLine(pane).equals("rcsweep>"), 120, err);
            keys("Up");
            awaitPane(pane -> lastLines(pane, 2).equals("rcsweep> SELECT 40 + 2\n      -> AS answer;"), 30, err);
            keys("C-c");                                                        // clears the recalled input
            awaitPane(pane -> lastLine(pane).equals("rcsweep>"), 30, err);

            keys("SELECT count(*) FROM range(100000000000)\\;", "Enter");
            Thread.sleep(4000);
            keys("C-c");
            awaitFile(err, text -> text.contains("cancelled"), 60);
            awaitPane(pane -> lastLine(pane).endsWith("rcsweep>"), 60, err);    // after the tty's "^C"
            keys("SELECT 'alive' AS status\\;", "Enter");
            awaitPane(pane -> hasLine(pane, "alive"), 120, err);
            keys("quit", "Enter");
            try {
                awaitFile(exit, text -> !text.isBlank(), 120);
            } catch (AssertionError e) {
                fail("'quit' did not end the prompt:\n" + tmux("capture-pane", "-p", "-t", "sql") + "\nstderr:\n"
                        + Files.readString(err) + "\nthreads:\n" + threadDumps(), e);
            }
            assertEquals("0", Files.readString(exit).trim(), Files.readString(err));
        } finally {
            tmux("kill-server");
        }
        String history = Files.readString(state.resolve("rcsweep").resolve("sql_history"));
        assertTrue(history.contains("SELECT 'alive' AS status;") && history.contains("AS answer;"), history);
    }

    /** jstack of the JVMs under the pane, to say where one hangs. */
    private String threadDumps() throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (String line : tmux("list-panes", "-t", "sql", "-F", "#{pane_pid}").lines().toList()) {
            if (!line.trim().matches("\\d+")) {
                out.append(line).append('\n');
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(sh -> sh.descendants().forEach(child -> {
                try {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack")
                            .toString(), Long.toString(child.pid())).redirectErrorStream(true).start();
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append(e).append('\n');
                }
            }));
        }
        return out.toString();
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Sends literal text (a ';' written "\;", as tmux takes a bare one to end its command) or one key name. */
    private void keys(String... keys) throws IOException, InterruptedException {
        for (String k : keys) {
            if (k.equals("Enter") || k.equals("Up") || k.startsWith("C-")) {
                tmux("send-keys", "-t", "sql", k);
            } else {
                tmux("send-keys", "-t", "sql", "-l", k);
            }
            Thread.sleep(200);
        }
    }

    private void awaitPane(Predicate<String> ready, int seconds, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String pane = "";
        while (System.nanoTime() < deadline) {
            pane = tmux("capture-pane", "-p", "-t", "sql", "-S", "-100");
            if (ready.test(pane.strip() + "\n")) {
                return;
            }
            Thread.sleep(300);
        }
        fail("the terminal did not get there in " + seconds + " s:\n" + pane + "\nstderr:\n"
                + (Files.exists(err) ? Files.readString(err) : ""));
    }

    private static void awaitFile(Path file, Predicate<String> ready, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && ready.test(Files.readString(file))) {
                return;
            }
            Thread.sleep(300);
        }
        fail(file + " did not get there in " + seconds + " s: " + (Files.exists(file) ? Files.readString(file) : ""));
    }

    /** Whether a line of the pane, trimmed, is {@code text} (a value in a result table). */
    private static boolean hasLine(String pane, String text) {
        return pane.lines().anyMatch(l -> l.strip().equals(text));
    }

    private static String lastLine(String pane) {
        return lastLines(pane, 1).strip();
    }

    /** The last n non-blank lines, right-trimmed. */
    private static String lastLines(String pane, int n) {
        List<String> lines = pane.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
