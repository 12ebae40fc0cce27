package org.rcsweep.jobs.report;

import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.plot.Figure;
import org.rcsweep.jobs.results.ResultsDirectory;

import java.time.Instant;
import java.util.List;

/**
 * Writes {@code report.md} (figures linked) and a self-contained {@code report.html} (figures embedded) of a results
 * directory: one {@link Report} built from its tables by {@link ReportBuilder}, rendered by
 * {@link MarkdownRenderer} and {@link HtmlRenderer}, and written through the results directory.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    /** Where the two files went. */
    public record Written(String markdown, String html) {
    }

    public static Written write(SparkSession spark, ResultsDirectory results, List<Figure> figures) {
        Report report = ReportBuilder.build(spark, results, figures, Instant.now());
        results.writeText(MARKDOWN, MarkdownRenderer.render(report));
        results.writeText(HTML, HtmlRenderer.render(report));
        return new Written(results.uri(MARKDOWN), results.uri(HTML));
    }
}
