package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;

/** Test helper: keeps every sample of a simulation, so plain (non-streaming) estimators can be checked against it. */
final class RecordedSamples implements ChunkSink {
    private final List<DMatrixRMaj> trainX = new ArrayList<>();
    private final List<DMatrixRMaj> trainY = new ArrayList<>();
    private final List<DMatrixRMaj> testX = new ArrayList<>();
    private final List<DMatrixRMaj> testY = new ArrayList<>();

    @Override
    public void accept(DMatrixRMaj x, DMatrixRMaj y, boolean training) {
        (training ? trainX : testX).add(x.copy());
        (training ? trainY : testY).add(y.copy());
    }

    DMatrixRMaj trainStates() {
        return stack(trainX);
    }

    DMatrixRMaj trainTargets() {
        return stack(trainY);
    }

    DMatrixRMaj testStates() {
        return stack(testX);
    }

    DMatrixRMaj testTargets() {
        return stack(testY);
    }

    private static DMatrixRMaj stack(List<DMatrixRMaj> parts) {
        int rows = parts.stream().mapToInt(p -> p.numRows).sum();
        DMatrixRMaj out = new DMatrixRMaj(rows, parts.get(0).numCols);
        int r = 0;
        for (DMatrixRMaj p : parts) {
            CommonOps_DDRM.insert(p, out, r, 0);
            r += p.numRows;
        }
        return out;
    }

    /** Subtracts each column's mean in place and returns the matrix. */
    static DMatrixRMaj centre(DMatrixRMaj a) {
        for (int j = 0; j < a.numCols; j++) {
            double s = 0;
            for (int i = 0; i < a.numRows; i++) {
                s += a.get(i, j);
            }
            double mean = s / a.numRows;
            for (int i = 0; i < a.numRows; i++) {
                a.set(i, j, a.get(i, j) - mean);
            }
        }
        return a;
    }
}
