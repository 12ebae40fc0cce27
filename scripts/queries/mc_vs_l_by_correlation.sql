-- Memory capacity against readout count L, per model, size and correlation value (mean over replicas),
-- with the measured correlation among the readouts and the two theory predictions.
SELECT model, n, knob, correlation, readouts,
       round(avg(mc_total), 3)              AS mc,
       round(stddev(mc_total), 3)           AS mc_sd,
       round(avg(mc_theory_correlated), 3)  AS mc_theory_correlated,
       round(avg(mc_theory_independent), 3) AS mc_theory_independent,
       round(avg(corr_rms), 3)              AS corr_rms,
       count(*)                             AS replicas
FROM points
WHERE status = 'ok'
GROUP BY model, n, knob, correlation, readouts
ORDER BY model, n, knob, correlation, readouts
