package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.plot.FigureMaker;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.tables.ResultTables;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code rcsweep plot DIR [--to FIGDIR]}: figures rendered locally, then written to FIGDIR (default DIR/figures). */
final class PlotCommand {
    private PlotCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("to", "master", "conf"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        ResultsDirectory.forReading(dir, HadoopConf.fromEnvironment());
        String target = a.option("to") == null ? "figures" : a.option("to");
        SparkSession spark = Sessions.start("rcsweep plot", a.option("master"), a.confs());
        try {
            ResultsDirectory results = ResultsDirectory.forReading(dir, spark.sparkContext().hadoopConfiguration());
            try (FigureMaker.Rendered rendered = FigureMaker.renderToTemp(spark, results)) {
                List<String> written = results.publish(Figure.files(rendered.figures()), target);
                written.forEach(w -> out.println(ResultsDirectory.shown(w)));
            }
            if (!results.has(ResultTables.FITS)) {
                err.println("rcsweep plot: no fits table: run 'rcsweep fit " + dir + "' for the exponent figures");
            }
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
