package org.rcsweep.jobs.results;

import java.util.List;
import java.util.Map;

/**
 * What {@link ResultsDirectory#recover} did.
 *
 * @param rolledForward batches a killed run had recorded and that are now moved into their tables
 * @param removed       paths deleted: uncommitted leftovers and the folders of damaged batches
 * @param damaged       batch id → what was wrong with it; its points are computed again
 * @param adopted       batches of a directory written before batch records existed that received records
 * @param committed     the intact committed batches by id, as recovery left them
 * @param checksummed   whether every part's CRC32C was checked (else sizes only: the parts were too large)
 * @param recordedBytes bytes of the recorded parts, damaged ones included
 */
public record Recovery(List<String> rolledForward, List<String> removed, Map<String, String> damaged, int adopted,
                       Map<String, BatchRecord> committed, boolean checksummed, long recordedBytes) {
    public Recovery {
        rolledForward = List.copyOf(rolledForward);
        removed = List.copyOf(removed);
        damaged = Map.copyOf(damaged);
        committed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(committed));
    }
}
