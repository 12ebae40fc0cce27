package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.stats.CrossMoments;

/**
 * The memory-capacity sink: each chunk's readout states and delayed inputs go into the training or the held-out
 * moments, and the end of an input stream ends both moments' segments, so no delayed product pairs two streams.
 *
 * @param test null for the in-sample estimator (every sample trains)
 */
public record MemorySink(CrossMoments train, CrossMoments test) implements InputSink {
    @Override
    public void accept(DMatrixRMaj x, double[] u, int offset, boolean training) {
        (training ? train : test).addDelayedInputs(x, u, offset);
    }

    @Override
    public void endStream() {
        train.endSegment();
        if (test != null) {
            test.endSegment();
        }
    }
}
