package org.rcsweep.jobs.spec;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.LifSpec;
import org.rcsweep.spec.LowRankSparseSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpecException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model field given as a list sweeps its values; scalars, and so every existing spec, plan exactly as before. */
class ModelGridTest {
    private static final String BASE = "name: g\nseed: 3\nsizes: [20, 30]\nreadouts: [2, 10]\nreplicas: 2\n"
            + "input: {steps: 400, washout: 20}\ncorrelation: {knob: shared-input, values: [0.0, 0.5]}\n";

    private static List<String> ids(String yaml) {
        return SweepPlanner.plan(SweepSpecParser.parse(yaml)).stream().map(PointSpec::id).toList();
    }

    private static SpecException error(String yaml) {
        return assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml));
    }

    /**
     * The point ids of every example as planned by the parser before model lists existed (count, SHA-256 of the ids
     * joined by newlines in plan order, first id). spiking.yaml gained the four learned-spiking-memory points at its
     * end; its first ten ids are the earlier list's (their SHA-256 is 01993ec8…ba10, the pin before).
     */
    private static final Map<String, String> EXAMPLE_IDS = Map.of(
            "ipc-published.yaml", "4 6681ee7709bd54ba2e0bc1e046fa55e4046daf257684964e55cb3d5f797bba4b "
                    + "d0f3f4914a70f2ea0ea307661940daad",
            "quick.yaml", "12 46f082b2b5b41d0562bae9c81f022e76da77bbd2d383aea73be4d6c20e305533 "
                    + "1023ecea008f35eab0afa696a49a8f13",
            "spiking.yaml", "14 0dc39ade82a569153049df116425f2488080f9e312f18596754a1294a1b91c17 "
                    + "e94741d373e2b522d143c43cdae37769",
            "zoo.yaml", "18 6900f4dd4efbabdbbe244f7a3d1695efa21d31370f65bf6f48157fb51d051797 "
                    + "a616a5b03dab749e5b9e28681b0f1b05");

    @Test
    void examplesPlanTheSameIdsAsBefore() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        try (var files = Files.list(Path.of("..", "examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> ids = SweepPlanner.plan(SweepSpecParser.parse(f)).stream().map(PointSpec::id).toList();
                actual.put(f.getFileName().toString(), ids.size() + " " + sha256(String.join("\n", ids)) + " "
                        + ids.get(0));
            }
        }
        assertEquals(EXAMPLE_IDS, actual);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void listsExpandToTheSamePointsAsOneBlockPerCombination() {
        String grid = BASE + "models:\n  - {kind: esn, gain: [0.5, 0.9, 1.2], input_scale: [0.1, 0.5]}\n"
                + "  - {kind: orthogonal, rho: 0.9}\n";
        StringBuilder blocks = new StringBuilder(BASE + "models:\n");
        for (double gain : new double[] {0.5, 0.9, 1.2}) {
            for (double scale : new double[] {0.1, 0.5}) {
                blocks.append("  - {kind: esn, gain: ").append(gain).append(", input_scale: ").append(scale)
                        .append("}\n");
            }
        }
        blocks.append("  - {kind: orthogonal, rho: 0.9}\n");
        List<String> expanded = ids(grid);
        assertEquals(ids(blocks.toString()), expanded, "equivalent specs plan identical points in the same order");
        assertEquals(7 * 2 * 2 * 2, expanded.size());
        SweepSpec spec = SweepSpecParser.parse(grid);
        assertEquals(7, spec.models().size());
        EsnSpec second = (EsnSpec) spec.models().get(1);
        assertEquals(0.5, second.gain()); // the last field varies fastest
        assertEquals(0.5, second.inputScale());
        assertEquals(7 * 2 * 2 * 2, PlanEstimate.of(spec).points());
        // a one-element list is the scalar
        assertEquals(ids(BASE + "models: [{kind: esn, gain: 0.7}]\n"), ids(BASE + "models: [{kind: esn, gain: [0.7]}]\n"));
    }

    @Test
    void integerAndChoiceFieldsSweepToo() {
        SweepSpec spec = SweepSpecParser.parse(BASE.replace("shared-input", "none").replace("[0.0, 0.5]", "[0.0]")
                + "models: [{kind: low-rank-sparse, rank: [2, 4], activation: [tanh, linear]}, "
                + "{kind: lif, dale: [false, true]}]\n");
        assertEquals(6, spec.models().size());
        List<String> lowRank = spec.models().subList(0, 4).stream().map(m -> (LowRankSparseSpec) m)
                .map(m -> m.rank() + " " + m.activation().label()).toList();
        assertEquals(List.of("2 tanh", "2 linear", "4 tanh", "4 linear"), lowRank);
        assertEquals(List.of(false, true), spec.models().subList(4, 6).stream().map(m -> ((LifSpec) m).dale()).toList());
    }

    @Test
    void eachValueIsCheckedWithItsIndex() {
        SpecException gain = error(BASE + "models: [{kind: ring}, {kind: esn, gain: [0.5, 0.9, 12.0]}]\n");
        assertEquals("field 'models[1].gain[2]': 12.0 is outside the allowed range [0.0, 10.0]", gain.getMessage());
        SpecException text = error(BASE + "models: [{kind: esn, leak: [0.5, lots]}]\n");
        assertEquals("models[0].leak[1]", text.field());
        assertTrue(text.getMessage().contains("expected a number"), text.getMessage());
        SpecException nested = error(BASE + "models: [{kind: esn, leak: [[0.5]]}]\n");
        assertEquals("models[0].leak[0]", nested.field());
        SpecException empty = error(BASE + "models: [{kind: esn, gain: []}]\n");
        assertEquals("models[0].gain", empty.field());
        assertTrue(empty.getMessage().contains("must not be empty"), empty.getMessage());
        SpecException rank = error(BASE + "models: [{kind: low-rank-sparse, rank: [5, 25]}]\n");
        assertEquals("field 'models[0].rank[1]': 25 is outside the allowed range [1, 20]: a rank may not exceed N "
                + "(the smallest N in sizes is 20)", rank.getMessage());
        SpecException crossed = error(BASE + "models: [{kind: diagonal-ssm, min_modulus: [0.5, 0.95], "
                + "max_modulus: 0.9}]\n");
        assertEquals("models[0].min_modulus[1]", crossed.field());
        SpecException misspelt = error(BASE + "models: [{kind: esn, gian: [0.5, 0.9]}]\n");
        assertTrue(misspelt.getMessage().contains("unknown field 'gian' (did you mean 'gain'?)"), misspelt.getMessage());
        SpecException kind = error(BASE + "models: [{kind: [esn, ring]}]\n");
        assertEquals("models[0].kind", kind.field());
    }

    @Test
    void tooManyVariantsAreRefusedBeforeExpansion() {
        String values = "[" + "0.1, ".repeat(99) + "0.2]";
        SpecException e = error(BASE + "models: [{kind: esn, gain: " + values + ", leak: " + values + ", density: "
                + values + "}]\n");
        assertEquals("models[0]", e.field());
        assertTrue(e.getMessage().contains("gain: 100 × leak: 100 × density: 100"), e.getMessage());
    }
}
