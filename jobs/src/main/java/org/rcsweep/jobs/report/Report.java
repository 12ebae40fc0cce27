package org.rcsweep.jobs.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The content of a report, independent of its output format: a title, metadata (label and value pairs) and
 * sections, each a list of blocks. {@link MarkdownRenderer} and {@link HtmlRenderer} turn the same report into
 * {@code report.md} and {@code report.html}, so the two cannot drift apart.
 */
public record Report(String title, List<Meta> metadata, List<Section> sections) {
    public Report {
        metadata = List.copyOf(metadata);
        sections = List.copyOf(sections);
    }

    /** One line of the metadata block at the top ("Generated", "rcsweep version", ...). */
    public record Meta(String label, String value) {
    }

    /** A titled part of the report; blocks appear in order. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A part of a section. */
    public sealed interface Block permits Paragraph, Bullets, Table, FigureRef, Code {
    }

    /** A paragraph of plain text (renderers escape it). */
    public record Paragraph(String text) implements Block {
    }

    /** A short list of plain-text items. */
    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table of text cells with an optional title (null for none) and an optional note printed under it.
     * Every row has as many cells as the header.
     */
    public record Table(String title, List<String> header, List<List<String>> rows, String note) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + r.size() + " cells under a header of "
                            + header.size() + ": " + r);
                }
            }
        }
    }

    /**
     * A figure: {@code link} is its path relative to the report (Markdown links it), {@code file} the local PNG
     * (HTML embeds its bytes).
     */
    public record FigureRef(String title, String link, Path file, String caption) implements Block {
    }

    /** A preformatted text (a spec) with its name and language ("yaml"). */
    public record Code(String name, String language, String text) implements Block {
    }
}
