-- Capacity per IPC degree against readout count (mean over replicas), next to memory capacity:
-- where linear memory saturates, higher degrees take over.
SELECT model, n, knob, correlation, readouts, d.pos + 1 AS degree,
       round(avg(d.capacity), 3) AS capacity,
       round(avg(mc_total), 3)   AS mc
FROM points LATERAL VIEW posexplode(ipc_by_degree) d AS pos, capacity
WHERE status = 'ok'
GROUP BY model, n, knob, correlation, readouts, d.pos
ORDER BY model, n, knob, correlation, degree, readouts
