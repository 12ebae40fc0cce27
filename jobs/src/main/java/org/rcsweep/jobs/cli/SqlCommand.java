package org.rcsweep.jobs.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.CsvWriter;
import org.apache.hadoop.conf.Configuration;
import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.sql.ReadOnlySql;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.sql.SqlSession;
import org.rcsweep.jobs.sql.TableFormatter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code rcsweep sql DIR ["SELECT …" | --file Q.sql] [--format table|csv|json|parquet] [--to FILE]}: every table under DIR is a view;
 * without a query, an interactive prompt reads statements ending in ';' until 'quit' or end of input.
 */
final class SqlCommand {
    private SqlCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        Arguments a = new Arguments(args, Set.of("format", "to", "master", "file", "conf"), Set.of("overwrite"));
        String dir = a.positional(0, "DIR (a results directory)");
        String query = a.positionalOrNull(1);
        a.expectPositional(2);
        if (a.option("file") != null) {
            if (query != null) {
                throw new UsageException("give a query or --file, not both");
            }
            try {
                query = Files.readString(Path.of(a.option("file")));
            } catch (IOException e) {
                throw new UsageException("cannot read --file " + a.option("file") + ": " + e.getMessage());
            }
        }
        String format = a.option("format") == null ? "table" : a.option("format");
        if (!Set.of("table", "csv", "json", "parquet").contains(format)) {
            throw new UsageException("--format must be one of table, csv, json, parquet; got '" + format + "'");
        }
        String to = a.option("to");
        if (format.equals("parquet") && to == null) {
            throw new UsageException("--format parquet needs --to DIR");
        }
        if (query == null && to != null) {
            throw new UsageException("--to needs a query");
        }
        ResultsDirectory.forReading(dir, HadoopConf.fromEnvironment());
        Configuration hadoop = HadoopConf.fromEnvironment();
        if (to != null) {
            OutputTarget.check(to, a.flag("overwrite"), dir, hadoop);
        }
        SparkSession spark = Sessions.start("rcsweep sql", a.option("master"), a.confs());
        try {
            ResultsDirectory results = ResultsDirectory.forReading(dir, spark.sparkContext().hadoopConfiguration());
            List<String> views = SqlSession.register(spark, results);
            if (query != null) {
                try {
                    ReadOnlySql.check(spark, query);
                } catch (IllegalArgumentException e) {
                    err.println("rcsweep sql: " + e.getMessage());
                    return Main.BAD_INPUT;
                }
                try {
                    if (to != null && a.flag("overwrite")) {
                        OutputTarget.clear(to, spark.sparkContext().hadoopConfiguration());
                    }
                    emit(spark.sql(query), format, to, out, spark);
                    return Main.OK;
                } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
                    err.println("rcsweep sql: " + firstLine(e) + "\n(views under " + dir + ": " + views + ")");
                    return Main.FAILED;
                }
            }
            return interactive(spark, views, in, out, err) == 0 ? Main.OK : Main.FAILED;
        } finally {
            spark.stop();
        }
    }

    private static void emit(Dataset<Row> df, String format, String to, PrintStream out, SparkSession spark) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        switch (format) {
            case "parquet" -> df.write().parquet(to);
            case "json" -> write(String.join("\n", df.toJSON().collectAsList()) + "\n", to, out, hadoop);
            case "csv" -> write(CsvWriter.text(df.columns(), df.collectAsList()), to, out, hadoop);
            default -> write(TableFormatter.format(df.columns(), df.collectAsList()), to, out, hadoop);
        }
    }

    /**
     * The prompt: on a terminal with line editing, history and Ctrl-C ({@link SqlPrompt}); from a pipe or a file,
     * statements read from {@code in} until 'quit' or its end, results to {@code out}, without prompts, and the
     * command fails (exit code 1) when a statement failed, so that a script can tell.
     *
     * @return how many statements failed (always 0 on a terminal, where the user sees each error)
     */
    private static int interactive(SparkSession spark, List<String> views, InputStream in, PrintStream out,
                                   PrintStream err) {
        try {
            if (in == System.in && SqlPrompt.onTerminal(spark.sparkContext(), "rcsweep sql: views " + views
                            + "; end statements with ';', 'quit' or Ctrl-D to leave; Ctrl-C cancels a running query.",
                    sql -> statement(spark, sql, out), out, err)) {
                return 0;
            }
        } catch (LinkageError e) {
            // no JLine on the class path (the spark-submit jar leaves it to the cluster): the plain prompt below
        }
        boolean prompts = in == System.in && System.console() != null;
        if (prompts) {
            out.println("rcsweep sql: views " + views + "; end statements with ';', 'quit' to leave.");
        }
        int failed = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder statement = new StringBuilder();
        try {
            while (true) {
                if (prompts) {
                    out.print(statement.length() == 0 ? SqlPrompt.PROMPT : SqlPrompt.CONTINUATION);
                    out.flush();
                }
                String line = reader.readLine();
                if (line == null || (statement.length() == 0 && line.trim().matches("(?i)quit|exit|\\\\q"))) {
                    if (prompts) {
                        out.println();
                    }
                    return failed;
                }
                statement.append(line).append('\n');
                String text = statement.toString().trim();
                if (text.endsWith(";")) {
                    statement.setLength(0);
                    try {
                        statement(spark, text.substring(0, text.length() - 1), out);
                    } catch (Exception e) {
                        err.println("error: " + firstLine(e));
                        failed++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One statement of the prompt (without its ';'): checked to be a query, run, printed as a table. */
    private static void statement(SparkSession spark, String sql, PrintStream out) throws Exception {
        ReadOnlySql.check(spark, sql);
        emit(spark.sql(sql), "table", null, out, spark);
    }

    private static void write(String text, String to, PrintStream out, Configuration hadoop) {
        if (to == null) {
            out.print(text);
            return;
        }
        OutputTarget.writeText(to, text, hadoop);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
