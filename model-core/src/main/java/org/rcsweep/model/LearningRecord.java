package org.rcsweep.model;

import java.io.Serializable;

/**
 * What a learning phase did: its length and the input balance over its first and last window of steps (each
 * window min(1000, max(1, steps/100)) steps); both balances are null when there was no learning.
 */
public record LearningRecord(int steps, InputBalance first, InputBalance last) implements Serializable {
    static int window(int steps) {
        return Math.min(1000, Math.max(1, steps / 100));
    }
}
