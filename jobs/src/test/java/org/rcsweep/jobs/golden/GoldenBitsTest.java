package org.rcsweep.jobs.golden;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.PointRows;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pins the exact bits of every computed column (capacities, memory curve, IPC, theory, correlation and firing
 * statistics, statuses and messages) for one small point of every model kind: a digest of each double's raw long
 * bits and every other value's text, per model variant, against {@code golden-bits.tsv}.
 *
 * <p>A change that moves any bit fails here. When a change of numbers is intended, regenerate the pins on purpose
 * and commit them with the reason:
 * {@code mvn -B -pl jobs -am test -Dtest=GoldenBitsTest -Dsurefire.failIfNoSpecifiedTests=false -Drcsweep.golden.update=true}
 * (docs/capacity.md, "Determinism").
 */
class GoldenBitsTest {
    static final Path PINS = Path.of("src", "test", "resources", "golden-bits.tsv");
    /** One point per model kind; the custom network's files fix N = 40. */
    static final String SPEC = """
            name: golden
            seed: 11
            replicas: 1
            models:
              - {kind: esn, gain: 0.9, input_scale: 0.5, bias_scale: 0.2}
              - {kind: esn, gain: 0.9, input_scale: 0.5, density: 0.1}
              - {kind: orthogonal, activation: tanh, rho: 0.9, input_scale: 0.5}
              - {kind: low-rank-sparse, rank: 4, sparsity: 0.5, gain: 0.9, input_scale: 0.5}
              - {kind: cfc, rank: 4, sparsity: 0.5, gain: 1.0, dt: 1.0, input_scale: 0.5}
              - {kind: diagonal-ssm, reparameterization: best, min_modulus: 0.8, max_modulus: 0.99, input_scale: 0.5}
              - {kind: ligru, gain: 0.9, input_scale: 0.5, stabilised: true}
              - {kind: custom, recurrent: weights/ei40_recurrent.csv, input: weights/ei40_input.csv, activation: tanh}
              - {kind: lif, beta: 0.9, gain: 0.5, density: 0.2, dale: true, input_scale: 1.0, readout_tau: 5.0}
              - {kind: spike-coding, dimensions: 2, decoder_scale: 0.1, leak: 0.95, noise: 0.0005, input_scale: 0.1, readout_tau: 20.0}
              - {kind: learned-memory, feedback: 0.9, noise: 0.01, learning_steps: 1500, learning_rate: 0.01, lateral_timescale: 1.0}
              - {kind: learned-spiking-memory, feedback: 0.9, noise: 0.001, learning_steps: 1500, learning_rate: 0.01, lateral_timescale: 1.0, decoder_scale: 0.3, readout_tau: 1.0}
              - {kind: ring, rho: 0.95}
              - {kind: delay-line}
            sizes: [40]
            readouts: [3, 12, 40]
            input:
              steps: 1500
              washout: 100
            capacity:
              max_delay: 60
            ipc:
              max_degree: 2
            """;

    @Test
    void everyModelKindComputesThePinnedBits() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        List<PointSpec> points = SweepPlanner.plan(SweepSpecParser.parse(SPEC, Path.of("..", "examples")));
        for (PointSpec p : points) {
            PointResult r = PointEvaluator.evaluate(p);
            MessageDigest digest = sha256();
            feed(digest, ResultTables.POINTS, PointRows.points(r, "pinned"));
            feed(digest, ResultTables.MEMORY_CURVE, PointRows.memoryCurve(r));
            feed(digest, ResultTables.IPC_TERMS, PointRows.ipcTerms(r));
            String key = p.model().kind() + " " + p.model().canonical();
            if (actual.put(key.replace('\t', ' '), HexFormat.of().formatHex(digest.digest())) != null) {
                fail("two golden points share the model variant " + key);
            }
        }
        if (Boolean.getBoolean("rcsweep.golden.update")) {
            StringBuilder out = new StringBuilder("# model variant\tSHA-256 of its rows' bits (GoldenBitsTest)\n");
            actual.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
            Files.writeString(PINS, out.toString(), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(PINS, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] kv = line.split("\t");
                pinned.put(kv[0], kv[1]);
            }
        }
        StringBuilder changed = new StringBuilder();
        for (String k : actual.keySet()) {
            if (!actual.get(k).equals(pinned.get(k))) {
                changed.append("\n  ").append(k);
            }
        }
        assertEquals(pinned.keySet(), actual.keySet(), "the golden model variants changed");
        if (changed.length() > 0) {
            fail("rows changed bits for:" + changed + "\n(intended? regenerate the pins: see GoldenBitsTest's doc)");
        }
    }

    /** Every cell except wall times and the code version, doubles by their raw bits. */
    private static void feed(MessageDigest digest, TableSchema table, List<Object[]> rows) {
        List<Column> columns = table.columns();
        for (Object[] row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).name();
                if (name.endsWith("_seconds") || name.equals("code_version")) {
                    continue;
                }
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(cell(row[c]).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return "d" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (v instanceof double[] a) {
            StringBuilder s = new StringBuilder("[");
            for (double x : a) {
                s.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(',');
            }
            return s.append(']').toString();
        }
        if (v instanceof Object[] a) {
            StringBuilder s = new StringBuilder("[");
            for (Object x : a) {
                s.append(cell(x)).append(',');
            }
            return s.append(']').toString();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (Object x : l) {
                s.append(cell(x)).append(',');
            }
            return s.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
