package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.analysis.VariantLabels;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.tables.ResultTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code report.md} (figures linked) and a self-contained {@code report.html} (figures embedded) from the
 * tables of a results directory: specs, counts, status breakdown, the fit table, one plain-words sentence per law,
 * and every figure.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public record Report(String markdown, String html) {
    }

    public static Report write(SparkSession spark, ResultsDirectory results, List<Figure> figures) {
        results.read(spark, ResultTables.POINTS).createOrReplaceTempView("points");
        StringBuilder md = new StringBuilder();
        StringBuilder html = new StringBuilder();
        md.append("# rcsweep report: ").append(results).append("\n\n");
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>rcsweep report</title><style>")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}img{max-width:100%}")
                .append("pre{background:#f5f5f5;padding:1em;overflow:auto}</style></head><body>")
                .append("<h1>rcsweep report: ").append(escape(results.toString())).append("</h1>");

        Row counts = spark.sql("SELECT count(DISTINCT point_id), count(*), count(DISTINCT model), "
                + "count(DISTINCT n), count(DISTINCT correlation), count(DISTINCT readouts), max(replica) + 1 "
                + "FROM points").first();
        String summary = String.format(Locale.ROOT, "%d points (%d rows: one per point and readout count) over %d "
                        + "model kind(s), %d size(s) N, %d correlation value(s), %d readout count(s) and %d replica(s).",
                counts.getLong(0), counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getLong(4),
                counts.getLong(5), counts.isNullAt(6) ? 0 : counts.getInt(6));
        md.append("## Sweep\n\n").append(summary).append("\n\n");
        html.append("<h2>Sweep</h2><p>").append(escape(summary)).append("</p>");

        List<Row> statuses = spark.sql("SELECT status, count(DISTINCT point_id) AS points, count(*) AS rows "
                + "FROM points GROUP BY status ORDER BY status").collectAsList();
        table(md, html, "Status breakdown", new String[] {"status", "points", "rows"}, rows(statuses));

        for (String spec : results.list(ResultsDirectory.SPECS, ".yaml")) {
            String text = results.readText(ResultsDirectory.SPECS + "/" + spec);
            md.append("### Spec `").append(spec).append("`\n\n```yaml\n").append(text).append("```\n\n");
            html.append("<h3>Spec ").append(escape(spec)).append("</h3><pre>")
                    .append(escape(text)).append("</pre>");
        }

        if (results.has(ResultTables.FITS)) {
            results.read(spark, ResultTables.FITS).createOrReplaceTempView("fits");
            List<Row> fitTable = spark.sql("SELECT model, n, knob, correlation, "
                    + "max(CASE WHEN law = 'power' AND parameter = 'alpha' THEN estimate END) AS alpha, "
                    + "max(CASE WHEN law = 'power' AND parameter = 'alpha' THEN ci_low END) AS alpha_low, "
                    + "max(CASE WHEN law = 'power' AND parameter = 'alpha' THEN ci_high END) AS alpha_high, "
                    + "max(CASE WHEN law = 'power' AND parameter = 'alpha' THEN r2 END) AS r2, "
                    + "max(CASE WHEN law = 'saturating' AND parameter = 'M' THEN estimate END) AS m_sat, "
                    + "max(CASE WHEN law = 'saturating' AND parameter = 'L_half' THEN estimate END) AS l_half, "
                    + "max(CASE WHEN parameter = 'l_sublinear' THEN estimate END) AS l_sublinear, "
                    + "max(replicas) AS replicas, model_params, "
                    + "max(CASE WHEN parameter = 'l_sublinear' THEN bound END) AS l_sublinear_bound "
                    + "FROM fits WHERE metric = 'mc_total' GROUP BY model, model_params, n, knob, correlation "
                    + "ORDER BY model, model_params, n, knob, correlation").collectAsList();
            Map<String, String> variants = VariantLabels.of(spark.sql("SELECT DISTINCT model_params FROM fits "
                    + "WHERE model_params IS NOT NULL").collectAsList().stream().map(r -> r.getString(0)).toList());
            List<String[]> fitCells = rows(fitTable);
            for (int i = 0; i < fitCells.size(); i++) {
                String[] cells = fitCells.get(i);
                cells[0] = VariantLabels.named(cells[0], variants.get(fitTable.get(i).getString(12)));
                // The knob's value is a setting from the spec, not a measurement: as written (0.5, not 0.500).
                Object value = fitTable.get(i).get(3);
                cells[3] = value == null ? "—" : String.valueOf(value);
                if (!fitTable.get(i).isNullAt(13) && !fitTable.get(i).isNullAt(10)) {
                    cells[10] = "≤ " + whole(fitTable.get(i).getDouble(10)); // an upper bound (fits.bound)
                }
                fitCells.set(i, java.util.Arrays.copyOf(cells, 12));
            }
            table(md, html, "Scaling of memory capacity with readout count", new String[] {"model", "N", "knob",
                "value", "α", "α low", "α high", "r²", "M", "L½", "L sublinear", "replicas"}, fitCells);
            List<String> sentences = new ArrayList<>();
            for (int i = 0; i < fitTable.size(); i++) {
                sentences.add(sentence(fitTable.get(i), variants.get(fitTable.get(i).getString(12))));
            }
            List<Row> onsets = spark.sql("SELECT model, n, knob, correlation, metric, estimate, level, model_params, "
                    + "bound "
                    + "FROM fits WHERE law = 'onset' AND estimate IS NOT NULL "
                    + "ORDER BY model, model_params, n, knob, correlation, metric").collectAsList();
            for (Row r : onsets) {
                String where = String.format(Locale.ROOT, "%s, N = %s, %s = %s: %s capacity ",
                        VariantLabels.named(r.getString(0), variants.get(r.getString(7))), r.get(1), r.get(2),
                        r.get(3), r.getString(4).replace("ipc_degree_", "degree-"));
                sentences.add(where + (r.isNullAt(8)
                        ? String.format(Locale.ROOT, "first reaches %.2f at L ≈ %.1f.", r.getDouble(6), r.getDouble(5))
                        : String.format(Locale.ROOT, "is at or above %.2f already at the smallest L measured (%s), so "
                                + "its onset lies at or below it.", r.getDouble(6), whole(r.getDouble(5)))));
            }
            if (results.has(ResultTables.LAWS)) {
                List<Row> laws = results.read(spark, ResultTables.LAWS).collectAsList();
                for (Row r : laws) {
                    sentences.add(lawSentence(r, variants.get(r.getString(14))));
                }
            }
            md.append("## In plain words\n\n");
            html.append("<h2>In plain words</h2><ul>");
            for (String s : sentences) {
                md.append("- ").append(s).append('\n');
                html.append("<li>").append(escape(s)).append("</li>");
            }
            md.append('\n');
            html.append("</ul>");
        }

        md.append("## Figures\n\n");
        html.append("<h2>Figures</h2>");
        for (Figure f : figures) {
            String rel = "figures/" + f.file().getFileName();
            md.append("### ").append(f.title()).append("\n\n![").append(f.title()).append("](").append(rel)
                    .append(")\n\n").append(f.caption()).append("\n\n");
            html.append("<h3>").append(escape(f.title())).append("</h3><img alt=\"").append(escape(f.title()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(bytes(f.file()))).append("\"><p>")
                    .append(escape(f.caption())).append("</p>");
        }
        html.append("</body></html>\n");
        results.writeText("report.md", md.toString());
        results.writeText("report.html", html.toString());
        return new Report(results.uri("report.md"), results.uri("report.html"));
    }

    static String sentence(Row r, String variant) {
        String head = String.format(Locale.ROOT, "%s, N = %s, %s = %s: ", VariantLabels.named(r.getString(0), variant),
                r.get(1), r.get(2), r.get(3));
        if (r.isNullAt(4)) {
            return head + "the power law could not be fitted.";
        }
        double alpha = r.getDouble(4);
        String shape = alpha < 0.9 ? "sublinearly" : alpha <= 1.1 ? "about linearly" : "superlinearly";
        String ci = "";
        String includes = null;
        if (!r.isNullAt(5)) {
            double low = r.getDouble(5);
            double high = r.getDouble(6);
            // The replicas cannot tell this exponent from linear growth, or from none: claim no shape then.
            boolean linear = low <= 1 && high >= 1 && !shape.equals("about linearly");
            includes = linear && low <= 0 ? "both no growth and linear growth" : linear ? "linear growth"
                    : low <= 0 ? "no growth" : null;
            ci = String.format(Locale.ROOT, " (95%% interval %.2f to %.2f%s)", low, high,
                    includes == null ? "" : ", which includes " + includes);
        }
        StringBuilder s = new StringBuilder(head).append(String.format(Locale.ROOT,
                "memory capacity %s with readout count as L^%.2f%s", includes == null ? "grows " + shape : "scales",
                alpha, ci));
        if (!r.isNullAt(8) && !r.isNullAt(9)) {
            s.append(String.format(Locale.ROOT, "; a saturating fit levels off at M = %.1f with half of it reached at "
                    + "L = %.1f", r.getDouble(8), r.getDouble(9)));
        } else {
            s.append("; it shows no saturation within the measured L (the saturating law is undetermined)");
        }
        if (!r.isNullAt(10) && !r.isNullAt(13)) {
            s.append(String.format(Locale.ROOT, "; MC/L is below the sublinearity level already at the smallest L "
                    + "measured (%s)", whole(r.getDouble(10))));
        } else if (!r.isNullAt(10)) {
            s.append(String.format(Locale.ROOT, "; MC/L drops below the sublinearity level at L ≈ %.1f",
                    r.getDouble(10)));
        }
        return s.append('.').toString();
    }

    /** A readout count as written: 5, not 5.0. */
    private static String whole(double l) {
        return l == Math.rint(l) ? String.valueOf((long) l) : String.format(Locale.ROOT, "%.1f", l);
    }

    static String lawSentence(Row r, String variant) {
        String law = r.getString(0);
        String where = String.format(Locale.ROOT, "%s, %s%s%s%s", VariantLabels.named(r.getString(1), variant),
                r.get(2),
                r.isNullAt(3) ? "" : " = " + r.get(3), r.isNullAt(4) ? "" : ", N = " + r.get(4),
                r.isNullAt(5) ? "" : ", degree " + r.get(5));
        if (r.isNullAt(8)) {
            return where + ": " + law + " could not be fitted.";
        }
        // A line through two groups fits exactly: say so rather than print a slope that looks as firm as the others.
        String ci = r.isNullAt(10)
                ? String.format(Locale.ROOT, " (a line through %d groups: no interval)", r.getInt(13))
                : String.format(Locale.ROOT, " (95%% interval %.3f to %.3f, %d groups)", r.getDouble(10),
                        r.getDouble(11), r.getInt(13));
        return String.format(Locale.ROOT, "%s: %s changes by %.3f per unit of %s%s.", where, r.getString(7),
                r.getDouble(8), r.getString(6), ci);
    }

    private static void table(StringBuilder md, StringBuilder html, String title, String[] header, List<String[]> rows) {
        md.append("## ").append(title).append("\n\n| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.length; i++) {
            md.append("---|");
        }
        md.append('\n');
        html.append("<h2>").append(escape(title)).append("</h2><table><tr>");
        for (String h : header) {
            html.append("<th>").append(escape(h)).append("</th>");
        }
        html.append("</tr>");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
            html.append("<tr>");
            for (String c : r) {
                html.append("<td>").append(escape(c)).append("</td>");
            }
            html.append("</tr>");
        }
        md.append('\n');
        html.append("</table>");
    }

    private static List<String[]> rows(List<Row> rows) {
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            String[] cells = new String[r.length()];
            for (int i = 0; i < r.length(); i++) {
                Object v = r.get(i);
                cells[i] = v == null ? "—" : v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d)
                        : String.valueOf(v);
            }
            out.add(cells);
        }
        return out;
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
