package org.rcsweep.jobs.fit;

import org.junit.jupiter.api.Test;
import org.rcsweep.jobs.analysis.VariantLabels;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.spec.PointSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The variants of a model grid are fitted apart and labelled apart: the {@code model_params} column is the model's
 * canonical text (PointRows), the fit groups by it (GroupKey, as FitJob builds it) and VariantLabels names the
 * parameters in which variants differ.
 */
class ModelGridGroupsTest {
    @Test
    void twoGainsGiveTwoFitGroupsAndTwoLabels() {
        List<PointSpec> points = SweepPlanner.plan(SweepSpecParser.parse("models: [{kind: esn, gain: [0.5, 0.9]}]\n"
                + "sizes: [20]\nreadouts: [2, 10]\nreplicas: 3\ninput: {steps: 400}\n"));
        assertEquals(6, points.size());
        Set<GroupKey> groups = points.stream().map(p -> new GroupKey(p.model().kind(), p.model().canonical(), p.n(),
                p.correlation().knob().label(), p.correlation().value())).collect(Collectors.toSet());
        assertEquals(2, groups.size(), groups.toString());
        Map<String, String> labels = VariantLabels.of(points.stream().map(p -> p.model().canonical()).toList());
        assertEquals(Set.of("gain=0.5", "gain=0.9"), Set.copyOf(labels.values()));
    }
}
