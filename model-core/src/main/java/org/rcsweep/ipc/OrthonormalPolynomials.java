package org.rcsweep.ipc;

import org.rcsweep.spec.InputDistribution;

/**
 * Polynomials orthonormal under the input law, so that products over distinct delays form an orthonormal target
 * basis: √(2d+1)·P_d (Legendre) for uniform input on [−1, 1], He_d/√(d!) (probabilists' Hermite) for Gaussian input,
 * and for binary ±1 input only degrees 0 and 1 (u² = 1 carries nothing new).
 */
public final class OrthonormalPolynomials {
    private OrthonormalPolynomials() {
    }

    /** Largest degree a single delay may carry under this law. */
    public static int maxPower(InputDistribution law) {
        return law == InputDistribution.BINARY ? 1 : Integer.MAX_VALUE;
    }

    public static double value(InputDistribution law, int degree, double u) {
        return switch (law) {
            case UNIFORM -> Math.sqrt(2 * degree + 1) * legendre(degree, u);
            case GAUSSIAN -> hermite(degree, u) / Math.sqrt(factorial(degree));
            case BINARY -> {
                if (degree > 1) {
                    throw new IllegalArgumentException("binary input has no polynomial of degree " + degree);
                }
                yield degree == 0 ? 1.0 : u;
            }
        };
    }

    /**
     * {@link #value} at {@code rows} points u[from + s·stride], written to out[outFrom + s·outStride]: the same
     * arithmetic with the normalisation computed once (identical values).
     */
    public static void values(InputDistribution law, int degree, double[] u, int from, int stride, int rows,
                              double[] out, int outFrom, int outStride) {
        switch (law) {
            case UNIFORM -> {
                double norm = Math.sqrt(2 * degree + 1);
                for (int s = 0; s < rows; s++) {
                    out[outFrom + s * outStride] = norm * legendre(degree, u[from + s * stride]);
                }
            }
            case GAUSSIAN -> {
                double norm = Math.sqrt(factorial(degree));
                for (int s = 0; s < rows; s++) {
                    out[outFrom + s * outStride] = hermite(degree, u[from + s * stride]) / norm;
                }
            }
            case BINARY -> {
                for (int s = 0; s < rows; s++) {
                    out[outFrom + s * outStride] = value(law, degree, u[from + s * stride]);
                }
            }
        }
    }

    static double legendre(int d, double u) {
        double p0 = 1.0;
        if (d == 0) {
            return p0;
        }
        double p1 = u;
        for (int k = 1; k < d; k++) {
            double p2 = ((2 * k + 1) * u * p1 - k * p0) / (k + 1);
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }

    static double hermite(int d, double u) {
        double h0 = 1.0;
        if (d == 0) {
            return h0;
        }
        double h1 = u;
        for (int k = 1; k < d; k++) {
            double h2 = u * h1 - k * h0;
            h0 = h1;
            h1 = h2;
        }
        return h1;
    }

    private static double factorial(int d) {
        double f = 1;
        for (int k = 2; k <= d; k++) {
            f *= k;
        }
        return f;
    }
}
