"""Writes ei40_recurrent.csv and ei40_input.csv: a 40-neuron network obeying Dale's law, as a stand-in for weights
trained elsewhere (examples/zoo.yaml measures it with model kind `custom`).

32 excitatory and 8 inhibitory neurons; each connection exists with probability 0.25; excitatory weights w_E,
inhibitory weights -4·w_E so that input to a neuron balances on average; w_E = 0.9 / sqrt(N·p·(0.8 + 0.2·16)) puts
the bulk spectral radius near 0.9. Input weights are uniform on [-0.5, 0.5]. Run: python3 make_ei40.py
"""
import math
import random

N, P, EXC = 40, 0.25, 32
rng = random.Random(2024)
w_e = 0.9 / math.sqrt(N * P * (0.8 + 0.2 * 16))
with open("ei40_recurrent.csv", "w") as f:
    for i in range(N):
        row = []
        for j in range(N):
            w = 0.0
            if i != j and rng.random() < P:
                w = w_e if j < EXC else -4.0 * w_e
            row.append(repr(w))
        f.write(",".join(row) + "\n")
with open("ei40_input.csv", "w") as f:
    for i in range(N):
        f.write(repr(rng.uniform(-0.5, 0.5)) + "\n")
