package org.rcsweep.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints a benchmark's findings as Markdown, so a run can be pasted into the README's performance table. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void heading(String text) {
        out.println();
        out.println("### " + text);
        out.println();
    }

    void line(String text) {
        out.println("- " + text);
    }

    void stages(List<Stage> stages) {
        out.println();
        out.println("| stage | seconds | GFLOP/s | reference GFLOP/s | ratio | note |");
        out.println("|---|---|---|---|---|---|");
        for (Stage s : stages) {
            out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %s |%n", s.name(), s.seconds(), s.gflops(),
                    s.referenceGflops(), s.ratio(), s.note());
        }
        out.println();
    }
}
