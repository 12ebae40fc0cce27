package org.rcsweep.jobs.report;

import java.util.List;

/** {@code report.md}: a {@link Report} as GitHub-flavoured Markdown, figures linked by their relative path. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        for (Report.Meta m : report.metadata()) {
            md.append("- **").append(m.label()).append(":** ").append(m.value()).append('\n');
        }
        if (!report.metadata().isEmpty()) {
            md.append('\n');
        }
        for (Report.Section s : report.sections()) {
            md.append("## ").append(s.heading()).append("\n\n");
            for (Report.Block b : s.blocks()) {
                block(md, b);
            }
        }
        return md.toString();
    }

    private static void block(StringBuilder md, Report.Block block) {
        if (block instanceof Report.Paragraph p) {
            md.append(p.text()).append("\n\n");
        } else if (block instanceof Report.Bullets b) {
            b.items().forEach(i -> md.append("- ").append(i).append('\n'));
            md.append('\n');
        } else if (block instanceof Report.Table t) {
            table(md, t);
        } else if (block instanceof Report.FigureRef f) {
            md.append("### ").append(f.title()).append("\n\n![").append(f.title()).append("](").append(f.link())
                    .append(")\n\n").append(f.caption()).append("\n\n");
        } else if (block instanceof Report.Code c) {
            md.append("### ").append(c.name()).append("\n\n```").append(c.language()).append('\n').append(c.text())
                    .append(c.text().endsWith("\n") ? "" : "\n").append("```\n\n");
        }
    }

    private static void table(StringBuilder md, Report.Table t) {
        if (t.title() != null) {
            md.append("### ").append(t.title()).append("\n\n");
        }
        row(md, t.header());
        md.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            md.append("---|");
        }
        md.append('\n');
        t.rows().forEach(r -> row(md, r));
        md.append('\n');
        if (t.note() != null) {
            md.append(t.note()).append("\n\n");
        }
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells.stream().map(MarkdownRenderer::cell).toList()))
                .append(" |\n");
    }

    /** A cell on one line, its pipes escaped so they do not end the cell. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
