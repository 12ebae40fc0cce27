package org.rcsweep.bench;

/** One measured stage: wall seconds, floating-point operations done, and the reference rate it is compared with. */
record Stage(String name, double seconds, double flops, double referenceGflops, String note) {
    double gflops() {
        return seconds > 0 ? flops / seconds * 1e-9 : Double.NaN;
    }

    /** Achieved rate over the same-run reference rate (NaN without a reference). */
    double ratio() {
        return referenceGflops > 0 ? gflops() / referenceGflops : Double.NaN;
    }
}
