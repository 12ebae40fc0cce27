-- Power-law exponent alpha of MC = a * L^alpha against N and correlation (needs `rcsweep fit DIR` first);
-- variants of one model kind (different model_params) are fitted and listed apart.
SELECT model, model_params, knob, correlation, n,
       round(estimate, 3) AS alpha, round(ci_low, 3) AS ci_low, round(ci_high, 3) AS ci_high,
       round(r2, 3) AS r2, replicas
FROM fits
WHERE metric = 'mc_total' AND law = 'power' AND parameter = 'alpha'
ORDER BY model, model_params, knob, correlation, n
