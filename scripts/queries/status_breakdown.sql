-- Which points did not run cleanly, and why.
SELECT model, n, knob, correlation, status, count(DISTINCT point_id) AS points, max(message) AS example_message
FROM points
GROUP BY model, n, knob, correlation, status
ORDER BY status, model, n, knob, correlation
