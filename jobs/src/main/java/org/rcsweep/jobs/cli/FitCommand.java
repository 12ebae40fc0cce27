package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.fit.FitJob;
import org.rcsweep.jobs.fit.FitOptions;
import org.rcsweep.jobs.spark.Sessions;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/** {@code rcsweep fit DIR [--group-by cols] [--resamples R] [--seed S] [--onset C] [--sublinear F]}. */
final class FitCommand {
    private FitCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("group-by", "resamples", "seed", "onset", "sublinear", "master",
                "conf"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        FitOptions d = FitOptions.defaults();
        FitOptions options;
        try {
            options = new FitOptions(
                    a.option("group-by") == null ? d.groupBy() : Arrays.asList(a.option("group-by").split(",")),
                    a.intOption("resamples", d.resamples(), 10), a.intOption("seed", (int) d.seed(), 0),
                    a.doubleOption("onset", d.onsetLevel()), a.doubleOption("sublinear", d.sublinearFraction()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ResultsDirectory.forReading(dir, HadoopConf.fromEnvironment());
        SparkSession spark = Sessions.start("rcsweep fit", a.option("master"), a.confs());
        try {
            FitJob.Summary s = FitJob.run(spark, dir, options);
            out.println("fit: " + s.groups() + " groups, " + s.fits() + " fitted parameters -> " + dir + "/fits (and "
                    + "fits.csv), " + s.laws() + " scaling laws -> " + dir + "/laws (and laws.csv)");
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
