"""Workload 1 in NumPy/OpenBLAS: the same-run outside reference of scripts/bench (README "Performance").

A careful NumPy version of what rcsweep computes for workload 1: a tanh ESN (N neurons, W_ij ~ N(0, 0.9²/N),
uniform input in [-1, 1]) run for washout + T steps with in-place BLAS calls, then memory capacity for K + 1
delays and ten readout counts L with per-L ridge readouts, fitted on the first half of the samples and scored on
the second half (held-out squared correlation, as rcsweep's holdout estimator does). It prints one line of
stage times that Bench parses:  simulate=S moments=S readouts=S total=S mc=V dgemv=S (the bare W·x loop of
washout + T products, timed after the rest and not part of total)
OpenBLAS uses as many threads as OPENBLAS_NUM_THREADS allows (default: every core).
"""
import sys
import time

import numpy as np

try:
    from scipy.linalg import cho_factor, cho_solve
except ImportError:  # plain NumPy: a general solve of the symmetric system instead of Cholesky
    cho_factor = None


def main(n, steps, washout, max_delay, max_readouts):
    rng = np.random.default_rng(1)
    w = rng.standard_normal((n, n)) * (0.9 / np.sqrt(n))  # gain 0.9, as rcsweep's point (bulk radius 0.9)
    w_in = rng.uniform(-0.5, 0.5, n)
    total = washout + steps
    u = rng.uniform(-1.0, 1.0, total)
    readouts = [max(1, max_readouts * i // 10) for i in range(1, 11)]

    t0 = time.perf_counter()
    states = np.empty((total, n))
    x = np.zeros(n)
    drive = np.empty(n)
    for t in range(total):
        np.dot(w, x, out=drive)
        drive += w_in * u[t]
        np.tanh(drive, out=states[t])
        x = states[t]
    t1 = time.perf_counter()

    x_all = states[washout:, :max_readouts]
    delays = np.arange(max_delay + 1)
    y_all = u[np.arange(washout, total)[:, None] - delays[None, :]]
    half = steps // 2
    moments = []
    for part in (slice(0, half), slice(half, steps)):
        xs = x_all[part] - x_all[part].mean(axis=0)
        ys = y_all[part] - y_all[part].mean(axis=0)
        moments.append((xs.T @ xs, xs.T @ ys, np.einsum("ij,ij->j", ys, ys)))
    t2 = time.perf_counter()

    (g, c, _), (h, d, vy) = moments
    mc = 0.0
    for l in readouts:
        gl = g[:l, :l] + 1e-8 * np.trace(g[:l, :l]) / l * np.eye(l)
        wl = cho_solve(cho_factor(gl), c[:l]) if cho_factor else np.linalg.solve(gl, c[:l])
        cov = np.einsum("ij,ij->j", wl, d[:l])
        var = np.einsum("ij,ij->j", wl, h[:l, :l] @ wl)
        mc = float(np.sum(cov * cov / (var * vy)))
    t3 = time.perf_counter()

    # A stricter simulation yardstick than the simulation loop above: the bare matrix-vector loop, washout + T
    # products W x with nothing else (x fixed at the last state, so no values decay into subnormals).
    x = states[-1].copy()
    y = np.empty(n)
    t4 = time.perf_counter()
    for _ in range(total):
        np.dot(w, x, out=y)
    t5 = time.perf_counter()
    print(f"simulate={t1 - t0:.3f} moments={t2 - t1:.3f} readouts={t3 - t2:.3f} total={t3 - t0:.3f} "
          f"mc={mc:.3f} dgemv={t5 - t4:.3f} blas={np.__version__}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:6]))
