package org.rcsweep.jobs.sweep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitTallyTest {
    @Test
    void aSplitPointCountsWhenItsLastTaskSucceeds() {
        // point 0 whole; point 1 split into four units over tasks 0-2; point 2 whole in task 2
        UnitTally tally = new UnitTally(new int[][]{{0, 1}, {1, 1}, {1, 2}}, 3);
        assertEquals(1, tally.succeeded(0)); // point 0; point 1 still has units in tasks 1 and 2
        assertEquals(0, tally.succeeded(1)); // point 1 still has its unit in task 2
        assertEquals(2, tally.succeeded(2)); // points 1 and 2
    }

    @Test
    void theOrderOfTasksDoesNotMatterAndRepeatedSuccessesCountOnce() {
        UnitTally tally = new UnitTally(new int[][]{{0, 1}, {1, 1}, {1, 2}}, 3);
        assertEquals(1, tally.succeeded(2)); // point 2
        assertEquals(0, tally.succeeded(2)); // a second successful attempt of the same task
        assertEquals(0, tally.succeeded(1));
        assertEquals(2, tally.succeeded(0)); // points 0 and 1
        assertEquals(0, tally.succeeded(7)); // a task index outside the job
    }

    @Test
    void aRemeasurementCompletesNoPoint() {
        UnitTally tally = new UnitTally(new int[][]{{}, {}}, 0);
        assertEquals(0, tally.succeeded(0));
        assertEquals(0, tally.succeeded(1));
    }
}
