package org.rcsweep.jobs.plot;

import java.nio.file.Path;

/** A rendered figure: its file, a title and a one-sentence caption for reports. */
public record Figure(Path file, String title, String caption) {
}
