package org.rcsweep.tables;

import org.rcsweep.eval.PointResult;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.model.InputBalance;
import org.rcsweep.model.LearningRecord;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.eval.ReadoutResult;
import org.rcsweep.eval.TheoryCurves;
import org.rcsweep.eval.TheorySummary;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PointResult} into the cells of {@link ResultTables#POINTS} and {@link ResultTables#MEMORY_CURVE}
 * rows, in schema order, with boxed Java values and null where a value does not exist.
 */
public final class PointRows {
    private PointRows() {
    }

    public static List<Object[]> points(PointResult result, String codeVersion) {
        PointSpec s = result.spec();
        TheorySummary t = result.theory();
        IpcResult ipc = result.ipc();
        LearningRecord learning = result.learning();
        InputBalance first = learning != null ? learning.first() : null;
        InputBalance last = learning != null ? learning.last() : null;
        List<Object[]> rows = new ArrayList<>(result.readouts().size());
        for (int i = 0; i < result.readouts().size(); i++) {
            ReadoutResult r = result.readouts().get(i);
            boolean hasIpc = ipc != null && r.status() == PointStatus.OK;
            rows.add(new Object[] {
                result.pointId(), s.sweep(), s.model().kind(), s.model().canonical(), s.n(),
                s.correlation().knob().label(), s.correlation().value(), r.readouts(), s.replica(), result.seed(),
                s.input().distribution().label(), s.input().steps(), s.input().washout(), s.input().streams(),
                s.maxDelay(),
                s.capacity().estimator().label(), s.capacity().ridge(),
                orNull(r.mcTotal()), orNull(r.mcInSample()), orNull(r.mcHoldout()),
                orNull(r.correlations().meanAbs()), orNull(r.correlations().rms()),
                orNull(r.correlations().participationRatio()), orNull(r.conditionEstimate()), r.rank(),
                orNull(r.theory().mcLinear()), Double.isFinite(r.theory().mcLinear()) ? t.linearKind() : null,
                orNull(r.theory().mcIndependent()), orNull(r.theory().mcCorrelated()),
                orNull(r.theory().mcMeanfield()),
                orNull(t.pairMean()), orNull(t.pairMeanSquare()), t.message(),
                hasIpc ? ipc.total(i) : null, hasIpc ? byDegree(ipc.byDegree()[i]) : null,
                ipc != null ? ipc.evaluated() : null, ipc != null ? ipc.threshold() : null,
                ipc != null ? ipc.message() : null,
                result.spikes() != null ? orNull(result.spikes().firingRate()) : null,
                result.spikes() != null ? orNull(result.spikes().isiCv()) : null,
                first != null ? orNull(first.correlation()) : null, last != null ? orNull(last.correlation()) : null,
                first != null ? orNull(first.residual()) : null, last != null ? orNull(last.residual()) : null,
                r.status().label(), r.message(), result.simulateSeconds(), result.capacitySeconds(),
                result.theorySeconds(), result.ipcSeconds(), codeVersion,
            });
        }
        return rows;
    }

    /** One row per (L, k) for every readout count whose status is ok. */
    public static List<Object[]> memoryCurve(PointResult result) {
        TheorySummary t = result.theory();
        List<Object[]> rows = new ArrayList<>();
        for (ReadoutResult r : result.readouts()) {
            if (r.status() != PointStatus.OK) {
                continue;
            }
            for (int k = 0; k < r.memory().length; k++) {
                TheoryCurves theory = r.theory();
                rows.add(new Object[] {result.pointId(), r.readouts(), k, r.memory()[k], r.memoryInSample()[k],
                    orNull(theory.mLinear()[k]), orNull(theory.mIndependent()[k]), orNull(theory.mCorrelated()[k]),
                    orNull(theory.mMeanfield()[k]),
                    t.inputMean().length > k ? orNull(t.inputMean()[k]) : null,
                    t.inputMeanSquare().length > k ? orNull(t.inputMeanSquare()[k]) : null});
            }
        }
        return rows;
    }

    /** One row per kept IPC target and readout count (none when IPC was off or the point did not run). */
    public static List<Object[]> ipcTerms(PointResult result) {
        List<Object[]> rows = new ArrayList<>();
        if (result.ipc() == null) {
            return rows;
        }
        for (IpcResult.Term term : result.ipc().terms()) {
            rows.add(new Object[] {result.pointId(), term.readouts(), term.target().degree(),
                ints(term.target().delays()), ints(term.target().family().powers()), term.capacity(),
                term.threshold()});
        }
        return rows;
    }

    private static List<Double> byDegree(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
