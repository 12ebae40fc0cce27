package org.rcsweep.jobs.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rcsweep.spec.CfcSpec;
import org.rcsweep.spec.CustomSpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.LiGruSpec;
import org.rcsweep.spec.LowRankSparseSpec;
import org.rcsweep.spec.SsmReparameterization;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpecException;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepSpecParserTest {
    static final String VALID = String.join("\n",
            "name: t",
            "seed: 5",
            "replicas: 2",
            "models:",
            "  - kind: esn",
            "    gain: 0.8",
            "  - kind: ring",
            "    rho: 0.9",
            "sizes: [10, 20]",
            "readouts: [2, 5, 10]",
            "input: {steps: 500, washout: 50}",
            "capacity: {estimator: in-sample, max_delay: 15}",
            "");

    @Test
    void parsesAndPlansTheGrid() {
        SweepSpec spec = SweepSpecParser.parse(VALID);
        assertEquals("t", spec.name());
        assertEquals(5L, spec.seed());
        assertEquals(Knob.NONE, spec.knob());
        assertEquals(Estimator.IN_SAMPLE, spec.capacity().estimator());
        assertEquals(0.8, ((EsnSpec) spec.models().get(0)).gain());
        List<PointSpec> points = SweepPlanner.plan(spec);
        assertEquals(2 * 2 * 1 * 2, points.size());
        assertEquals(points.size(), points.stream().map(PointSpec::id).distinct().count());
        assertEquals(15, points.get(0).maxDelay());
    }

    @Test
    void shippedExamplesAreValid() {
        SweepSpec quick = SweepSpecParser.parse(Path.of("..", "examples", "quick.yaml"));
        List<PointSpec> points = SweepPlanner.plan(quick);
        assertTrue(quick.sizes().size() >= 2 && quick.correlationValues().size() >= 3 && quick.replicas() >= 2);
        assertTrue(points.get(0).readouts().size() >= 5);
        SweepSpec zoo = SweepSpecParser.parse(Path.of("..", "examples", "zoo.yaml"));
        assertEquals(9, zoo.models().size());
        assertEquals(14, SweepPlanner.plan(SweepSpecParser.parse(Path.of("..", "examples", "spiking.yaml"))).size());
        SweepSpec published = SweepSpecParser.parse(Path.of("..", "examples", "ipc-published.yaml"));
        assertEquals(8, SweepPlanner.plan(published).get(0).ipc().tasks());
        assertEquals(18, SweepPlanner.plan(zoo).size());
    }

    @Test
    void readoutFractionsScaleWithN() {
        SweepSpec spec = SweepSpecParser.parse(VALID.replace("readouts: [2, 5, 10]",
                "readout_fractions: [0.05, 0.1, 0.5, 1.0]"));
        assertEquals(List.of(1, 5, 10), spec.readouts().resolve(10));
        assertEquals(List.of(1, 2, 10, 20), spec.readouts().resolve(20));
        assertNull(spec.readouts().counts());
    }

    @Test
    void sameSpecTextGivesSameIdsAndSeedChangesThem() {
        List<PointSpec> a = SweepPlanner.plan(SweepSpecParser.parse(VALID));
        List<PointSpec> b = SweepPlanner.plan(SweepSpecParser.parse(VALID));
        List<PointSpec> c = SweepPlanner.plan(SweepSpecParser.parse(VALID.replace("seed: 5", "seed: 6")));
        assertEquals(a.get(3).id(), b.get(3).id());
        assertEquals(a.get(3).seed(), b.get(3).seed());
        assertTrue(!a.get(3).id().equals(c.get(3).id()));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
            Arguments.of("L larger than N", "readouts: [2, 5, 10]", "readouts: [2, 5, 30]", "readouts", "exceeds the size n = 10"),
            Arguments.of("unknown model", "kind: ring", "kind: hopfield", "models[1].kind", "not a known model"),
            Arguments.of("negative T", "steps: 500", "steps: -5", "input.steps", "allowed range"),
            Arguments.of("malformed YAML", "sizes: [10, 20]", "sizes: [10, 20", "(document)", "malformed YAML"),
            Arguments.of("leak out of range", "gain: 0.8", "leak: 1.5", "models[0].leak", "(0.0, 1.0]"),
            Arguments.of("unknown field", "seed: 5", "seed: 5\nsead: 3", "sead", "unknown field 'sead' (did you mean 'seed'?)"),
            Arguments.of("misspelt model field", "gain: 0.8", "gian: 0.8", "models[0].gian", "unknown field 'gian' (did you mean 'gain'?)"),
            Arguments.of("text for a number", "replicas: 2", "replicas: two", "replicas", "expected an integer"),
            Arguments.of("zero replicas", "replicas: 2", "replicas: 0", "replicas", "allowed range"),
            Arguments.of("unknown estimator", "estimator: in-sample", "estimator: loo", "capacity.estimator", "holdout, in-sample"),
            Arguments.of("negative ridge", "max_delay: 15", "max_delay: 15, ridge: -1", "capacity.ridge", "allowed range"),
            Arguments.of("too few samples for L", "steps: 500", "steps: 11", "input.steps", "training samples"),
            Arguments.of("readouts not increasing", "readouts: [2, 5, 10]", "readouts: [5, 2]", "readouts", "strictly increasing"),
            Arguments.of("size zero", "sizes: [10, 20]", "sizes: [0]", "sizes[0]", "allowed range"),
            Arguments.of("ring rho not below one", "rho: 0.9", "rho: 1.2", "models[1].rho", "(0.0, 1.0)"),
            Arguments.of("unknown input law", "steps: 500", "steps: 500, distribution: cauchy", "input.distribution", "uniform, gaussian, binary"),
            Arguments.of("negative washout", "washout: 50", "washout: -1", "input.washout", "allowed range"),
            Arguments.of("max_delay not a number", "max_delay: 15", "max_delay: lots", "capacity.max_delay", "expected an integer"),
            Arguments.of("ipc delays per degree", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\nipc: {max_degree: 3, max_delays: [10, 5]}", "ipc.max_delays", "one entry per degree"),
            Arguments.of("ipc unknown threshold", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\nipc: {threshold: bonferroni}", "ipc.threshold", "chi2, shuffle"),
            Arguments.of("ipc threads zero", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\nipc: {threads: 0}", "ipc.threads", "allowed range"),
            Arguments.of("ipc tasks too many", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\nipc: {tasks: 1000}", "ipc.tasks", "allowed range"),
            Arguments.of("ipc degree too high", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\nipc: {max_degree: 40}", "ipc.max_degree", "allowed range"),
            Arguments.of("theory flag not boolean", "capacity: {estimator: in-sample, max_delay: 15}", "capacity: {estimator: in-sample, max_delay: 15}\ntheory: {linear: maybe}", "theory.linear", "true or false"),
            Arguments.of("low-rank rank zero", "  - kind: ring\n    rho: 0.9", "  - kind: low-rank-sparse\n    rank: 0", "models[1].rank", "allowed range"),
            Arguments.of("low-rank sparsity one", "  - kind: ring\n    rho: 0.9", "  - kind: low-rank-sparse\n    sparsity: 1.0", "models[1].sparsity", "allowed range"),
            Arguments.of("cfc dt zero", "  - kind: ring\n    rho: 0.9", "  - kind: cfc\n    dt: 0", "models[1].dt", "allowed range"),
            Arguments.of("ssm unknown reparameterisation", "  - kind: ring\n    rho: 0.9", "  - kind: diagonal-ssm\n    reparameterization: tanh", "models[1].reparameterization", "softplus"),
            Arguments.of("ssm modulus at boundary", "  - kind: ring\n    rho: 0.9", "  - kind: diagonal-ssm\n    max_modulus: 1.0", "models[1].max_modulus", "(0.0, 1.0)"),
            Arguments.of("ssm moduli crossed", "  - kind: ring\n    rho: 0.9", "  - kind: diagonal-ssm\n    min_modulus: 0.95\n    max_modulus: 0.9", "models[1].min_modulus", "exceeds max_modulus"),
            Arguments.of("ligru flag not boolean", "  - kind: ring\n    rho: 0.9", "  - kind: ligru\n    stabilised: yes please", "models[1].stabilised", "true or false"),
            Arguments.of("custom without files", "  - kind: ring\n    rho: 0.9", "  - kind: custom", "models[1].recurrent", "is required"),
            Arguments.of("custom missing file", "  - kind: ring\n    rho: 0.9", "  - kind: custom\n    recurrent: nowhere.npy\n    input: nowhere_in.npy", "models[1].recurrent", "nowhere.npy"),
            Arguments.of("lif beta at one", "  - kind: ring\n    rho: 0.9", "  - kind: lif\n    beta: 1.0", "models[1].beta", "(0.0, 1.0)"),
            Arguments.of("spike coding zero dimensions", "  - kind: ring\n    rho: 0.9", "  - kind: spike-coding\n    dimensions: 0", "models[1].dimensions", "allowed range"),
            Arguments.of("spike coding tau too short", "  - kind: ring\n    rho: 0.9", "  - kind: spike-coding\n    readout_tau: 0.01", "models[1].readout_tau", "allowed range"),
            Arguments.of("learned memory feedback at one", "  - kind: ring\n    rho: 0.9", "  - kind: learned-memory\n    feedback: 1.0", "models[1].feedback", "(0.0, 1.0)"),
            Arguments.of("learned memory lateral rate above one", "  - kind: ring\n    rho: 0.9", "  - kind: learned-memory\n    learning_rate: 0.2\n    lateral_timescale: 0.1", "models[1].lateral_timescale", "must exceed learning_rate"),
            Arguments.of("learned memory negative steps", "  - kind: ring\n    rho: 0.9", "  - kind: learned-memory\n    learning_steps: -1", "models[1].learning_steps", "allowed range"),
            Arguments.of("models not a list", "models:", "models: 3\ncorrelation:", "models", "expected a list"));
    }

    /** Each bad input is rejected with the field's path and a word of what is allowed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputNamesTheField(String what, String find, String replace, String field, String hint) {
        String yaml = VALID.replace(find, replace);
        assertTrue(!yaml.equals(VALID), "test case does not change the spec: " + what);
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml), what);
        assertEquals(field.trim(), e.field(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(hint.trim()), what + ": message '" + e.getMessage() + "' lacks '" + hint.trim() + "'");
    }

    @Test
    void knobThatAModelCannotTakeIsRejected() {
        String yaml = VALID + "correlation: {knob: shared-input, values: [0.0, 0.5]}\n";
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml));
        assertEquals("correlation.knob", e.field());
        assertTrue(e.getMessage().contains("ring"), e.getMessage());
    }

    @Test
    void correlationValueOutsideKnobRangeIsRejected() {
        String yaml = VALID.replace("  - kind: ring\n    rho: 0.9\n", "")
                + "correlation: {knob: shared-input, values: [0.0, 1.5]}\n";
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml));
        assertEquals("correlation.values[1]", e.field());
        assertTrue(e.getMessage().contains("[0.0, 1.0]"), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreClearErrors() {
        assertEquals("(document)", assertThrows(SpecException.class, () -> SweepSpecParser.parse("")).field());
        SpecException e = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(Path.of("no-such-spec.yaml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    static final String ZOO = String.join("\n",
            "models:",
            "  - {kind: low-rank-sparse, rank: 4, sparsity: 0.3, gain: 1.1, leak: 0.5}",
            "  - {kind: cfc, rank: 3, dt: 0.5, gate_bias: 1.0}",
            "  - {kind: diagonal-ssm, reparameterization: softplus, min_modulus: 0.5, max_modulus: 0.95, readout_nonlinearity: true}",
            "  - {kind: ligru, gain: 0.7, stabilised: false}",
            "sizes: [10]",
            "readouts: [2, 10]",
            "input: {steps: 500, washout: 50}",
            "");

    @Test
    void zooKindsParseWithTheirFields() {
        SweepSpec spec = SweepSpecParser.parse(ZOO);
        LowRankSparseSpec lr = (LowRankSparseSpec) spec.models().get(0);
        assertEquals(4, lr.rank());
        assertEquals(0.3, lr.sparsity());
        assertEquals(0.5, lr.leak());
        CfcSpec cfc = (CfcSpec) spec.models().get(1);
        assertEquals(0.5, cfc.dt());
        assertEquals(1.0, cfc.gateBias());
        DiagonalSsmSpec ssm = (DiagonalSsmSpec) spec.models().get(2);
        assertEquals(SsmReparameterization.SOFTPLUS, ssm.reparameterization());
        assertTrue(ssm.readoutNonlinearity());
        LiGruSpec ligru = (LiGruSpec) spec.models().get(3);
        assertEquals(0.7, ligru.gain());
        assertTrue(!ligru.stabilised());
        assertEquals(4, SweepPlanner.plan(spec).size());
    }

    @Test
    void spikingKindsParseWithTheirDefaults() {
        SweepSpec spec = SweepSpecParser.parse(String.join("\n",
                "models: [{kind: lif, dale: true, gain: 0.5}, {kind: spike-coding, dimensions: 3}]",
                "sizes: [20]", "readouts: [5, 20]", "input: {steps: 500, washout: 50}", ""));
        org.rcsweep.spec.LifSpec lif = (org.rcsweep.spec.LifSpec) spec.models().get(0);
        assertTrue(lif.dale());
        assertEquals(0.5, lif.gain());
        assertEquals(0.9, lif.beta());
        org.rcsweep.spec.SpikeCodingSpec scn = (org.rcsweep.spec.SpikeCodingSpec) spec.models().get(1);
        assertEquals(3, scn.dimensions());
        assertEquals(20.0, scn.readoutTau());
        SpecException knob = assertThrows(SpecException.class, () -> SweepSpecParser.parse(String.join("\n",
                "models: [{kind: spike-coding}]", "sizes: [20]", "readouts: [5, 20]",
                "correlation: {knob: shared-input, values: [0.5]}", "")));
        assertEquals("correlation.knob", knob.field());
    }

    @Test
    void learnedMemoryParsesWithItsDefaultsAndRejectsKnobs() {
        SweepSpec spec = SweepSpecParser.parse(String.join("\n",
                "models: [{kind: learned-memory}, {kind: learned-memory, learning_steps: 0, noise: 0.1}]",
                "sizes: [20]", "readouts: [5, 20]", "input: {steps: 500, washout: 50}", ""));
        org.rcsweep.spec.LearnedMemorySpec learned = (org.rcsweep.spec.LearnedMemorySpec) spec.models().get(0);
        assertEquals(new org.rcsweep.spec.LearnedMemorySpec(0.9, 0.01, 0.5, 20_000, 0.01, 1.0), learned);
        org.rcsweep.spec.LearnedMemorySpec untrained = (org.rcsweep.spec.LearnedMemorySpec) spec.models().get(1);
        assertEquals(0, untrained.learningSteps());
        assertEquals(0.1, untrained.noise());
        SpecException knob = assertThrows(SpecException.class, () -> SweepSpecParser.parse(String.join("\n",
                "models: [{kind: learned-memory}]", "sizes: [20]", "readouts: [5, 20]",
                "correlation: {knob: mean-coupling, values: [0.5]}", "")));
        assertEquals("correlation.knob", knob.field());
    }

    @Test
    void learnedSpikingMemoryParsesWithItsDefaultsAndRejectsKnobs() {
        SweepSpec spec = SweepSpecParser.parse(String.join("\n",
                "models: [{kind: learned-spiking-memory}, {kind: learned-spiking-memory, learning_steps: 0,"
                        + " decoder_scale: 0.2, readout_tau: 2}]",
                "sizes: [20]", "readouts: [5, 20]", "input: {steps: 500, washout: 50}", ""));
        assertEquals(new org.rcsweep.spec.LearnedSpikingMemorySpec(0.9, 0.001, 0.5, 20_000, 0.01, 1.0, 0.3, 1.0),
                spec.models().get(0));
        org.rcsweep.spec.LearnedSpikingMemorySpec untrained =
                (org.rcsweep.spec.LearnedSpikingMemorySpec) spec.models().get(1);
        assertEquals(0, untrained.learningSteps());
        assertEquals(0.2, untrained.decoderScale());
        assertEquals(2.0, untrained.readoutTau());
        SpecException knob = assertThrows(SpecException.class, () -> SweepSpecParser.parse(String.join("\n",
                "models: [{kind: learned-spiking-memory}]", "sizes: [20]", "readouts: [5, 20]",
                "correlation: {knob: shared-input, values: [0.5]}", "")));
        assertEquals("correlation.knob", knob.field());
    }

    @Test
    void rankKnobReplacesTheModelRankAndIsRejectedWhereMeaningless() {
        String lowRank = ZOO.replace("  - {kind: diagonal-ssm, reparameterization: softplus, min_modulus: 0.5, max_modulus: 0.95, readout_nonlinearity: true}\n", "")
                .replace("  - {kind: ligru, gain: 0.7, stabilised: false}\n", "")
                + "correlation: {knob: rank, values: [1, 2, 8]}\n";
        List<PointSpec> points = SweepPlanner.plan(SweepSpecParser.parse(lowRank));
        assertEquals(2 * 3, points.size());
        SpecException fractional = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(lowRank.replace("values: [1, 2, 8]", "values: [1, 2.5]")));
        assertTrue(fractional.field().startsWith("correlation"), fractional.field());
        SpecException ssm = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(ZOO + "correlation: {knob: rank, values: [2]}\n"));
        assertEquals("correlation.knob", ssm.field());
    }

    @Test
    void customWeightsAreReadRelativeToTheSpecFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("w"));
        Files.writeString(dir.resolve("w/rec.csv"), "0,0,0\n1,0,0\n0,1,0\n");
        Files.writeString(dir.resolve("w/in.csv"), "1\n0\n0\n");
        String yaml = String.join("\n",
                "models:",
                "  - {kind: custom, recurrent: w/rec.csv, input: w/in.csv, activation: linear}",
                "sizes: [3]",
                "readouts: [1, 3]",
                "input: {steps: 200, washout: 10}",
                "");
        Path specFile = dir.resolve("custom.yaml");
        Files.writeString(specFile, yaml);
        SweepSpec spec = SweepSpecParser.parse(specFile);
        CustomSpec custom = (CustomSpec) spec.models().get(0);
        assertEquals(3, custom.size());
        assertEquals(1.0, custom.recurrent()[3]);
        assertEquals(1, SweepPlanner.plan(spec).size());

        SpecException wrongN = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(yaml.replace("sizes: [3]", "sizes: [3, 4]"), dir));
        assertEquals("sizes", wrongN.field());
        assertTrue(wrongN.getMessage().contains("exactly 3"), wrongN.getMessage());

        Files.writeString(dir.resolve("w/in4.csv"), "1\n0\n0\n0\n");
        SpecException badInput = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(yaml.replace("w/in.csv", "w/in4.csv"), dir));
        assertEquals("models[0].input", badInput.field());
        assertTrue(badInput.getMessage().contains("length N = 3"), badInput.getMessage());

        Files.writeString(dir.resolve("w/rect.csv"), "0,0\n1,0\n0,1\n");
        SpecException notSquare = assertThrows(SpecException.class,
                () -> SweepSpecParser.parse(yaml.replace("w/rec.csv", "w/rect.csv"), dir));
        assertEquals("models[0].recurrent", notSquare.field());
        assertTrue(notSquare.getMessage().contains("not square"), notSquare.getMessage());
    }
}
