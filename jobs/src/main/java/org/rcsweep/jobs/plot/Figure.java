package org.rcsweep.jobs.plot;

import java.nio.file.Path;
import java.util.List;

/** A rendered figure: its (local) file, a title and a one-sentence caption for reports. */
public record Figure(Path file, String title, String caption) {
    public static List<Path> files(List<Figure> figures) {
        return figures.stream().map(Figure::file).toList();
    }
}
