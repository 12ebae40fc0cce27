package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.spec.PlanEstimate;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.jobs.sweep.Progress;
import org.rcsweep.jobs.sweep.ResultDirectory;
import org.rcsweep.jobs.sweep.SweepJob;
import org.rcsweep.random.ContentHash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code rcsweep sweep SPEC --out DIR [--master URL] [--max-batches N] [--progress terminal|lines|quiet]}. */
final class SweepCommand {
    private SweepCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("out", "master", "max-batches", "progress"));
        String file = a.positional(0, "SPEC (a sweep YAML file)");
        a.expectPositional(1);
        String dir = a.option("out");
        if (dir == null) {
            throw new UsageException("missing --out DIR (the results directory)");
        }
        int maxBatches = a.intOption("max-batches", 0, 0);
        String progressOption = a.option("progress");
        Progress.Mode mode;
        if (progressOption == null) {
            mode = System.console() != null ? Progress.Mode.TERMINAL : Progress.Mode.QUIET;
        } else {
            mode = switch (progressOption) {
                case "terminal" -> Progress.Mode.TERMINAL;
                case "lines" -> Progress.Mode.LINES;
                case "quiet" -> Progress.Mode.QUIET;
                default -> throw new UsageException("--progress must be terminal, lines or quiet; got '"
                        + progressOption + "'");
            };
        }
        // Everything about the spec is validated here, before Spark starts.
        SweepSpec spec = SweepSpecParser.parse(Path.of(file));
        PlanEstimate plan = PlanEstimate.of(spec); // refuses a grid or a point too large before anything is listed
        for (String warning : plan.check(PlanEstimate.Machine.of(a.option("master")))) {
            err.println("rcsweep sweep: warning: " + warning);
        }
        long planned = plan.points();
        String specText;
        try {
            specText = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        err.println("rcsweep: sweep '" + spec.name() + "': " + planned + " points -> " + dir);
        SparkSession spark = Sessions.start("rcsweep sweep " + spec.name(), a.option("master"));
        try {
            ResultDirectory results = new ResultDirectory(dir, spark.sparkContext().hadoopConfiguration());
            results.writeText("specs/" + spec.name() + "-" + ContentHash.of(specText).substring(0, 12) + ".yaml",
                    specText);
            SweepJob.Summary s = SweepJob.run(spark, spec, dir,
                    new SweepJob.Options(maxBatches, err, mode));
            if (!s.recovered().isEmpty()) {
                err.println("rcsweep: removed " + s.recovered().size() + " uncommitted leftovers of an interrupted run");
            }
            if (s.ipcRemeasured() > 0) {
                err.println("rcsweep: the IPC shards of " + s.ipcRemeasured() + " points stopped at ipc.max_targets "
                        + "before the merge had every round it needed; those points were measured again in one task");
            }
            out.println("sweep '" + spec.name() + "': " + s.planned() + " points planned, " + s.alreadyCommitted()
                    + " already in " + dir + ", " + s.computed() + " computed " + s.statuses()
                    + (s.complete() ? "; complete" : "; incomplete: re-run the same command to resume"));
            return Main.OK;
        } catch (RuntimeException e) {
            err.println("rcsweep sweep: failed: " + e);
            return Main.FAILED;
        } finally {
            spark.stop();
        }
    }
}
