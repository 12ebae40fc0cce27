package org.rcsweep.jobs.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.cli.CommandRun;
import org.rcsweep.jobs.cli.Main;
import org.rcsweep.jobs.fit.FitJob;
import org.rcsweep.jobs.fit.FitOptions;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.random.Rng;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit, sql, plot and report on the output of the shipped example sweep, and their bad-input errors. */
class AnalysisCommandsTest {
    @TempDir
    static Path tmp;
    private static Path results;

    private static CommandRun rcsweep(String... args) {
        return CommandRun.of(args);
    }

    @BeforeAll
    static void runTheExampleSweepAndFit() {
        results = tmp.resolve("quick");
        CommandRun sweep = rcsweep("sweep", "../examples/quick.yaml", "--out", results.toString());
        assertEquals(Main.OK, sweep.code(), sweep.err());
        CommandRun fit = rcsweep("fit", results.toString(), "--resamples", "100");
        assertEquals(Main.OK, fit.code(), fit.err());
        assertTrue(fit.out().contains("6 groups"), fit.out());
    }

    @Test
    void fitsHaveEveryLawPerGroupAndCsvCopies() throws IOException {
        SparkSession spark = Sessions.start("test", "local[2]");
        Dataset<Row> fits = spark.read().parquet(results.resolve("fits").toString());
        assertEquals(6, fits.where("metric = 'mc_total' AND law = 'power' AND parameter = 'alpha'").count());
        assertEquals(0, fits.where("metric = 'mc_total' AND law = 'power' AND parameter = 'alpha' "
                + "AND (estimate <= 0 OR estimate >= 1 OR ci_low > estimate OR ci_high < estimate)").count(),
                "MC grows sublinearly and every interval contains its estimate");
        assertTrue(fits.where("metric = 'ipc_degree_3' AND law = 'onset'").count() > 0);
        assertTrue(Files.readAllLines(results.resolve("fits.csv")).size() == fits.count() + 1);
        assertTrue(Files.exists(results.resolve("laws.csv")));
        assertTrue(spark.read().parquet(results.resolve("laws").toString())
                .where("law = 'alpha_vs_log_n'").count() == 3, "one per correlation value");
    }

    @Test
    void onsetsAlreadyPastAtTheSmallestReadoutCountAreBoundsLeftOutOfTheLaws() {
        SparkSession spark = Sessions.start("test", "local[2]");
        Dataset<Row> fits = spark.read().parquet(results.resolve("fits").toString());
        // Degree-1 capacity of every example group exceeds 0.5 at L = 5, the smallest L of the spec.
        Dataset<Row> degree1 = fits.where("metric = 'ipc_degree_1' AND parameter = 'l_onset'");
        assertEquals(6, degree1.count());
        assertEquals(6, degree1.where("bound = 'at_most' AND estimate = 5 AND ci_low IS NULL").count());
        assertEquals(0, fits.where("bound IS NOT NULL AND parameter NOT IN ('l_onset', 'l_sublinear')").count());
        Dataset<Row> degree3 = fits.where("metric = 'ipc_degree_3' AND parameter = 'l_onset' AND bound IS NULL");
        assertTrue(degree3.where("estimate > 5").count() > 0, "degree 3 crosses between measured L");
        Dataset<Row> laws = spark.read().parquet(results.resolve("laws").toString());
        assertEquals(0, laws.where("law = 'ipc_onset_vs_sqrt_n' AND degree = 1").count());
        assertTrue(laws.where("law = 'ipc_onset_vs_sqrt_n' AND degree = 3").count() > 0);
    }

    @Test
    void everyShippedQueryRunsOnTheExampleOutput() throws IOException {
        List<Path> queries;
        try (Stream<Path> s = Files.list(Path.of("..", "scripts", "queries"))) {
            queries = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(queries.size() >= 4);
        for (Path q : queries) {
            CommandRun r = rcsweep("sql", results.toString(), "--file", q.toString(), "--format", "csv");
            assertEquals(Main.OK, r.code(), q + ": " + r.err());
            assertTrue(r.out().lines().count() > 1, q + " returned no rows");
        }
        CommandRun table = rcsweep("sql", results.toString(), "SELECT count(*) AS n FROM points");
        assertTrue(table.out().contains("(1 row)") && table.out().contains("60"), table.out());
    }

    @Test
    void interactivePromptRunsStatementsUntilQuit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String input = "SELECT count(DISTINCT point_id)\n  AS points FROM points;\nSELECT nonsense FROM nowhere;\nquit\n";
        int code = Main.run(new String[] {"sql", results.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Main.FAILED, code, "a script can tell that a statement failed");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(!text.contains("rcsweep> ") && text.contains("points") && text.contains("12"), "no prompts when "
                + "piped: " + text);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error:"), "a bad statement reports and goes on");
    }

    @Test
    void plotWritesReadableFiguresOfTheExpectedSize() throws IOException {
        Path figs = tmp.resolve("figs");
        CommandRun r = rcsweep("plot", results.toString(), "--to", figs.toString());
        assertEquals(Main.OK, r.code(), r.err());
        List<String> expected = List.of("mc_vs_l_esn_n40.png", "mc_vs_l_esn_n80.png", "memory_curve_esn_n80.png",
                "mc_theory_esn_n40.png", "mc_theory_esn_n80.png",
                "ipc_by_degree_esn_n80_c0p0.png", "ipc_by_degree_esn_n80_c0p9.png", "alpha_vs_correlation.png",
                "alpha_vs_n.png");
        for (String name : expected) {
            Path f = figs.resolve(name);
            assertTrue(Files.size(f) > 10_000, name + " is too small to hold a chart");
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(900, img.getWidth(), name);
            assertEquals(600, img.getHeight(), name);
        }
    }

    @Test
    void reportNamesEveryFigureAndEmbedsThemInHtml() throws IOException {
        CommandRun r = rcsweep("report", results.toString());
        assertEquals(Main.OK, r.code(), r.err());
        String md = Files.readString(results.resolve("report.md"));
        String html = Files.readString(results.resolve("report.html"));
        List<Path> figures;
        try (Stream<Path> s = Files.list(results.resolve("figures"))) {
            figures = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertTrue(figures.size() >= 7);
        for (Path f : figures) {
            assertTrue(md.contains("figures/" + f.getFileName()), "report.md lacks " + f.getFileName());
        }
        assertEquals(figures.size(), html.split("data:image/png;base64,", -1).length - 1, "every figure embedded");
        assertTrue(md.contains("sublinearly in all 6 groups"), "one summary sentence for the whole sweep: " + md);
        assertTrue(md.contains("| ok | 12 | 60 |"), "status breakdown");
        assertTrue(md.contains("| esn | 80 | shared-input | 0.5 |"), "knob values as in the spec");
        String onsets = section(md, "### Onset of information processing capacity by degree");
        assertTrue(onsets.contains("| model | N | knob | value | degree 1 | degree 2 | degree 3 |"), onsets);
        assertEquals(6, onsets.lines().filter(l -> l.matches("\\| esn \\| \\d+ \\| shared-input \\| [\\d.]+ \\| ≤ 5 \\|.*"))
                .count(), "an onset below the grid of readout counts is reported as a bound: " + onsets);
        assertTrue(onsets.lines().anyMatch(l -> l.matches("\\| esn .*\\| ≈ [\\d.]+ \\|")),
                "degree-3 crossings keep their value: " + onsets);
        assertTrue(md.contains("| none: a line through 2 groups |"), "two sizes, no interval");
        assertTrue(md.contains("are not drawn (measured up to 160)"), "the memory function's forgotten tail is cut");
        assertTrue(md.contains("shaded band spans the minimum to the maximum across the 2 replicas"), "band caption");
    }

    /**
     * The report's sections: date, versions, runs, the theory error table and the findings table; and saturating fits
     * that put M above N or L½ beyond the largest measured L are "no saturation within the measured L", never numbers.
     */
    @Test
    void reportHasItsSectionsAndReadsImplausibleSaturationAsNone() throws IOException {
        Path copy = tmp.resolve("implausible");
        try (Stream<Path> s = Files.walk(results)) {
            for (Path p : s.toList()) {
                Path rel = results.relativize(p);
                if (rel.startsWith("fits") || rel.startsWith("figures") || rel.toString().startsWith("report.")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy.resolve(rel.toString()));
                } else {
                    Files.copy(p, copy.resolve(rel.toString()));
                }
            }
        }
        SparkSession spark = Sessions.start("test", "local[2]");
        String saturating = "law = 'saturating' AND metric = 'mc_total' AND ";
        spark.read().parquet(results.resolve("fits").toString()).withColumn("estimate", org.apache.spark.sql.functions
                .expr("CASE WHEN " + saturating + "n = 40 AND correlation = 0.0 THEN IF(parameter = 'M', 100.0, 10.0) "
                        + "WHEN " + saturating + "n = 80 AND correlation = 0.0 THEN IF(parameter = 'M', 30.0, 500.0) "
                        + "WHEN " + saturating + "n = 80 AND correlation = 0.9 THEN IF(parameter = 'M', 20.0, 10.0) "
                        + "ELSE estimate END"))
                .write().parquet(copy.resolve("fits").toString());
        CommandRun r = rcsweep("report", copy.toString());
        assertEquals(Main.OK, r.code(), r.err());
        String md = Files.readString(copy.resolve("report.md"));
        assertTrue(md.matches("(?s).*- \\*\\*Generated:\\*\\* \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n.*"), md);
        assertTrue(md.contains("- **Report by:** rcsweep " + org.rcsweep.jobs.sweep.CodeVersion.get() + ", Spark "),
                md);
        assertTrue(md.contains("- **Data computed by:** rcsweep "), md);
        String runs = section(md, "### Runs");
        List<String> runIds;
        try (Stream<Path> s = Files.list(copy.resolve("runs"))) {
            runIds = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.startsWith("."))
                    .map(f -> f.substring(0, f.length() - ".json".length())).toList();
        }
        assertEquals(1, runIds.size());
        assertTrue(runs.contains("| " + runIds.get(0) + " | ") && runs.contains("| complete | 12 | 12 |"), runs);
        assertTrue(runs.contains("1 run(s) (runs/*.json), total run time "), runs);
        String theory = section(md, "## Theory versus simulation");
        assertTrue(theory.contains("| model | N | knob | value | mean-field | correlation-aware | independent neurons | "
                + "linear (Lyapunov) | rows (point, L) |"), theory);
        assertEquals(6, theory.lines().filter(l -> l.matches("\\| esn \\| \\d+ \\| shared-input \\| .*%.*%.*%.* \\| 10 \\|"))
                .count(), theory);
        String findings = section(md, "## Findings per group");
        assertTrue(findings.contains("| model | N | knob | value | α [95% interval] | r² (log) | growth of MC with L "
                + "| saturation | L sublinear | replicas |"), findings);
        assertTrue(row(findings, "| esn | 40 | shared-input | 0.0 |").contains("| no saturation within the measured "
                + "L |"), "M = 100 > N = 40: " + findings);
        assertTrue(row(findings, "| esn | 80 | shared-input | 0.0 |").contains("| no saturation within the measured "
                + "L |"), "L½ = 500 beyond the largest L, 40: " + findings);
        assertTrue(row(findings, "| esn | 80 | shared-input | 0.9 |").contains("| M = 20.0, L½ = 10.0 |"), findings);
        assertTrue(!md.contains("M = 100") && !md.contains("500.0"), md);
        String summary = section(md, "## Summary");
        long sentences = summary.lines().filter(l -> l.startsWith("- ")).count();
        assertTrue(sentences >= 3 && sentences <= 6, "a few sentences for the whole sweep: " + summary);
        String html = Files.readString(copy.resolve("report.html"));
        assertTrue(html.contains("<h2>Findings per group</h2>") && html.contains("<h2>Theory versus simulation</h2>")
                && html.contains("<h3>Runs</h3>") && html.contains("<dt>Generated</dt>"), html);
    }

    /** The text from {@code heading} to the next heading of the same or a higher level. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading + "\n");
        assertTrue(start >= 0, "no " + heading + " in " + md);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = md.length();
        for (String h : level.equals("## ") ? List.of("\n## ") : List.of("\n## ", "\n### ")) {
            int e = md.indexOf(h, start + heading.length());
            if (e >= 0) {
                end = Math.min(end, e);
            }
        }
        return md.substring(start, end);
    }

    private static String row(String table, String prefix) {
        return table.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + prefix + " in " + table));
    }

    /** Two variants of one kind in one table, with exponents 0.5 and 1.0: each fit recovers its own. */
    @Test
    void fitRecoversKnownExponentsOfTwoVariantsOfOneKindWithoutPoolingThem() {
        SparkSession spark = Sessions.start("test", "local[2]");
        Path dir = tmp.resolve("synthetic");
        StructType schema = new StructType().add("point_id", DataTypes.StringType)
                .add("model", DataTypes.StringType).add("model_params", DataTypes.StringType)
                .add("n", DataTypes.IntegerType)
                .add("knob", DataTypes.StringType).add("correlation", DataTypes.DoubleType)
                .add("readouts", DataTypes.IntegerType).add("mc_total", DataTypes.DoubleType)
                .add("ipc_total", DataTypes.DoubleType)
                .add("ipc_by_degree", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("corr_rms", DataTypes.DoubleType).add("status", DataTypes.StringType)
                .add("seed", DataTypes.LongType).add("replica", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        Rng rng = new Rng(7);
        double[] alphas = {0.5, 1.0};
        for (double alpha : alphas) {
            String params = "esn{gain=" + alpha + "}";
            for (int replica = 0; replica < 10; replica++) {
                double offset = 0.05 * rng.nextGaussian();
                for (int l : new int[] {2, 4, 8, 16, 32, 64}) {
                    double mc = 1.5 * Math.pow(l, alpha) * Math.exp(offset + 0.02 * rng.nextGaussian());
                    rows.add(RowFactory.create("p" + alpha + "-" + replica, "esn", params, 100, "none", 0.0, l, mc,
                            null, null, 0.3, "ok", (long) (1000 * alpha) + replica, replica));
                }
            }
        }
        spark.createDataFrame(rows, schema).write().parquet(dir.resolve("points").toString());
        FitJob.run(spark, dir.toString(), FitOptions.defaults());
        Dataset<Row> alphaFits = spark.read().parquet(dir.resolve("fits").toString())
                .where("law = 'power' AND parameter = 'alpha'");
        assertEquals(2, alphaFits.count(), "one fit per variant");
        for (double alpha : alphas) {
            Row fit = alphaFits.where("model_params = 'esn{gain=" + alpha + "}'").first();
            double estimate = fit.getDouble(fit.fieldIndex("estimate"));
            assertEquals(alpha, estimate, 0.03);
            assertTrue(fit.getDouble(fit.fieldIndex("ci_low")) <= alpha
                    && alpha <= fit.getDouble(fit.fieldIndex("ci_high")), "interval covers " + alpha);
            assertEquals(10, fit.getInt(fit.fieldIndex("replicas")));
        }
    }

    @Test
    void badInputIsAClearErrorWithNonZeroExit() throws IOException {
        CommandRun notResults = rcsweep("fit", tmp.toString());
        assertEquals(Main.BAD_INPUT, notResults.code());
        assertTrue(notResults.err().contains("not an rcsweep results directory"), notResults.err());

        CommandRun missingDir = rcsweep("plot", tmp.resolve("nowhere").toString());
        assertEquals(Main.BAD_INPUT, missingDir.code());
        assertTrue(missingDir.err().contains("does not exist"), missingDir.err());

        // Prepare both directories first: every command stops the session it used.
        Path empty = tmp.resolve("empty");
        Path onlyPoints = tmp.resolve("only-points");
        SparkSession spark = Sessions.start("test", "local[2]");
        spark.read().parquet(results.resolve("points").toString()).limit(0).write()
                .parquet(empty.resolve("points").toString());
        spark.read().parquet(results.resolve("points").toString()).write()
                .parquet(onlyPoints.resolve("points").toString());
        CommandRun emptyTable = rcsweep("fit", empty.toString());
        assertEquals(Main.BAD_INPUT, emptyTable.code());
        assertTrue(emptyTable.err().contains("'points'") && emptyTable.err().contains("empty"), emptyTable.err());

        CommandRun missingTable = rcsweep("sql", onlyPoints.toString(), "SELECT * FROM fits");
        assertTrue(missingTable.code() != Main.OK);
        assertTrue(missingTable.err().contains("fits") && missingTable.err().contains("views under"),
                missingTable.err());
    }
}
