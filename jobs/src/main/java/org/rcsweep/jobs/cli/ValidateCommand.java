package org.rcsweep.jobs.cli;

import org.rcsweep.jobs.results.HadoopConf;
import org.rcsweep.jobs.spec.PlanEstimate;
import org.rcsweep.jobs.spec.SpecSource;
import org.rcsweep.jobs.spec.SweepSpec;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code rcsweep validate SPEC [--set path=value]… [--master URL]}: parse the spec (with its {@code --set}
 * overrides) and check its plan (size, memory and time per point and in total) without listing its points and
 * without Spark; {@code --master} says where the sweep will run, as for {@code sweep} (local mode by default, where
 * the heap of this JVM is the limit).
 */
final class ValidateCommand {
    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, Set.of("master", "set"));
        String file = a.positional(0, "SPEC (a sweep YAML file)");
        a.expectPositional(1);
        SweepSpec spec = SpecSource.read(file, HadoopConf::fromEnvironment, a.all("set")).parse();
        PlanEstimate plan = PlanEstimate.of(spec);
        PlanEstimate.Machine machine = PlanEstimate.Machine.of(a.option("master"));
        for (String warning : plan.check(machine)) {
            err.println("rcsweep validate: warning: " + warning);
        }
        printPlan(file, a.all("set"), spec, plan, machine, out);
        return Main.OK;
    }

    /** The plan, as {@code validate} and {@code sweep --dry-run} print it. */
    static void printPlan(String file, List<String> overrides, SweepSpec spec, PlanEstimate plan,
                          PlanEstimate.Machine machine, PrintStream out) {
        out.println(file + (overrides.isEmpty() ? "" : " with " + overrides.size() + " --set override"
                + (overrides.size() == 1 ? "" : "s")) + ": valid; sweep '" + spec.name() + "' plans " + plan.points()
                + (plan.points() == 1 ? " point" : " points") + " (" + plan.grid() + ")");
        for (String line : plan.describe(machine)) {
            out.println("  " + line);
        }
    }
}
