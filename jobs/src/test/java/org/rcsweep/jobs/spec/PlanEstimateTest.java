package org.rcsweep.jobs.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.cli.Main;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.SsmReparameterization;
import org.rcsweep.spec.TheorySpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan is counted and checked from the spec's lists, before (and without) listing its points. */
class PlanEstimateTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final PlanEstimate.Machine LAPTOP = new PlanEstimate.Machine(true, 4L << 30, 2);
    private static final PlanEstimate.Machine CLUSTER = new PlanEstimate.Machine(false, 1L << 30, 2);

    private static String list(IntStream values) {
        return values.mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String hugeGrid() {
        // 1 model × 100 sizes × 100 correlation values × 10000 replicas = 10^8 points
        return "models: [{kind: esn}]\nsizes: " + list(IntStream.rangeClosed(1, 100).map(i -> 10 * i))
                + "\nreadouts: [1]\nreplicas: 10000\ncorrelation: {knob: shared-input, values: "
                + IntStream.range(0, 100).mapToObj(i -> Double.toString(i / 100.0))
                .collect(Collectors.joining(", ", "[", "]")) + "}\n";
    }

    @Test
    void countsPointsExactlyWithoutListingThem() {
        String yaml = String.join("\n",
                "replicas: 3",
                "models: [{kind: esn}, {kind: esn, gain: 0.9}, {kind: ring}, {kind: esn, gain: 0.5}]",
                "sizes: [10, 20, 10, 30]",
                "readouts: [2, 5]",
                "correlation: {knob: shared-input, values: [0.0, 0.5, 0.5, 1.0]}",
                "");
        assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml)); // ring takes no shared input
        SweepSpec spec = SweepSpecParser.parse(yaml.replace("{kind: ring}", "{kind: orthogonal}"));
        PlanEstimate plan = PlanEstimate.of(spec);
        assertEquals(SweepPlanner.plan(spec).size(), plan.points());
        assertEquals(3L * 3 * 3 * 3, plan.points()); // esn listed twice with its default gain, 10 twice, 0.5 twice
    }

    @Test
    void memoryPerPointFollowsTheDocumentedFormula() {
        SweepSpec spec = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [100, 50]\nreadouts: [2, 10]\n");
        // N = 100, B = 256, holdout: 2 accumulators of L × (K + 1) with K = 2N, L = 10;
        // w = max(2 while built, 1 kept + max(8 of the linear theory, 12 of the mean-field theory)) = 13 N × N
        long expected = 8L * (13 * 100 * 100 + 256 * 100 + 2 * 10 * 201 + 10 * 10);
        PlanEstimate plan = PlanEstimate.of(spec);
        assertEquals(expected, plan.bytesPerPoint());
        assertEquals("sizes[0]", plan.memoryField());
        assertTrue(plan.largest().contains("N = 100, L = 10, K = 200"), plan.largest());
        SweepSpec withIpc = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [100]\nreadouts: [2, 10]\n"
                + "theory: {linear: false}\ncapacity: {estimator: in-sample}\nipc: {block_targets: 1000, threads: 2}\n");
        long ipc = 8L * (2 * 100 * 100 + 256 * 100 + 10 * 201 + 10 * 10) + 8L * 10 * 1000 * 2 * 2;
        assertEquals(ipc, PlanEstimate.of(withIpc).bytesPerPoint());
        assertTrue(PlanEstimate.of(spec).flops() > 0);
    }

    @Test
    void aHundredMillionPointGridIsRefusedWithinASecond(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, hugeGrid());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(SECOND, () -> Main.run(new String[] {"validate", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.BAD_INPUT, code, message);
        assertTrue(message.contains("field '" + PlanEstimate.GRID_FIELD + "': plans 100000000 points"), message);
        assertTrue(message.contains("limit of 10000000 points"), message);
    }

    @Test
    void theSweepCommandRefusesItBeforeSpark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, hugeGrid());
        Path out = dir.resolve("results");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(SECOND, () -> Main.run(
                new String[] {"sweep", file.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(Main.BAD_INPUT, code, err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out));
    }

    /** A spec of 10^4 models × 10^5 sizes × n correlation values × 10^4 replicas, built in memory. */
    private static SweepSpec grid(int values) {
        List<ModelSpec> models = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            models.add(new DiagonalSsmSpec(SsmReparameterization.BEST, 0.5, 0.9, i / 100.0, false));
        }
        List<Integer> sizes = IntStream.rangeClosed(1, 100_000).boxed().toList();
        List<Double> correlation = IntStream.range(0, values).mapToObj(i -> i / (double) values).toList();
        return new SweepSpec("big", 1, 10_000, models, sizes, Knob.SHARED_INPUT, correlation,
                new ReadoutRule(List.of(1), null), new InputSpec(InputDistribution.UNIFORM, 10, 0),
                CapacitySpec.defaults(), TheorySpec.defaults(), IpcSpec.disabled(), 16);
    }

    /**
     * Built in memory: its YAML (2 MB of lists) takes seconds to read by itself. What follows the reading, the
     * per-point checks of the parser (without listing the points) and the plan check, takes well under a second.
     */
    @Test
    void aGridOfTenToTheEighteenIsRefusedWithinASecond() {
        SweepSpec spec = grid(100_000);
        SpecException e = assertTimeoutPreemptively(SECOND, () -> {
            SweepPlanner.check(spec);
            return assertThrows(SpecException.class, () -> PlanEstimate.of(spec));
        });
        assertEquals(PlanEstimate.GRID_FIELD, e.field());
        assertTrue(e.getMessage().contains("plans 1000000000000000000 points (10000 models × 100000 sizes × "
                + "100000 correlation values × 10000 replicas)"), e.getMessage());
    }

    @Test
    void aGridBeyondLongIsRefusedWithoutOverflow() {
        SweepSpec spec = grid(1_000_000); // 10^19 points
        SpecException e = assertTimeoutPreemptively(SECOND, () -> assertThrows(SpecException.class,
                () -> PlanEstimate.of(spec)));
        assertTrue(e.getMessage().contains("more than " + Long.MAX_VALUE + " points"), e.getMessage());
    }

    @Test
    void aSizeBeyondJavaArraysIsRefused() {
        SweepSpec spec = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [100, 100000]\nreadouts: [1]\n");
        SpecException e = assertTimeoutPreemptively(SECOND, () -> assertThrows(SpecException.class,
                () -> PlanEstimate.of(spec)));
        assertEquals("sizes[1]", e.field());
        assertTrue(e.getMessage().contains("N ≤ 46340"), e.getMessage());
        // a diagonal state-space model without the linear theory has no N × N array
        PlanEstimate ssm = PlanEstimate.of(SweepSpecParser.parse("models: [{kind: diagonal-ssm}]\n"
                + "sizes: [100000]\nreadouts: [1]\ntheory: {linear: false}\ncapacity: {max_delay: 100}\n"));
        assertEquals(1, ssm.points());
    }

    @Test
    void aPointLargerThanTheHeapIsRefusedInLocalModeOnly() {
        // N = 20000: W alone is 3.2 GB, the linear theory's matrices 8 more
        SweepSpec spec = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [20000]\nreadouts: [10]\n");
        PlanEstimate plan = PlanEstimate.of(spec);
        SpecException e = assertThrows(SpecException.class, () -> plan.check(LAPTOP));
        assertEquals("sizes[0]", e.field());
        assertTrue(e.getMessage().contains("maximum heap, 4.0 GiB"), e.getMessage());
        assertTrue(plan.check(CLUSTER).isEmpty(), "a cluster's executors may have more memory");
        assertTrue(plan.describe(CLUSTER).get(0).contains("each executor core"), plan.describe(CLUSTER).toString());
    }

    @Test
    void pointsThatFitAloneButNotTogetherAreAWarning() {
        // about 2.9 GiB per point: one fits in 4 GiB, two do not (without the mean-field theory, whose 12·27·N³
        // would add a second warning, for the time)
        SweepSpec spec = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [6000]\nreadouts: [10]\n"
                + "replicas: 2\ninput: {steps: 30}\ntheory: {meanfield: false}\n");
        List<String> warnings = PlanEstimate.of(spec).check(LAPTOP);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("2 points run at once"), warnings.get(0));
    }

    @Test
    void longSweepsAndLargeGridsAreWarnings() {
        SweepSpec longRun = SweepSpecParser.parse("models: [{kind: esn}]\nsizes: [1000]\nreadouts: [10]\n"
                + "input: {steps: 100000000}\n");
        List<String> warnings = PlanEstimate.of(longRun).check(LAPTOP);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("at 5 GFLOP/s per core, more than 60 min"), warnings.get(0));

        SweepSpec many = SweepSpecParser.parse("models: [{kind: ring}]\nsizes: " + list(IntStream.rangeClosed(1, 20)
                .map(i -> 10 + i)) + "\nreadouts: [1]\nreplicas: 10000\ninput: {steps: 10}\n"
                + "theory: {linear: false}\n");
        PlanEstimate plan = assertTimeoutPreemptively(SECOND, () -> PlanEstimate.of(many));
        assertEquals(200_000, plan.points());
        List<String> manyWarnings = plan.check(LAPTOP);
        assertTrue(manyWarnings.stream().anyMatch(w -> w.contains("plans 200000 points, more than 100000")),
                manyWarnings.toString());
    }

    @Test
    void validatePrintsThePlan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Main.OK, Main.run(new String[] {"validate", "../examples/quick.yaml"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("plans 12 points"), text);
        assertTrue(text.contains("memory per point: about "), text);
        assertTrue(text.contains("estimated work: ") && text.contains("at 5 GFLOP/s per core"), text);
    }
}
