package org.rcsweep.jobs.cli;

import org.rcsweep.spec.SpecException;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code rcsweep <command> ...}: the command line. Exit codes: 0 success, 2 bad input (usage or spec; nothing was
 * started), 1 failure while running.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? BAD_INPUT : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "sweep" -> SweepCommand.run(rest, out, err);
                case "validate" -> ValidateCommand.run(rest, out, err);
                default -> {
                    err.println("rcsweep: unknown command '" + args[0] + "'\n\n" + usage());
                    yield BAD_INPUT;
                }
            };
        } catch (UsageException e) {
            err.println("rcsweep " + args[0] + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (SpecException e) {
            err.println("rcsweep " + args[0] + ": invalid spec: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: rcsweep <command> [options]",
                "",
                "commands:",
                "  sweep SPEC --out DIR [--master URL] [--max-batches N]",
                "        run (or resume) the sweep described by the YAML file SPEC; write Parquet tables under DIR",
                "  validate SPEC",
                "        check SPEC and print how many points it plans, without starting Spark",
                "",
                "see README.md and docs/ for the spec format and the tables written.");
    }
}
