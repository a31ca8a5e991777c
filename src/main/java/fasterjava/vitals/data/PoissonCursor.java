package fasterjava.vitals.data;

/**
 * A position in a stream of Poisson(λ) draws by NumPy's PTRS method (λ ≥ 10): every try consumes four outputs
 * (two uniforms), accepted or not.
 */
final class PoissonCursor {
    private final OutputBuffer buffer;
    private final double lambda;
    private final double slam;
    private final double loglam;
    private final double b;
    private final double a;
    private final double invalpha;
    private final double vr;

    PoissonCursor(Mt19937 start, double lambda) {
        if (!(lambda >= LegacyRandom.PTRS_MIN_LAMBDA)) {
            throw new IllegalArgumentException("only λ >= " + LegacyRandom.PTRS_MIN_LAMBDA + " is implemented");
        }
        this.buffer = new OutputBuffer(start);
        this.lambda = lambda;
        this.slam = Math.sqrt(lambda);
        this.loglam = Math.log(lambda);
        this.b = 0.931 + 2.53 * slam;
        this.a = -0.059 + 0.02483 * b;
        this.invalpha = 1.1239 + 1.1328 / (b - 3.4);
        this.vr = 0.9277 - 3.6224 / (b - 2);
    }

    Mt19937 snapshot() {
        return buffer.snapshot();
    }

    /** Writes the next {@code count} draws to {@code out[from..from+count)}. */
    void fill(double[] out, int from, int count) {
        for (int i = from; i < from + count; i++) {
            out[i] = next();
        }
    }

    /** Moves past the next {@code count} draws. */
    void skip(long count) {
        for (long i = 0; i < count; i++) {
            next();
        }
    }

    private long next() {
        int[] words = buffer.words;
        while (true) {
            buffer.ready(4);
            int h = buffer.head;
            double u = NormalCursor.uniform(words[h], words[h + 1]) - 0.5;
            double v = NormalCursor.uniform(words[h + 2], words[h + 3]);
            buffer.head = h + 4;
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lambda + k * loglam - LegacyRandom.logGamma(k + 1)) {
                return k;
            }
        }
    }
}
