package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.fit.FitJob;
import org.rcsweep.jobs.fit.FitOptions;
import org.rcsweep.jobs.plot.FigureMaker;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.report.ReportWriter;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.tables.ResultTables;

import java.io.PrintStream;
import java.util.Set;

/**
 * {@code rcsweep report DIR [--refit]}: the existing fits (made with the defaults when there are none, or again with
 * {@code --refit}), figures under DIR/figures, then DIR/report.md and DIR/report.html.
 */
final class ReportCommand {
    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("master", "conf"), Set.of("refit"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        ResultsDirectory.forReading(dir, HadoopConf.fromEnvironment());
        SparkSession spark = Sessions.start("rcsweep report", a.option("master"), a.confs());
        try {
            ResultsDirectory results = ResultsDirectory.forReading(dir, spark.sparkContext().hadoopConfiguration());
            if (a.flag("refit") || !results.has(ResultTables.FITS)) {
                FitJob.run(spark, dir, FitOptions.defaults());
                err.println("rcsweep report: fitted with the default options (rcsweep fit takes others)");
            } else {
                err.println("rcsweep report: using the existing fits (--refit fits again with the defaults)");
            }
            try (FigureMaker.Rendered rendered = FigureMaker.renderToTemp(spark, results)) {
                results.publish(Figure.files(rendered.figures()), "figures");
                ReportWriter.Written r = ReportWriter.write(spark, results, rendered.figures());
                out.println(ResultsDirectory.shown(r.markdown()));
                out.println(ResultsDirectory.shown(r.html()));
            }
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
