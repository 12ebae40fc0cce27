package org.rcsweep.jobs.cli;

import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code rcsweep validate SPEC}: parse and plan without Spark. */
final class ValidateCommand {
    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of());
        String file = a.positional(0, "SPEC (a sweep YAML file)");
        a.expectPositional(1);
        SweepSpec spec = SweepSpecParser.parse(Path.of(file));
        int points = SweepPlanner.plan(spec).size();
        out.println(file + ": valid; sweep '" + spec.name() + "' plans " + points
                + (points == 1 ? " point" : " points"));
        return Main.OK;
    }
}
