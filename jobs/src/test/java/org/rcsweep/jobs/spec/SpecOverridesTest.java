package org.rcsweep.jobs.spec;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpecException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --set path=value} edits the YAML tree before parsing; the effective spec is what a sweep stores. */
class SpecOverridesTest {
    private static final String QUICK = "../examples/quick.yaml";

    private static SweepSpec parse(String yaml, String... overrides) {
        return SweepSpecParser.parse(SpecOverrides.apply(yaml, List.of(overrides), "spec.yaml"));
    }

    private static SpecException error(String yaml, String... overrides) {
        return assertThrows(SpecException.class, () -> parse(yaml, overrides));
    }

    private static List<String> ids(SweepSpec spec) {
        return SweepPlanner.plan(spec).stream().map(PointSpec::id).toList();
    }

    @Test
    void overridesReplaceFieldsListsAndEntries() throws Exception {
        String quick = Files.readString(Path.of(QUICK));
        SweepSpec spec = parse(quick, "sizes=[100,200]", "input.steps=20000", "models[0].gain=[0.5,1.0]");
        assertEquals(List.of(100, 200), spec.sizes());
        assertEquals(20000, spec.input().steps());
        assertEquals(500, spec.input().washout(), "fields next to an overridden one are kept");
        assertEquals(List.of(0.5, 1.0), spec.models().stream().map(m -> ((EsnSpec) m).gain()).toList());
        assertEquals(0.5, ((EsnSpec) spec.models().get(0)).inputScale());
        // the same spec written out by hand plans the same points
        String byHand = quick.replace("sizes: [40, 80]", "sizes: [100, 200]").replace("steps: 6000", "steps: 20000")
                .replace("gain: 0.9 ", "gain: [0.5, 1.0] ");
        assertEquals(ids(SweepSpecParser.parse(byHand)), ids(spec));
        // an entry of a list, a new section, an appended model, a removed field (back to its default)
        SweepSpec more = parse(quick, "sizes[1]=60", "run.batch_points=3", "models[1]={kind: orthogonal, rho: 0.5}",
                "capacity.estimator=", "name=other");
        assertEquals(List.of(40, 60), more.sizes());
        assertEquals(3, more.batchPoints());
        assertEquals(2, more.models().size());
        assertEquals("holdout", more.capacity().estimator().label());
        assertEquals("other", more.name());
        SweepSpec noIpc = parse("models: [{kind: esn}]\nsizes: [10]\nreadouts: [1]\n", "ipc.max_degree=2");
        assertTrue(noIpc.ipc().enabled());
        assertEquals(2, noIpc.ipc().maxDegree());
    }

    @Test
    void withoutOverridesTheTextIsKeptAndWithThemItIsTheEffectiveSpec() throws Exception {
        String quick = Files.readString(Path.of(QUICK));
        assertEquals(quick, SpecOverrides.apply(quick, List.of(), QUICK));
        SpecSource plain = SpecSource.read(QUICK, new Configuration());
        assertEquals(quick, plain.text());
        SpecSource source = SpecSource.read(QUICK, new Configuration(), List.of("sizes=[40]", "replicas=1"));
        assertTrue(source.text().startsWith("# The effective spec: " + QUICK + " with --set sizes=[40] --set "
                + "replicas=1\n"), source.text());
        SweepSpec stored = SweepSpecParser.parse(source.text());
        assertEquals(List.of(40), stored.sizes());
        assertEquals(ids(source.parse()), ids(stored), "the stored text plans exactly the points that run");
        assertEquals(3, ids(stored).size());
        assertEquals(ids(SweepSpecParser.parse(quick.replace("[40, 80]", "[40]").replace("replicas: 2", "replicas: 1"))),
                ids(stored));
    }

    @Test
    void unknownPathsAreErrorsNamingThePath() {
        String base = "models: [{kind: esn}]\nsizes: [10]\nreadouts: [1]\n";
        SpecException steps = error(base, "input.stepz=100");
        assertEquals("input.stepz", steps.field());
        assertTrue(steps.getMessage().contains("unknown field 'stepz' (did you mean 'steps'?); known fields here: "
                + "distribution, steps, streams, washout"), steps.getMessage());
        assertTrue(steps.getMessage().contains("--set input.stepz=100"), steps.getMessage());
        SpecException top = error(base, "modles[0].gain=1");
        assertEquals("modles", top.field());
        assertTrue(top.getMessage().contains("(did you mean 'models'?)"), top.getMessage());
        SpecException model = error(base, "models[0].gian=1");
        assertEquals("models[0].gian", model.field());
        assertTrue(model.getMessage().contains("(did you mean 'gain'?)") && !model.getMessage().contains("rho"),
                "the esn's own fields: " + model.getMessage());
        SpecException missing = error(base, "models[3].gain=1");
        assertEquals("models[3]", missing.field());
        assertTrue(missing.getMessage().contains("models has 1 entry"), missing.getMessage());
        SpecException notList = error(base, "input[0]=1");
        assertEquals("input", notList.field());
        SpecException notMap = error(base, "sizes.x=1");
        assertEquals("sizes", notMap.field());
        SpecException syntax = error(base, "input..steps=1");
        assertEquals("input..steps", syntax.field());
        SpecException noValue = error(base, "input.steps");
        assertEquals("(--set)", noValue.field());
        SpecException yaml = error(base, "sizes=[10, 20");
        assertEquals("sizes", yaml.field());
        assertTrue(yaml.getMessage().contains("is not YAML"), yaml.getMessage());
        // the value itself is checked by the parser as if written in the file
        SpecException range = error(base, "models[0].gain=[0.5,12]");
        assertEquals("models[0].gain[1]", range.field());
    }

    @Test
    void anEmptyValueRemovesTheField() {
        SweepSpec spec = parse("models: [{kind: esn}]\nsizes: [10]\nreadouts: [1]\ncapacity: {max_delay: 5}\n",
                "capacity.max_delay=");
        assertNull(spec.capacity().maxDelay());
        assertFalse(SpecOverrides.apply("sizes: [1]\n", List.of("seed=4"), "x").contains("null"));
    }
}
