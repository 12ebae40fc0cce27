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
 */
public record Recovery(List<String> rolledForward, List<String> removed, Map<String, String> damaged, int adopted) {
    public Recovery {
        rolledForward = List.copyOf(rolledForward);
        removed = List.copyOf(removed);
        damaged = Map.copyOf(damaged);
    }
}
