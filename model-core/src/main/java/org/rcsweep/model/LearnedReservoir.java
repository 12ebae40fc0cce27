package org.rcsweep.model;

/** A reservoir whose weights were learned before it was measured, with the record of how its learning went. */
public interface LearnedReservoir extends Reservoir {
    LearningRecord learning();
}
