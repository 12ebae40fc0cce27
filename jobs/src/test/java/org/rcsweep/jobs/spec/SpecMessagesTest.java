package org.rcsweep.jobs.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.spec.SpecException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rank above N, integers beyond Java's int and misspelt keys are reported with the field and what is allowed. */
class SpecMessagesTest {
    private static final String BASE = "models: [{kind: esn}]\nsizes: [10, 20]\nreadouts: [1, 5]\n";

    private static SpecException error(String yaml) {
        return assertThrows(SpecException.class, () -> SweepSpecParser.parse(yaml));
    }

    @Test
    void aRankAboveNIsRejected() {
        SpecException model = error(BASE.replace("{kind: esn}", "{kind: esn}, {kind: low-rank-sparse, rank: 15}"));
        assertEquals("models[1].rank", model.field());
        assertTrue(model.getMessage().contains("15 is outside the allowed range [1, 10]"), model.getMessage());
        SpecException cfcDefault = error(BASE.replace("{kind: esn}", "{kind: cfc}").replace("[10, 20]", "[5]")
                .replace("[1, 5]", "[1]"));
        assertEquals("models[0].rank", cfcDefault.field()); // the default rank, 10, exceeds N = 5
        SpecException knob = error(BASE.replace("{kind: esn}", "{kind: low-rank-sparse, rank: 2}")
                + "correlation: {knob: rank, values: [2, 12]}\n");
        assertEquals("correlation.values[1]", knob.field());
        assertTrue(knob.getMessage().contains("12 is outside the allowed range [1, 10]"), knob.getMessage());
        // the knob replaces the model's rank, so the model's own rank is not checked then
        SweepSpecParser.parse(BASE.replace("{kind: esn}", "{kind: low-rank-sparse, rank: 50}")
                + "correlation: {knob: rank, values: [2, 10]}\n");
    }

    @Test
    void integersBeyondJavasIntReportTheDocumentedRange() {
        SpecException steps = error(BASE + "input: {steps: 99999999999}\n");
        assertEquals("field 'input.steps': 99999999999 is outside the allowed range [10, 100000000]",
                steps.getMessage());
        SpecException size = error(BASE.replace("[10, 20]", "[10, 99999999999999999999999]"));
        assertEquals("field 'sizes[1]': 99999999999999999999999 is outside the allowed range [1, 100000]",
                size.getMessage());
        SpecException replicas = error(BASE + "replicas: -99999999999\n");
        assertEquals("field 'replicas': -99999999999 is outside the allowed range [1, 10000]",
                replicas.getMessage());
        SpecException rank = error(BASE.replace("{kind: esn}", "{kind: cfc, rank: 3000000000}"));
        assertEquals("field 'models[0].rank': 3000000000 is outside the allowed range [1, 10000]",
                rank.getMessage());
        SpecException delay = error(BASE + "capacity: {max_delay: 1e12}\n");
        assertEquals("capacity.max_delay", delay.field());
    }

    @Test
    void aMisspeltKeyIsUnknownRatherThanTheFieldMissing() {
        SpecException readout = error(BASE.replace("readouts:", "readout:"));
        assertEquals("readout", readout.field());
        assertTrue(readout.getMessage().startsWith("field 'readout': unknown field 'readout' (did you mean "
                + "'readouts'?)"), readout.getMessage());
        SpecException sizes = error(BASE.replace("sizes:", "size:"));
        assertTrue(sizes.getMessage().contains("unknown field 'size' (did you mean 'sizes'?)"), sizes.getMessage());
        SpecException models = error(BASE.replace("models:", "modles:"));
        assertTrue(models.getMessage().contains("unknown field 'modles' (did you mean 'models'?)"),
                models.getMessage());
        SpecException kind = error(BASE.replace("{kind: esn}", "{kidn: esn}"));
        assertEquals("models[0].kidn", kind.field());
        assertTrue(kind.getMessage().contains("(did you mean 'kind'?)"), kind.getMessage());
        SpecException nested = error(BASE + "input: {step: 500}\n");
        assertEquals("input.step", nested.field());
        assertTrue(nested.getMessage().contains("unknown field 'step' (did you mean 'steps'?)"), nested.getMessage());
        SpecException model = error(BASE.replace("{kind: esn}", "{kind: esn, lek: 0.5}"));
        assertEquals("models[0].lek", model.field());
        assertTrue(model.getMessage().contains("(did you mean 'leak'?)"), model.getMessage());
        SpecException defaulted = error(BASE.replace("{kind: esn}",
                "{kind: diagonal-ssm, min_modulus: 0.995, max_modulu: 0.999}"));
        assertTrue(defaulted.getMessage().contains("unknown field 'max_modulu' (did you mean 'max_modulus'?)"),
                defaulted.getMessage()); // not that min_modulus exceeds the default max_modulus
        SpecException far = error(BASE + "colour: red\n");
        assertEquals("field 'colour': unknown field 'colour'; known fields here: capacity, correlation, input, ipc, "
                + "models, name, readout_fractions, readouts, replicas, run, seed, sizes, theory", far.getMessage());
    }

    @Test
    void aMisspeltRequiredFileIsUnknownToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("in.csv"), "1\n");
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(
                "models: [{kind: custom, recurent: rec.csv, input: in.csv}]\nsizes: [1]\nreadouts: [1]\n", dir));
        assertEquals("models[0].recurent", e.field());
        assertTrue(e.getMessage().contains("(did you mean 'recurrent'?)"), e.getMessage());
    }

    @Test
    void suggestionsAreTheClosestKnownKeyWithinTwoEdits() {
        assertEquals(3, YamlFields.levenshtein("kitten", "sitting"));
        assertEquals(1, YamlFields.levenshtein("readout", "readouts"));
        assertEquals(0, YamlFields.levenshtein("", ""));
        assertEquals("readouts", YamlFields.closest("readout", SweepSpecParser.TOP_FIELDS));
        assertEquals("washout", YamlFields.closest("washot", SweepSpecParser.INPUT_FIELDS));
        assertNull(YamlFields.closest("duration", SweepSpecParser.INPUT_FIELDS));
        assertFalse(YamlFields.closest("thread", SweepSpecParser.CAPACITY_FIELDS).isEmpty());
    }
}
