package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.ResultsDirectory;
import org.rcsweep.jobs.fit.FitJob;
import org.rcsweep.jobs.fit.FitOptions;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.plot.FigureMaker;
import org.rcsweep.jobs.report.ReportWriter;
import org.rcsweep.jobs.spark.Sessions;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code rcsweep report DIR}: fits (default options), figures under DIR/figures, then DIR/report.md and .html. */
final class ReportCommand {
    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("master"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        ResultsDirectory results = new ResultsDirectory(dir);
        SparkSession spark = Sessions.start("rcsweep report", a.option("master"));
        try {
            FitJob.run(spark, dir, FitOptions.defaults());
            List<Figure> figures = FigureMaker.render(spark, results, results.root().resolve("figures"));
            ReportWriter.Report r = ReportWriter.write(spark, results, figures);
            out.println(r.markdown());
            out.println(r.html());
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
