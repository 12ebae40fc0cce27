package org.rcsweep.jobs.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VariantLabelsTest {
    @Test
    void variantsAreLabelledByTheParametersInWhichTheyDiffer() {
        String learned = "learned-memory{feedback=0.9,noise=0.01,learning_steps=20000}";
        String untrained = "learned-memory{feedback=0.9,noise=0.01,learning_steps=0}";
        Map<String, String> labels = VariantLabels.of(List.of(learned, untrained));
        assertEquals("learning_steps=20000", labels.get(learned));
        assertEquals("learning_steps=0", labels.get(untrained));
    }

    @Test
    void aSingleVariantNeedsNoLabelAndNestedValuesStayWhole() {
        String a = "lif{beta=0.9,dale=false,w=[1,2]}";
        String b = "lif{beta=0.9,dale=true,w=[1,3]}";
        assertEquals(Map.of(a, ""), VariantLabels.of(List.of(a)));
        assertEquals("dale=true,w=[1,3]", VariantLabels.of(List.of(a, b)).get(b));
    }

    @Test
    void eachKindIsComparedWithItselfOnly() {
        String lifA = "lif{beta=0.9,dale=false}";
        String lifB = "lif{beta=0.9,dale=true}";
        String ring = "ring{rho=0.9}";
        Map<String, String> labels = VariantLabels.of(List.of(lifA, ring, lifB));
        assertEquals("", labels.get(ring));
        assertEquals("dale=false", labels.get(lifA));
        assertEquals("lif (dale=false)", VariantLabels.named("lif", labels.get(lifA)));
        assertEquals("ring", VariantLabels.named("ring", labels.get(ring)));
    }
}
