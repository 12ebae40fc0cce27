package org.rcsweep.jobs.cli;

import org.rcsweep.jobs.analysis.AnalysisException;
import org.rcsweep.jobs.results.DirectoryException;
import org.rcsweep.spec.SpecException;

import java.io.InputStream;

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
        // Netty (Spark's RPC) reads this when its classes load; `java -jar rcsweep.jar` cannot pass it on the
        // command line the way scripts/rcsweep and spark-submit do, so it is set here before Spark starts.
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        System.exit(run(args, System.out, System.err, System.in));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, InputStream.nullInputStream());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? BAD_INPUT : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "sweep" -> SweepCommand.run(rest, out, err);
                case "validate" -> ValidateCommand.run(rest, out, err);
                case "fit" -> FitCommand.run(rest, out, err);
                case "sql" -> SqlCommand.run(rest, out, err, in);
                case "plot" -> PlotCommand.run(rest, out, err);
                case "report" -> ReportCommand.run(rest, out, err);
                case "verify" -> VerifyCommand.run(rest, out, err);
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
        } catch (AnalysisException | DirectoryException e) {
            err.println("rcsweep " + args[0] + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: rcsweep <command> [options]",
                "",
                "commands:",
                "  sweep SPEC --out DIR [--master URL] [--conf k=v]... [--max-batches N] [--progress terminal|lines|quiet]",
                "        [--allow-mixed] [--retry-failed] [--set path=value]... [--dry-run]",
                "        run (or resume) the sweep described by the YAML file SPEC; write Parquet tables under DIR",
                "        (a path or any Hadoop URI: hdfs://..., s3a://...); one sweep writes a DIR at a time;",
                "        progress is a live line on a terminal and quiet otherwise unless --progress says",
                "  validate SPEC [--set path=value]... [--master URL]",
                "        check SPEC and its plan (points, memory per point, estimated work) without starting Spark;",
                "        --master says where it will run (default local mode: this JVM's heap is the limit)",
                "  fit DIR [--group-by model,n,knob,correlation] [--resamples 200] [--seed 1] [--onset 0.5] [--sublinear 0.8]",
                "        fit scaling laws per group with bootstrap intervals; write DIR/fits, DIR/laws (+ .csv)",
                "  sql DIR [\"SELECT ...\" | --file Q.sql] [--format table|csv|json|parquet] [--to FILE [--overwrite]]",
                "        run a query over the tables of DIR (views points, memory_curve, ipc_terms, fits, laws, runs);",
                "        only queries are accepted; without one: an interactive prompt",
                "  plot DIR [--to FIGDIR]",
                "        PNG figures from the tables (default FIGDIR: DIR/figures)",
                "  report DIR [--refit]",
                "        fit (if there are no fits yet), plot, and write DIR/report.md and DIR/report.html",
                "  verify DIR [--repair]",
                "        read every committed batch in full and name damaged ones; --repair deletes them and computes",
                "        their points again",
                "",
                "see README.md and docs/ for the spec format and the tables written.");
    }
}
