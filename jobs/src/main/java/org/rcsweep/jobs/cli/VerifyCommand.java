package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.results.Verification;
import org.rcsweep.jobs.results.WriterLock;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.spec.SpecSource;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.sweep.Progress;
import org.rcsweep.jobs.sweep.SweepJob;
import org.rcsweep.spec.SpecException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rcsweep verify DIR [--repair]}: reads every committed batch in full (sizes, checksums, Parquet footers, row
 * counts) and names what is damaged or left over; with {@code --repair}, under the writer's lock, deletes it and
 * computes the deleted points again from the directory's spec. Exit code 0 when the directory is intact (or
 * repaired), 1 when damage is found and not repaired.
 */
final class VerifyCommand {
    private VerifyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("master", "conf"), Set.of("repair"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        ResultsDirectory results = ResultsDirectory.forReading(dir, HadoopConf.fromEnvironment());
        Verification v = results.verify();
        v.damaged().forEach((batch, cause) -> out.println("damaged: batch " + batch + ": " + cause));
        v.leftovers().forEach(p -> out.println("leftover: " + p));
        out.println("verify: " + v.batches() + " batches, " + v.points() + " points intact, " + v.damaged().size()
                + " damaged, " + v.leftovers().size() + " leftovers");
        if (v.clean() || !a.flag("repair")) {
            if (!v.clean()) {
                err.println("rcsweep verify: run 'rcsweep verify " + dir + " --repair' to delete them and compute the "
                        + "damaged points again");
            }
            return v.damaged().isEmpty() ? Main.OK : Main.FAILED;
        }
        try (WriterLock lock = results.lock(SweepJob.newRunId(), "rcsweep verify " + dir + " --repair")) {
            List<String> removed = results.repair(lock, v);
            out.println("repair: deleted " + removed.size() + " paths (" + v.damaged().size() + " damaged batches)");
            if (v.damaged().isEmpty()) {
                return Main.OK;
            }
            List<String> specs = results.list(ResultsDirectory.SPECS, ".yaml");
            SweepSpec spec;
            SpecSource source;
            try {
                if (specs.size() != 1) {
                    throw new SpecException("(file)", specs.size() + " specs under " + ResultsDirectory.SPECS);
                }
                source = SpecSource.read(results.uri(ResultsDirectory.SPECS + "/" + specs.get(0)),
                        HadoopConf.fromEnvironment());
                spec = source.parse();
            } catch (SpecException e) {
                err.println("rcsweep verify: the damaged points are deleted; compute them again with the sweep's "
                        + "command ('rcsweep sweep SPEC --out " + dir + "'): the stored spec cannot be used here ("
                        + e.getMessage() + ")");
                return Main.FAILED;
            }
            SparkSession spark = Sessions.start("rcsweep verify --repair", a.option("master"), a.confs());
            try {
                ResultsDirectory again = ResultsDirectory.forSweep(dir, spark.sparkContext().hadoopConfiguration());
                SweepJob.Summary s = SweepJob.run(spark, spec, again, lock, SweepJob.Options.quiet()
                        .withProgress(err, Progress.Mode.QUIET)
                        .withSpecText(source.text(), false).withCommand("rcsweep verify " + dir + " --repair"));
                out.println("repair: " + s.computed() + " points computed again " + s.statuses()
                        + (s.complete() ? "; the directory is complete" : "; incomplete"));
                return s.complete() ? Main.OK : Main.FAILED;
            } finally {
                spark.stop();
            }
        }
    }

}
