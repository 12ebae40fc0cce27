package org.rcsweep.jobs.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One report model, two renderings that carry the same content. */
class ReportRenderTest {
    @TempDir
    Path tmp;

    private Report report() throws IOException {
        Path png = tmp.resolve("fig.png");
        Files.write(png, new byte[] {1, 2, 3});
        return new Report("rcsweep report: /r", List.of(new Report.Meta("Generated", "2025-01-02 03:04:05 UTC")),
                List.of(new Report.Section("Summary", List.of(new Report.Bullets(List.of("MC < N & grows.")))),
                        new Report.Section("Findings", List.of(new Report.Table("Groups", List.of("model", "α"),
                                List.of(List.of("esn (a|b)", "0.45 [0.41, 0.49]")), "a note"))),
                        new Report.Section("Figures", List.of(new Report.FigureRef("MC vs L", "figures/fig.png", png,
                                "A caption."))),
                        new Report.Section("Specs", List.of(new Report.Code("Spec quick.yaml", "yaml",
                                "name: <q>\n")))));
    }

    @Test
    void markdownHasEveryPartWithPipesEscaped() throws IOException {
        String md = MarkdownRenderer.render(report());
        assertTrue(md.startsWith("# rcsweep report: /r\n\n- **Generated:** 2025-01-02 03:04:05 UTC\n"), md);
        assertTrue(md.contains("## Summary\n\n- MC < N & grows.\n"), md);
        assertTrue(md.contains("### Groups\n\n| model | α |\n|---|---|\n| esn (a\\|b) | 0.45 [0.41, 0.49] |\n\na note"),
                md);
        assertTrue(md.contains("![MC vs L](figures/fig.png)\n\nA caption."), md);
        assertTrue(md.contains("```yaml\nname: <q>\n```"), md);
    }

    @Test
    void htmlEscapesTextEmbedsFiguresAndRightAlignsNumbers() throws IOException {
        String html = HtmlRenderer.render(report());
        assertTrue(html.contains("<li>MC &lt; N &amp; grows.</li>"), html);
        assertTrue(html.contains("<dt>Generated</dt><dd>2025-01-02 03:04:05 UTC</dd>"), html);
        assertTrue(html.contains("<td>esn (a|b)</td><td class=\"num\">0.45 [0.41, 0.49]</td>"), html);
        assertTrue(html.contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {1, 2,
            3}) + "\""), html);
        assertTrue(html.contains("name: &lt;q&gt;"), html);
        assertEquals(4, html.split("<section>", -1).length - 1);
    }

    @Test
    void aRowMustMatchItsHeader() {
        assertThrows(IllegalArgumentException.class, () -> new Report.Table(null, List.of("a", "b"),
                List.of(List.of("1")), null));
    }
}
