package fasterjava.vitals.data;

/**
 * The draws of NumPy's legacy {@code RandomState} that the case study's generator uses, one value at a time, in
 * NumPy's order of operations so every double comes out bit for bit the same: {@code random_sample},
 * {@code normal} (the polar method, whose second value is kept for the next normal draw) and {@code poisson} for
 * λ ≥ 10 (Hörmann's PTRS). {@code Math.log} stands in for the C library's {@code log}.
 */
final class LegacyRandom {
    /** The smallest λ the PTRS method (the only Poisson method implemented here) serves, as in NumPy. */
    static final double PTRS_MIN_LAMBDA = 10;

    private final Mt19937 twister;
    private boolean hasKeptGauss;
    private double keptGauss;

    /** NumPy's {@code RandomState(seed)} for a seed in 0..2^32-1. */
    LegacyRandom(long seed) {
        this.twister = new Mt19937(VitalsGenerator.checkSeed(seed));
    }

    /** {@code random_sample()}: a double in [0, 1). */
    double nextDouble() {
        return twister.nextDouble();
    }

    /** {@code normal(loc, scale)} = loc + scale * gauss. */
    double normal(double loc, double scale) {
        return loc + scale * gauss();
    }

    /** The legacy polar-method standard normal: returns f·x2 of an accepted pair and keeps f·x1 for next time. */
    double gauss() {
        if (hasKeptGauss) {
            hasKeptGauss = false;
            return keptGauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * twister.nextDouble() - 1.0;
            x2 = 2.0 * twister.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        keptGauss = f * x1;
        hasKeptGauss = true;
        return f * x2;
    }

    /** {@code poisson(lam)} for λ ≥ 10: the transformed rejection method PTRS with NumPy's constants. */
    long poisson(double lambda) {
        if (!(lambda >= PTRS_MIN_LAMBDA)) {
            throw new IllegalArgumentException("only λ >= " + PTRS_MIN_LAMBDA + " is implemented, got " + lambda);
        }
        double slam = Math.sqrt(lambda);
        double loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = twister.nextDouble() - 0.5;
            double v = twister.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lambda + k * loglam - logGamma(k + 1)) {
                return k;
            }
        }
    }

    private static final double[] STIRLING = {8.333333333333333e-02, -2.777777777777778e-03,
        7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00};

    /**
     * NumPy's {@code random_loggam}: ln Γ(x) by a Stirling series with ten coefficients, exactly 0 at 1 and 2;
     * arguments up to 7 are shifted up to 7 and the logs of the shift subtracted back. (Γ's log, not a library's:
     * PTRS's accept test must see NumPy's rounding.)
     */
    static double logGamma(double x) {
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        double x0 = x;
        long shift = 0;
        if (x <= 7.0) {
            shift = (long) (7 - x);
            x0 = x + shift;
        }
        double x2 = 1.0 / (x0 * x0);
        double series = STIRLING[9];
        for (int k = 8; k >= 0; k--) {
            series *= x2;
            series += STIRLING[k];
        }
        double gl = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
        if (x <= 7.0) {
            for (long k = 1; k <= shift; k++) {
                gl -= Math.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }
}
