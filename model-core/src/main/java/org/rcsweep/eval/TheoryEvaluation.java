package org.rcsweep.eval;

import org.rcsweep.model.LeakyRateReservoir;
import org.rcsweep.model.Reservoir;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.stats.CrossMoments;
import org.rcsweep.theory.CorrelatedPredictor;
import org.rcsweep.theory.CorrelationStatistics;
import org.rcsweep.theory.IndependentPredictor;
import org.rcsweep.theory.LinearDynamics;
import org.rcsweep.theory.LinearMemoryTheory;
import org.rcsweep.theory.Linearization;
import org.rcsweep.theory.MeanFieldTheory;
import org.rcsweep.theory.SummaryStatistics;
import org.rcsweep.theory.TheoryException;

/** Computes the theory predictions a point's spec asks for, next to its simulation. */
final class TheoryEvaluation {
    record Outcome(TheoryCurves[] curves, TheorySummary summary) {
    }

    private TheoryEvaluation() {
    }

    static Outcome compute(PointSpec spec, Reservoir reservoir, CrossMoments train, int[] readoutNeurons,
                           int[] readouts) {
        int m = spec.maxDelay() + 1;
        TheoryCurves[] curves = new TheoryCurves[readouts.length];
        double[][] linear = null;
        String kind = null;
        StringBuilder message = new StringBuilder();
        if (spec.theory().linear()) {
            try {
                LinearDynamics dynamics = Linearization.of(reservoir, spec.input().distribution().variance());
                LinearMemoryTheory.Result r = LinearMemoryTheory.compute(dynamics, readoutNeurons, readouts,
                        spec.maxDelay(), spec.capacity().maxCondition(), spec.capacity().threads());
                linear = r.memory();
                kind = dynamics.kind();
                for (int i = 0; i < readouts.length; i++) {
                    if (!r.wellConditioned(i)) {
                        message.append("linear theory: Γ block of ").append(readouts[i])
                                .append(" readouts has condition estimate ").append(r.condition()[i])
                                .append(", not reported; ");
                        break;
                    }
                }
            } catch (TheoryException e) {
                message.append("linear theory: ").append(e.getMessage()).append("; ");
            }
        }
        double[][] independent = null;
        double[][] correlated = null;
        SummaryStatistics summary = null;
        if (spec.theory().predictors()) {
            CorrelationStatistics stats = CorrelationStatistics.fromMoments(train);
            independent = IndependentPredictor.memory(stats, readouts);
            summary = SummaryStatistics.of(stats);
            correlated = CorrelatedPredictor.memory(summary, readouts);
        }
        double[][] meanfield = spec.theory().meanfield()
                ? meanfield(spec, reservoir, readoutNeurons, readouts, message) : null;
        TheoryCurves none = TheoryCurves.none(m);
        for (int i = 0; i < readouts.length; i++) {
            curves[i] = new TheoryCurves(linear != null ? linear[i] : none.mLinear(),
                    independent != null ? independent[i] : none.mIndependent(),
                    correlated != null ? correlated[i] : none.mCorrelated(),
                    meanfield != null ? meanfield[i] : none.mMeanfield());
        }
        String text = message.length() == 0 ? "" : message.substring(0, message.length() - 2);
        TheorySummary s = summary == null ? new TheorySummary(kind, text, Double.NaN, Double.NaN, new double[0],
                new double[0]) : new TheorySummary(kind, text, summary.pairMean(), summary.pairMeanSquare(),
                summary.inputMean(), summary.inputMeanSquare());
        return new Outcome(curves, s);
    }

    /** The mean-field theory's m_k(L), or null with the reason appended to the message. */
    private static double[][] meanfield(PointSpec spec, Reservoir reservoir, int[] readoutNeurons, int[] readouts,
                                        StringBuilder message) {
        if (!(reservoir instanceof LeakyRateReservoir leaky)) {
            message.append("mean-field theory: only for rate reservoirs with recurrent weights (esn, orthogonal, ")
                    .append("low-rank-sparse, custom, ring, delay-line), not ").append(spec.model().kind())
                    .append("; ");
            return null;
        }
        try {
            MeanFieldTheory.FixedPoint fixedPoint = MeanFieldTheory.solve(leaky,
                    spec.input().distribution().variance(), spec.capacity().threads());
            LinearMemoryTheory.Result r = MeanFieldTheory.compute(fixedPoint, readoutNeurons, readouts,
                    spec.maxDelay(), spec.capacity().maxCondition());
            for (int i = 0; i < readouts.length; i++) {
                if (!r.wellConditioned(i)) {
                    message.append("mean-field theory: Γ block of ").append(readouts[i])
                            .append(" readouts has condition estimate ").append(r.condition()[i])
                            .append(", not reported; ");
                    break;
                }
            }
            return r.memory();
        } catch (TheoryException e) {
            message.append("mean-field theory: ").append(e.getMessage()).append("; ");
            return null;
        }
    }
}
