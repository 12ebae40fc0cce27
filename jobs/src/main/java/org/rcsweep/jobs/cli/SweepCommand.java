package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.Recovery;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.results.WriterLock;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.spec.SpecSource;
import org.rcsweep.jobs.spec.PlanEstimate;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.sweep.BatchNotCommitted;
import org.rcsweep.jobs.sweep.ConsoleOutput;
import org.rcsweep.jobs.sweep.Progress;
import org.rcsweep.jobs.sweep.SweepJob;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * {@code rcsweep sweep SPEC --out DIR [--master URL] [--conf k=v]… [--max-batches N]
 * [--progress terminal|lines|quiet] [--allow-mixed] [--retry-failed] [--set path=value]… [--dry-run]}.
 */
final class SweepCommand {
    private SweepCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("out", "master", "max-batches", "progress", "conf", "set"),
                Set.of("allow-mixed", "retry-failed", "dry-run"));
        String file = a.positional(0, "SPEC (a sweep YAML file)");
        a.expectPositional(1);
        String dir = a.option("out");
        if (dir == null && !a.flag("dry-run")) {
            throw new UsageException("missing --out DIR (the results directory)");
        }
        int maxBatches = a.intOption("max-batches", 0, 0);
        Progress.Mode mode = progressMode(a.option("progress"));
        ConsoleOutput console = ConsoleOutput.wrap(err, mode); // on a terminal: a status line from now on
        err = console;
        console.phase("rcsweep: planning...");
        Map<String, String> confs = a.confs();
        // Everything about the spec and the output directory is checked here, before Spark starts.
        SpecSource source = SpecSource.read(file, HadoopConf::fromEnvironment, a.all("set")); // text: effective
        SweepSpec spec = source.parse();
        PlanEstimate plan = PlanEstimate.of(spec); // refuses a grid or a point too large before anything is listed
        for (String warning : plan.check(PlanEstimate.Machine.of(a.option("master")))) {
            err.println("rcsweep sweep: warning: " + warning);
        }
        if (a.flag("dry-run")) { // the plan only: no Spark, the output directory untouched
            ValidateCommand.printPlan(file, a.all("set"), spec, plan, PlanEstimate.Machine.of(a.option("master")), out);
            return Main.OK;
        }
        long planned = plan.points();
        ResultsDirectory preflight = ResultsDirectory.forSweep(dir, HadoopConf.fromEnvironment());
        String runId = org.rcsweep.jobs.sweep.SweepJob.newRunId();
        try (WriterLock lock = preflight.lock(runId, "rcsweep sweep " + String.join(" ", args));
             SweepInterruption interruption = SweepInterruption.install(console, lock, planned)) {
            SweepJob.checkSpec(preflight, spec.name(), source.text(), a.flag("allow-mixed"));
            err.println("rcsweep: sweep '" + spec.name() + "': " + planned + " points -> " + dir);
            console.status("rcsweep: starting Spark...");
            SparkSession spark = Sessions.start("rcsweep sweep " + spec.name(), a.option("master"), confs);
            try {
                ResultsDirectory results = ResultsDirectory.forSweep(dir,
                        spark.sparkContext().hadoopConfiguration());
                SweepJob.Options options = new SweepJob.Options(maxBatches, err, mode, source.text(),
                        a.flag("allow-mixed"), a.flag("retry-failed"), "rcsweep sweep " + String.join(" ", args));
                SweepJob.Summary s = SweepJob.run(spark, spec, results, lock, options);
                report(s, dir, out, err);
                return Main.OK;
            } catch (BatchNotCommitted e) {
                err.println("rcsweep sweep: " + e.getMessage());
                err.println("rcsweep sweep: " + e.committed() + " of " + e.planned() + " points are committed; run the "
                        + "same command to resume" + (e.outOfMemory() ? " with more memory (RCSWEEP_JAVA_OPTS=-Xmx…"
                        + " in local mode, spark.executor.memory on a cluster)" : ""));
                return Main.FAILED;
            } catch (RuntimeException e) {
                if (interruption.happened()) {
                    return Main.FAILED; // the shutdown hook has said what happened
                }
                if (e instanceof org.rcsweep.jobs.results.DirectoryException d) {
                    throw d;
                }
                err.println("rcsweep sweep: failed: " + e);
                return Main.FAILED;
            } finally {
                spark.stop();
            }
        }
    }

    private static void report(SweepJob.Summary s, String dir, PrintStream out, PrintStream err) {
        Recovery r = s.recovery();
        if (r.adopted() > 0) {
            err.println("rcsweep: recorded " + r.adopted() + " batches written by an earlier version of rcsweep");
        }
        if (!r.rolledForward().isEmpty()) {
            err.println("rcsweep: finished the commit of " + r.rolledForward().size() + " batch(es) of an interrupted"
                    + " run: " + String.join(", ", r.rolledForward()));
        }
        r.damaged().forEach((batch, cause) -> err.println("rcsweep: batch " + batch + " was damaged (" + cause
                + "); its points were deleted and computed again"));
        long leftovers = r.removed().size();
        if (leftovers > 0 && r.damaged().isEmpty()) {
            err.println("rcsweep: removed " + leftovers + " uncommitted leftovers of an interrupted run");
        }
        if (s.ipcRemeasured() > 0) {
            err.println("rcsweep: the IPC shards of " + s.ipcRemeasured() + " points stopped at ipc.max_targets "
                    + "before the merge had every round it needed; those points were measured again in one task");
        }
        int shown = 0;
        for (Map.Entry<String, String> f : s.failed().entrySet()) {
            if (shown++ == 5) {
                err.println("rcsweep: … and " + (s.failed().size() - 5) + " more failed points (SELECT point_id, message"
                        + " FROM points WHERE status = 'failed')");
                break;
            }
            err.println("rcsweep: point " + f.getKey() + " failed: " + f.getValue());
        }
        if (!s.failed().isEmpty()) {
            err.println("rcsweep: failed points are committed with their cause; '--retry-failed' computes them again "
                    + "(the stack traces are in the executor logs)");
        }
        out.println("sweep: " + s.planned() + " points planned, " + s.alreadyCommitted() + " already in " + dir + ", "
                + s.computed() + " computed " + s.statuses() + " (run " + s.runId() + ")"
                + (s.complete() ? "; complete" : "; incomplete: re-run the same command to resume"));
    }

    private static Progress.Mode progressMode(String option) {
        if (option == null) {
            return System.console() != null ? Progress.Mode.TERMINAL : Progress.Mode.QUIET;
        }
        return switch (option) {
            case "terminal" -> Progress.Mode.TERMINAL;
            case "lines" -> Progress.Mode.LINES;
            case "quiet" -> Progress.Mode.QUIET;
            default -> throw new UsageException("--progress must be terminal, lines or quiet; got '" + option + "'");
        };
    }
}
