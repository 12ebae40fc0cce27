package org.rcsweep.jobs.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.VariantLabels;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.sweep.CodeVersion;
import org.rcsweep.tables.ResultTables;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link Report} of a results directory from its tables (queried with Spark SQL, every column read by
 * name): metadata, a summary of the whole sweep in a few sentences, the sweep and its runs, the findings per group
 * as one table, theory against simulation, the figures and the specs.
 */
public final class ReportBuilder {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String GROUP = "model, model_params, n, knob, correlation";

    private final SparkSession spark;
    private final ResultsDirectory results;
    private final Map<String, String> variants;

    private ReportBuilder(SparkSession spark, ResultsDirectory results) {
        this.spark = spark;
        this.results = results;
        results.read(spark, ResultTables.POINTS).createOrReplaceTempView("points");
        this.variants = VariantLabels.of(spark.sql("SELECT DISTINCT model_params FROM points WHERE model_params IS NOT "
                + "NULL").collectAsList().stream().map(r -> Cells.str(r, "model_params")).toList());
    }

    public static Report build(SparkSession spark, ResultsDirectory results, List<Figure> figures, Instant now) {
        return new ReportBuilder(spark, results).build(figures, now);
    }

    private Report build(List<Figure> figures, Instant now) {
        List<GroupFinding> findings = List.of();
        List<Report.Block> findingBlocks = new ArrayList<>();
        if (results.has(ResultTables.FITS)) {
            results.read(spark, ResultTables.FITS).createOrReplaceTempView("fits");
            findings = findings();
            findingBlocks.add(new Report.Paragraph("One row per group of points (model variant, N, knob value), "
                    + "from the fits of memory capacity MC against readout count L: the power law MC = a·L^α with "
                    + "its 95% interval over a bootstrap of the replicas, and the saturating law MC = M·L/(L + L½)."));
            findingBlocks.add(new Report.Table(null, GroupFinding.HEADER,
                    findings.stream().map(GroupFinding::cells).toList(), "growth: sublinear for α < 0.9, about linear "
                    + "up to 1.1, undetermined when the interval includes 1 (linear growth) or 0 (no growth). "
                    + "saturation: M and L½ of the saturating law, or " + GroupFinding.NO_SATURATION + " when it was "
                    + "not determined, puts M above N, or puts L½ beyond the largest measured L. L sublinear: where "
                    + "MC/L drops below the sublinearity level (≤: already at the smallest L measured)."));
            onsets().ifPresent(findingBlocks::add);
            if (results.has(ResultTables.LAWS)) {
                laws().ifPresent(findingBlocks::add);
            }
        } else {
            findingBlocks.add(new Report.Paragraph("No fits table: run 'rcsweep fit " + results + "'."));
        }
        List<TheoryError> theory = spark.sql(TheoryError.query()).collectAsList().stream()
                .map(r -> TheoryError.from(r, variants.get(Cells.str(r, "model_params")))).toList();

        List<Report.Section> sections = new ArrayList<>();
        List<Report.Block> summary = new ArrayList<>();
        summary.add(new Report.Bullets(Summary.sentences(findings, theory)));
        sections.add(new Report.Section("Summary", summary));
        sections.add(new Report.Section("Sweep", sweep()));
        sections.add(new Report.Section("Findings per group", findingBlocks));
        sections.add(new Report.Section("Theory versus simulation", List.of(new Report.Paragraph("Relative error of "
                + "each theory's memory capacity against the simulated one, |mc_theory − mc_total| / mc_total, mean "
                + "over the readout counts L and replicas of each group (— : the theory was not computed)."),
                new Report.Table(null, TheoryError.HEADER, theory.stream().map(TheoryError::cells).toList(), null))));
        List<Report.Block> figureBlocks = new ArrayList<>();
        for (Figure f : figures) {
            figureBlocks.add(new Report.FigureRef(f.title(), "figures/" + f.file().getFileName(), f.file(),
                    f.caption()));
        }
        if (figureBlocks.isEmpty()) {
            figureBlocks.add(new Report.Paragraph("No figures."));
        }
        sections.add(new Report.Section("Figures", figureBlocks));
        List<Report.Block> specs = new ArrayList<>();
        for (String spec : results.list(ResultsDirectory.SPECS, ".yaml")) {
            specs.add(new Report.Code("Spec " + spec, "yaml", results.readText(ResultsDirectory.SPECS + "/" + spec)));
        }
        if (!specs.isEmpty()) {
            sections.add(new Report.Section("Specs", specs));
        }
        return new Report("rcsweep report: " + results, metadata(now), sections);
    }

    private List<Report.Meta> metadata(Instant now) {
        List<String> versions = spark.sql("SELECT DISTINCT code_version FROM points ORDER BY code_version")
                .collectAsList().stream().map(r -> Objects.requireNonNullElse(Cells.str(r, "code_version"), "unknown"))
                .toList();
        return List.of(new Report.Meta("Generated", UTC.format(now)),
                new Report.Meta("Report by", "rcsweep " + CodeVersion.get() + ", Spark " + spark.version()),
                new Report.Meta("Data computed by", "rcsweep " + String.join(", ", versions)),
                new Report.Meta("Results directory", results.toString()));
    }

    // --------------------------------------------------------------------------------------------------- sweep

    private List<Report.Block> sweep() {
        Row c = spark.sql("SELECT count(DISTINCT point_id) AS points, count(*) AS rows, "
                + "count(DISTINCT model_params) AS variants, array_sort(collect_set(model)) AS models, "
                + "array_sort(collect_set(n)) AS sizes, array_sort(collect_set(knob)) AS knobs, "
                + "array_sort(collect_set(correlation)) AS knob_values, array_sort(collect_set(readouts)) AS ls, "
                + "max(replica) + 1 AS replicas FROM points").first();
        Row t = spark.sql("SELECT sum(t) AS seconds FROM (SELECT point_id, max(simulate_seconds + capacity_seconds "
                + "+ theory_seconds + ipc_seconds) AS t FROM points GROUP BY point_id)").first();
        List<Report.Block> blocks = new ArrayList<>();
        List<String> knobs = c.getList(c.fieldIndex("knobs"));
        String knobText = knobs.size() == 1 && "none".equals(knobs.get(0)) ? ""
                : String.join("/", knobs) + " ∈ {" + join(c.getList(c.fieldIndex("knob_values"))) + "}, ";
        Long points = Cells.lng(c, "points");
        blocks.add(new Report.Paragraph(String.format(Locale.ROOT, "%d points (%d rows: one per point and readout "
                        + "count L) of %d model variant(s) (%s) at N ∈ {%s}, %sL ∈ {%s}, with %s replica(s) each. "
                        + "Compute time summed over points: %s.", points, Cells.lng(c, "rows"),
                Cells.lng(c, "variants"), String.join(", ", c.<String>getList(c.fieldIndex("models"))),
                join(c.getList(c.fieldIndex("sizes"))), knobText, join(c.getList(c.fieldIndex("ls"))),
                Objects.toString(Cells.integer(c, "replicas"), "0"),
                Cells.duration(Objects.requireNonNullElse(Cells.dbl(t, "seconds"), 0.0)))));
        List<List<String>> statuses = spark.sql("SELECT status, count(DISTINCT point_id) AS points, count(*) AS rows "
                + "FROM points GROUP BY status ORDER BY status").collectAsList().stream()
                .map(r -> List.of(Cells.str(r, "status"), Cells.str(r, "points"), Cells.str(r, "rows"))).toList();
        blocks.add(new Report.Table("Status breakdown", List.of("status", "points", "rows"), statuses, null));
        blocks.addAll(runs());
        return blocks;
    }

    private static String join(List<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    private List<Report.Block> runs() {
        Dataset<Row> df = results.runs(spark);
        if (df == null) {
            return List.of(new Report.Paragraph("No run manifests under runs/ (the data was written by an earlier "
                    + "rcsweep or by hand)."));
        }
        List<String> columns = List.of(df.columns());
        List<Row> rows = df.orderBy(columns.contains("run_id") ? "run_id" : columns.get(0)).collectAsList();
        List<List<String>> cells = new ArrayList<>();
        double total = 0;
        for (Row r : rows) {
            Duration d = duration(Cells.str(r, "started"), Cells.str(r, "ended"));
            if (d != null) {
                total += d.toMillis() / 1000.0;
            }
            cells.add(List.of(orNone(Cells.str(r, "run_id")), orNone(time(Cells.str(r, "started"))),
                    d == null ? Cells.NONE : Cells.duration(d.toMillis() / 1000.0), orNone(Cells.str(r, "status")),
                    orNone(Cells.str(r, "points_planned")), orNone(Cells.str(r, "points_computed")),
                    orNone(Cells.str(r, "code_version")), orNone(Cells.str(r, "spark_version")),
                    orNone(Cells.str(r, "master"))));
        }
        return List.of(new Report.Table("Runs", List.of("run", "started", "run time", "status", "points planned",
                "points computed", "rcsweep", "Spark", "master"), cells, String.format(Locale.ROOT, "%d run(s) "
                + "(runs/*.json), total run time %s.", rows.size(), Cells.duration(total))));
    }

    private static String orNone(String s) {
        return s == null ? Cells.NONE : s;
    }

    private static Duration duration(String started, String ended) {
        try {
            return started == null || ended == null ? null
                    : Duration.between(Instant.parse(started), Instant.parse(ended));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String time(String instant) {
        try {
            return instant == null ? null : UTC.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    // ------------------------------------------------------------------------------------------------ findings

    private List<GroupFinding> findings() {
        List<Row> maxL = spark.sql("SELECT " + GROUP + ", max(readouts) AS max_l FROM points WHERE status = 'ok' "
                + "GROUP BY " + GROUP).collectAsList();
        List<Row> fits = spark.sql("SELECT " + GROUP + ", "
                + pick("power", "alpha", "estimate", "alpha") + pick("power", "alpha", "ci_low", "alpha_low")
                + pick("power", "alpha", "ci_high", "alpha_high") + pick("power", "alpha", "r2", "r2")
                + pick("saturating", "M", "estimate", "m_sat") + pick("saturating", "L_half", "estimate", "l_half")
                + pick("fraction_of_linear", "l_sublinear", "estimate", "l_sublinear")
                + pick("fraction_of_linear", "l_sublinear", "bound", "l_sublinear_bound")
                + "max(replicas) AS replicas FROM fits WHERE metric = 'mc_total' GROUP BY " + GROUP
                + " ORDER BY " + GROUP).collectAsList();
        List<GroupFinding> out = new ArrayList<>();
        for (Row f : fits) {
            Integer largest = maxL.stream().filter(p -> sameGroup(f, p)).map(p -> Cells.integer(p, "max_l"))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            out.add(GroupFinding.from(f, variants.get(Cells.str(f, "model_params")), largest));
        }
        return out;
    }

    /** {@code max(CASE WHEN law = .. AND parameter = .. THEN column END) AS alias, }. */
    private static String pick(String law, String parameter, String column, String alias) {
        return "max(CASE WHEN law = '" + law + "' AND parameter = '" + parameter + "' THEN " + column + " END) AS "
                + alias + ", ";
    }

    /** Whether a points group falls in a fit group (a column the fit was not grouped by, null there, matches all). */
    private static boolean sameGroup(Row fit, Row points) {
        for (String c : List.of("model", "model_params", "n", "knob", "correlation")) {
            Object f = Cells.get(fit, c);
            if (f != null && !f.equals(Cells.get(points, c))) {
                return false;
            }
        }
        return true;
    }

    private java.util.Optional<Report.Table> onsets() {
        List<Row> rows = spark.sql("SELECT " + GROUP + ", metric, estimate, level, bound FROM fits "
                + "WHERE law = 'onset' AND parameter = 'l_onset' AND metric LIKE 'ipc_degree_%' "
                + "ORDER BY " + GROUP + ", metric").collectAsList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        TreeSet<Integer> degrees = new TreeSet<>();
        TreeSet<String> levels = new TreeSet<>();
        Map<String, List<String>> heads = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> byGroup = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = Cells.str(r, "model_params") + "|" + Cells.get(r, "n") + "|" + Cells.str(r, "knob") + "|"
                    + Cells.get(r, "correlation");
            heads.computeIfAbsent(key, k -> List.of(
                    VariantLabels.named(Objects.toString(Cells.str(r, "model"), "all models"),
                            variants.get(Cells.str(r, "model_params"))),
                    Objects.toString(Cells.get(r, "n"), Cells.NONE), Objects.toString(Cells.str(r, "knob"), Cells.NONE),
                    Objects.toString(Cells.get(r, "correlation"), Cells.NONE)));
            int degree = Integer.parseInt(Cells.str(r, "metric").substring("ipc_degree_".length()));
            degrees.add(degree);
            Double level = Cells.dbl(r, "level");
            if (level != null) {
                levels.add(Cells.fixed(level));
            }
            Double l = Cells.dbl(r, "estimate");
            String cell = l == null ? "not reached" : "at_most".equals(Cells.str(r, "bound")) ? "≤ " + Cells.whole(l)
                    : "≈ " + Cells.one(l);
            byGroup.computeIfAbsent(key, k -> new TreeMap<>()).put(degree, cell);
        }
        List<String> header = new ArrayList<>(List.of("model", "N", "knob", "value"));
        degrees.forEach(d -> header.add("degree " + d));
        List<List<String>> cells = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : heads.entrySet()) {
            List<String> row = new ArrayList<>(e.getValue());
            degrees.forEach(d -> row.add(byGroup.get(e.getKey()).getOrDefault(d, Cells.NONE)));
            cells.add(row);
        }
        return java.util.Optional.of(new Report.Table("Onset of information processing capacity by degree", header,
                cells, "The readout count L at which the kept capacity of each degree first reaches "
                + String.join(" / ", levels) + " (interpolated between measured L); ≤ L: already reached at the "
                + "smallest L measured, so the onset lies at or below it; not reached: never within the measured L."));
    }

    private java.util.Optional<Report.Table> laws() {
        List<Row> rows = results.read(spark, ResultTables.LAWS)
                .orderBy("model", "model_params", "law", "knob", "correlation", "n", "degree").collectAsList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> fixed = new ArrayList<>();
            if (Cells.str(r, "knob") != null && !"none".equals(Cells.str(r, "knob"))) {
                fixed.add(Cells.str(r, "knob") + (Cells.get(r, "correlation") == null ? ""
                        : " = " + Cells.get(r, "correlation")));
            }
            if (Cells.get(r, "n") != null) {
                fixed.add("N = " + Cells.get(r, "n"));
            }
            if (Cells.get(r, "degree") != null) {
                fixed.add("degree " + Cells.get(r, "degree"));
            }
            Double slope = Cells.dbl(r, "slope");
            Double low = Cells.dbl(r, "ci_low");
            Integer groups = Cells.integer(r, "points_used");
            String slopeText = slope == null ? "not fitted" : String.format(Locale.ROOT, "%.3f", slope);
            String interval = slope == null ? Cells.NONE : low == null
                    ? String.format(Locale.ROOT, "none: a line through %d groups", groups)
                    : String.format(Locale.ROOT, "[%.3f, %.3f]", low, Cells.dbl(r, "ci_high"));
            Double r2 = Cells.dbl(r, "r2");
            cells.add(List.of(VariantLabels.named(Cells.str(r, "model"), variants.get(Cells.str(r, "model_params"))),
                    Cells.str(r, "y") + " vs " + Cells.str(r, "x"), fixed.isEmpty() ? Cells.NONE : String.join(", ",
                    fixed), slopeText, interval, r2 == null ? Cells.NONE : Cells.fixed(r2), Objects.toString(groups, "")));
        }
        return java.util.Optional.of(new Report.Table("Laws across groups", List.of("model", "relation",
                "held fixed", "slope", "95% interval", "r²", "groups"), cells, "Each line is a least-squares fit of "
                + "a group parameter (y) against x across the groups that share the fixed settings; the slope is the "
                + "change of y per unit of x."));
    }
}
