-- How far each theory is from simulation: mean absolute and relative error of MC, per model, size and correlation.
SELECT model, n, knob, correlation,
       round(avg(abs(mc_theory_correlated - mc_total)), 3)             AS err_correlated,
       round(avg(abs(mc_theory_independent - mc_total)), 3)            AS err_independent,
       round(avg(abs(mc_theory_linear - mc_total)), 3)                 AS err_linear,
       round(avg(abs(mc_theory_meanfield - mc_total)), 3)              AS err_meanfield,
       round(avg(abs(mc_theory_correlated - mc_total) / mc_total), 3)  AS rel_err_correlated,
       count(mc_theory_linear)                                         AS rows_with_linear_theory,
       count(*)                                                        AS rows
FROM points
WHERE status = 'ok'
GROUP BY model, n, knob, correlation
ORDER BY model, n, knob, correlation
