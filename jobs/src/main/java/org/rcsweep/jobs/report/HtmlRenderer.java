package org.rcsweep.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** {@code report.html}: a {@link Report} as one self-contained page, figures embedded as base64 PNG. */
public final class HtmlRenderer {
    /** A cell that reads as a number (a bound, a percentage, an interval end): right-aligned. */
    private static final Pattern NUMERIC = Pattern.compile("[≤≥≈]?\\s*[-−+]?\\d[\\d.,]*(e[-+]?\\d+)?\\s*%?"
            + "( \\[[-−+]?[\\d.]+, [-−+]?[\\d.]+])?|\\[[-−+]?[\\d.]+, [-−+]?[\\d.]+]|—");
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
            + "h1{font-size:1.7em;margin-bottom:.3em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;"
            + "padding-bottom:.2em}h3{font-size:1.1em;margin-top:1.4em}"
            + "dl.meta{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;font-size:.95em}"
            + "dl.meta dt{font-weight:600}dl.meta dd{margin:0}"
            + "table{border-collapse:collapse;margin:.6em 0;font-size:.9em}"
            + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
            + "tr:nth-child(even) td{background:#fafafa}p.note{font-size:.85em;color:#555}"
            + "figure{margin:1.2em 0}figure img{max-width:100%;border:1px solid #eee}"
            + "figcaption{font-size:.9em;color:#444}"
            + "pre{background:#f5f5f5;padding:1em;overflow:auto;font-size:.85em}";

    private HtmlRenderer() {
    }

    public static String render(Report report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(report.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(report.title())).append("</h1>\n");
        if (!report.metadata().isEmpty()) {
            html.append("<dl class=\"meta\">");
            for (Report.Meta m : report.metadata()) {
                html.append("<dt>").append(escape(m.label())).append("</dt><dd>").append(escape(m.value()))
                        .append("</dd>");
            }
            html.append("</dl>\n");
        }
        for (Report.Section s : report.sections()) {
            html.append("<section><h2>").append(escape(s.heading())).append("</h2>\n");
            for (Report.Block b : s.blocks()) {
                block(html, b);
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder html, Report.Block block) {
        if (block instanceof Report.Paragraph p) {
            html.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Report.Bullets b) {
            html.append("<ul>");
            b.items().forEach(i -> html.append("<li>").append(escape(i)).append("</li>"));
            html.append("</ul>\n");
        } else if (block instanceof Report.Table t) {
            table(html, t);
        } else if (block instanceof Report.FigureRef f) {
            html.append("<figure><h3>").append(escape(f.title())).append("</h3><img alt=\"").append(escape(f.title()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(bytes(f)))
                    .append("\"><figcaption>").append(escape(f.caption())).append("</figcaption></figure>\n");
        } else if (block instanceof Report.Code c) {
            html.append("<h3>").append(escape(c.name())).append("</h3><pre><code class=\"").append(escape(c.language()))
                    .append("\">").append(escape(c.text())).append("</code></pre>\n");
        }
    }

    private static void table(StringBuilder html, Report.Table t) {
        if (t.title() != null) {
            html.append("<h3>").append(escape(t.title())).append("</h3>");
        }
        html.append("<table><thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> r : t.rows()) {
            html.append("<tr>");
            for (String c : r) {
                html.append(NUMERIC.matcher(c).matches() ? "<td class=\"num\">" : "<td>").append(escape(c))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
        if (t.note() != null) {
            html.append("<p class=\"note\">").append(escape(t.note())).append("</p>\n");
        }
    }

    private static byte[] bytes(Report.FigureRef f) {
        try {
            return Files.readAllBytes(f.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read figure " + f.file(), e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
