package org.rcsweep.tables;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.TheorySpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointRowsTest {
    private static PointResult result(EsnSpec model) {
        return PointEvaluator.evaluate(new PointSpec("t", 1, model, 12, CorrelationSpec.none(), 0, List.of(1, 6, 12),
                new InputSpec(InputDistribution.UNIFORM, 400, 20), CapacitySpec.defaults().withMaxDelay(10),
                TheorySpec.defaults(), IpcSpec.disabled()));
    }

    @Test
    void rowsMatchSchemaTypesAndNullability() {
        PointResult ok = result(new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0));
        PointResult diverged = result(new EsnSpec(Activation.LINEAR, 1.0, 1.0, 2.0, 1.0, 0.5, 0.0));
        for (PointResult r : List.of(ok, diverged)) {
            List<Object[]> rows = PointRows.points(r, "test");
            assertEquals(3, rows.size());
            rows.forEach(row -> conforms(ResultTables.POINTS, row));
            PointRows.memoryCurve(r).forEach(row -> conforms(ResultTables.MEMORY_CURVE, row));
        }
        assertEquals(3 * 11, PointRows.memoryCurve(ok).size());
        assertEquals(0, PointRows.memoryCurve(diverged).size());
        Object[] first = PointRows.points(ok, "test").get(0);
        assertEquals(null, first[ResultTables.POINTS.indexOf("corr_rms")], "L = 1 has no pairs");
        assertNotNull(first[ResultTables.POINTS.indexOf("mc_total")]);
    }

    private static void conforms(TableSchema schema, Object[] row) {
        assertEquals(schema.columns().size(), row.length, schema.name());
        for (int i = 0; i < row.length; i++) {
            Column c = schema.columns().get(i);
            if (row[i] == null) {
                assertTrue(c.nullable(), c.name() + " is not nullable");
            } else {
                assertTrue(c.type().javaType().isInstance(row[i]), c.name() + " holds a " + row[i].getClass());
            }
        }
    }

    @Test
    void everyColumnIsDocumented() throws Exception {
        Path doc = Path.of("..", "docs", "tables.md");
        String text = Files.readString(doc);
        Set<String> names = new HashSet<>();
        for (TableSchema t : ResultTables.all()) {
            assertTrue(text.contains("## `" + t.name() + "`"), "docs/tables.md lacks a section for " + t.name());
            for (Column c : t.columns()) {
                assertTrue(names.add(t.name() + "." + c.name()), "duplicate column " + c.name());
                assertTrue(text.contains("| `" + c.name() + "` |"), "docs/tables.md lacks column " + t.name() + "." + c.name());
            }
        }
    }
}
