package org.rcsweep.jobs.cli;

import org.rcsweep.jobs.spec.PlanEstimate;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code rcsweep validate SPEC [--master URL]}: parse the spec and check its plan (size, memory per point, work)
 * without listing its points and without Spark; {@code --master} says where the sweep will run, as for
 * {@code sweep} (local mode by default, where the heap of this JVM is the limit).
 */
final class ValidateCommand {
    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("master"));
        String file = a.positional(0, "SPEC (a sweep YAML file)");
        a.expectPositional(1);
        SweepSpec spec = SweepSpecParser.parse(Path.of(file));
        PlanEstimate plan = PlanEstimate.of(spec);
        PlanEstimate.Machine machine = PlanEstimate.Machine.of(a.option("master"));
        for (String warning : plan.check(machine)) {
            err.println("rcsweep validate: warning: " + warning);
        }
        out.println(file + ": valid; sweep '" + spec.name() + "' plans " + plan.points()
                + (plan.points() == 1 ? " point" : " points"));
        for (String line : plan.describe(machine)) {
            out.println("  " + line);
        }
        return Main.OK;
    }
}
