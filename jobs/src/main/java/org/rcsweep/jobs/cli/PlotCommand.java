package org.rcsweep.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.ResultsDirectory;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.plot.FigureMaker;
import org.rcsweep.jobs.spark.Sessions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code rcsweep plot DIR [--to FIGDIR]}. */
final class PlotCommand {
    private PlotCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("to", "master"));
        String dir = a.positional(0, "DIR (a results directory)");
        a.expectPositional(1);
        ResultsDirectory results = new ResultsDirectory(dir);
        Path figDir = a.option("to") == null ? results.root().resolve("figures") : Path.of(a.option("to"));
        SparkSession spark = Sessions.start("rcsweep plot", a.option("master"));
        try {
            List<Figure> figures = FigureMaker.render(spark, results, figDir);
            figures.forEach(f -> out.println(f.file()));
            if (!results.has(org.rcsweep.tables.ResultTables.FITS)) {
                err.println("rcsweep plot: no fits table: run 'rcsweep fit " + dir + "' for the exponent figures");
            }
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
