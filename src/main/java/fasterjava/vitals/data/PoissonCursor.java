package fasterjava.vitals.data;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * A position in a stream of Poisson(λ) draws by NumPy's PTRS method (λ ≥ 10). Every try consumes four outputs
 * (two uniforms U and V), accepted or not, so, as for the normals, all buffered tries are tested at once on
 * vector lanes and the accepted ones then read off a bit mask.
 *
 * <p>A try accepts k = ⌊(2a/us + b)·U + λ + 0.43⌋ at once if us ≥ 0.07 and V ≤ vr (us = 0.5 − |U|), and rejects
 * it if k < 0 or (us < 0.013 and V > us). Otherwise NumPy tests {@code ln V + ln(1/α) − ln W ≤ R(k)} with
 * W = a/us² + b and R(k) = −λ + k·ln λ − lnΓ(k+1); here that is decided without logarithms: R(k) comes from a table
 * (the same doubles NumPy computes), {@code V < W·e^(R(k) − ln(1/α) − δ)} proves NumPy's test true and
 * {@code V > W·e^(R(k) − ln(1/α) + δ)} proves it false. The margin δ = 1e-9 dwarfs the rounding of both sides
 * (about 1e-13: three logarithms within one ulp each, two additions, the products). Inside the margin (never seen
 * in practice), for k beyond the table, and where k does not fit an int, the try runs exactly as NumPy's.
 */
final class PoissonCursor {
    /** Values of k with a precomputed bound (PTRS's k rarely exceeds 3λ). */
    static final int TABLE_SIZE = 128;
    /** The margin δ, in the logarithm's units. */
    private static final double MARGIN = 1e-9;
    /** Adding and subtracting 1.5·2^52 rounds a double below 2^51 in magnitude to an integer (half to even). */
    private static final double ROUNDING = 0x1.8p52;
    /** Where the vector floor stops being trusted: such tries (us below ~1e-10) run exactly. */
    private static final double LARGEST_VECTOR_K = 0x1p31;
    private static final int TRIES_PER_VECTOR = Uniforms.WORDS_PER_VECTOR / 4;
    private static final int MAX_TRIES = (OutputBuffer.MAX_READY + Mt19937.STATE_WORDS) / 4 + TRIES_PER_VECTOR;
    /** The even lanes of one vector: one bit per try. */
    private static final long TRY_LANES = 0x5555555555555555L >>> (64 - 2 * TRIES_PER_VECTOR);

    private final OutputBuffer buffer;
    private final double lambda;
    private final double loglam;
    private final double b;
    private final double a;
    private final double vr;
    private final double twoA;
    private final double logInvalpha;
    private final int tableSize;
    /** {@code bounds[2k]}, {@code bounds[2k+1]}: V below the first accepts k, above the second rejects it. */
    private final double[] bounds;
    /** Per buffered try t, at lane 2t: V, W and k (as a double). */
    private final double[] vs = new double[2 * MAX_TRIES];
    private final double[] ws = new double[2 * MAX_TRIES];
    private final double[] ks = new double[2 * MAX_TRIES];
    /** Lane bits (lane 2t for try t, 64 lanes per long): accepted; undecided by the quick tests; to run exactly. */
    private final long[] accepted = new long[(2 * MAX_TRIES + 63) / 64];
    private final long[] undecided = new long[accepted.length];
    private final long[] exact = new long[accepted.length];

    PoissonCursor(Mt19937 start, double lambda) {
        this(start, lambda, TABLE_SIZE);
    }

    /** With a smaller table (0: every undecided try runs exactly), for tests of the exact path. */
    PoissonCursor(Mt19937 start, double lambda, int tableSize) {
        if (!(lambda >= LegacyRandom.PTRS_MIN_LAMBDA)) {
            throw new IllegalArgumentException("only λ >= " + LegacyRandom.PTRS_MIN_LAMBDA + " is implemented");
        }
        this.buffer = new OutputBuffer(start);
        this.lambda = lambda;
        double slam = Math.sqrt(lambda);
        this.loglam = Math.log(lambda);
        this.b = 0.931 + 2.53 * slam;
        this.a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        this.vr = 0.9277 - 3.6224 / (b - 2);
        this.twoA = 2 * a;
        this.logInvalpha = Math.log(invalpha);
        this.tableSize = tableSize;
        this.bounds = new double[2 * tableSize];
        for (int k = 0; k < tableSize; k++) {
            double bound = logAcceptBound(k) - logInvalpha;
            bounds[2 * k] = Math.exp(bound - MARGIN);
            bounds[2 * k + 1] = Math.exp(bound + MARGIN);
        }
    }

    Mt19937 snapshot() {
        return buffer.snapshot();
    }

    /** Writes the next {@code count} draws to {@code out[from..from+count)}. */
    void fill(double[] out, int from, int count) {
        int at = from;
        int to = from + count;
        while (at < to) {
            buffer.ready(4);
            int tries = testTries();
            int consumedTries = tries;
            scan:
            for (int word = 0; word * 64 < 2 * tries; word++) {
                long bits = accepted[word];
                while (bits != 0) {
                    int lane = word * 64 + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    out[at++] = ks[lane];
                    if (at == to) {
                        consumedTries = lane / 2 + 1;
                        break scan;
                    }
                }
            }
            buffer.head += 4 * consumedTries;
        }
    }

    /** Moves past the next {@code count} draws. */
    void skip(long count) {
        long rest = count;
        while (rest > 0) {
            buffer.ready(4);
            int tries = testTries();
            int words = (2 * tries + 63) / 64;
            long found = 0;
            for (int word = 0; word < words; word++) {
                found += Long.bitCount(accepted[word]);
            }
            if (found <= rest) {
                rest -= found;
                buffer.head += 4 * tries;
                continue;
            }
            for (int word = 0; ; word++) {
                long bits = accepted[word];
                int inWord = Long.bitCount(bits);
                if (inWord < rest) {
                    rest -= inWord;
                    continue;
                }
                for (long k = 1; k < rest; k++) {
                    bits &= bits - 1;
                }
                int lastTry = (word * 64 + Long.numberOfTrailingZeros(bits)) / 2;
                buffer.head += 4 * (lastTry + 1);
                rest = 0;
                break;
            }
        }
    }

    /**
     * Decides every whole try in the buffer: the quick tests on vector lanes, then the table test for the tries
     * they leave undecided, then NumPy's own test for the rest. Sets {@link #accepted} (lane 2t for try t) and,
     * for accepted tries, {@link #ks}. Returns the number of tries.
     */
    private int testTries() {
        int tries = buffer.available() / 4;
        int[] words = buffer.words;
        int head = buffer.head;
        int lanesPerVector = 2 * TRIES_PER_VECTOR;
        int vectors = (tries + TRIES_PER_VECTOR - 1) / TRIES_PER_VECTOR;
        Arrays.fill(accepted, 0L);
        Arrays.fill(undecided, 0L);
        Arrays.fill(exact, 0L);
        for (int vec = 0; vec < vectors; vec++) {
            DoubleVector x = Uniforms.twoUMinusOne(Uniforms.mantissas(words, head + vec * Uniforms.WORDS_PER_VECTOR));
            // Even lanes: U = u − 0.5 = x/2; odd lanes: that try's second uniform, V = u = (x + 1)/2; moved left.
            DoubleVector u = x.mul(0.5);
            DoubleVector v = x.add(1.0).mul(0.5).rearrange(Uniforms.SWAP_PAIRS);
            DoubleVector us = u.abs().neg().add(0.5);
            DoubleVector kx = us.broadcast(twoA).div(us).add(b).mul(u).add(lambda).add(0.43);
            DoubleVector rounded = kx.add(ROUNDING).sub(ROUNDING);
            DoubleVector k = rounded.sub(1.0, rounded.compare(VectorOperators.GT, kx));
            VectorMask<Double> large = kx.abs().compare(VectorOperators.GE, LARGEST_VECTOR_K)
                    .or(kx.test(VectorOperators.IS_NAN));
            VectorMask<Double> quick = us.compare(VectorOperators.GE, 0.07).and(v.compare(VectorOperators.LE, vr));
            VectorMask<Double> rejected = k.compare(VectorOperators.LT, 0.0)
                    .or(us.compare(VectorOperators.LT, 0.013).and(v.compare(VectorOperators.GT, us)));
            DoubleVector w = us.mul(us).broadcast(a).div(us.mul(us)).add(b);
            int lane = vec * lanesPerVector;
            int word = lane / 64;
            int shift = lane % 64;
            long largeBits = large.toLong() & TRY_LANES;
            accepted[word] |= (quick.toLong() & TRY_LANES & ~largeBits) << shift;
            undecided[word] |= (~quick.toLong() & ~rejected.toLong() & TRY_LANES & ~largeBits) << shift;
            exact[word] |= largeBits << shift;
            v.intoArray(vs, lane);
            w.intoArray(ws, lane);
            k.intoArray(ks, lane);
        }
        int lanes = 2 * tries;
        for (int word = 0; word < accepted.length; word++) {
            long keep = word * 64 + 64 <= lanes ? -1L : word * 64 >= lanes ? 0L : (1L << (lanes - word * 64)) - 1;
            accepted[word] &= keep;
            undecided[word] &= keep;
            exact[word] &= keep;
        }
        for (int word = 0; word * 64 < lanes; word++) {
            long bits = undecided[word];
            while (bits != 0) {
                int lane = word * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int k = (int) ks[lane];
                if (k >= tableSize) {
                    exact[word] |= 1L << (lane % 64);
                    continue;
                }
                double v = vs[lane];
                double w = ws[lane];
                boolean accept = v < w * bounds[2 * k];
                accepted[word] |= (accept ? 1L : 0L) << (lane % 64);
                if (!accept && !(v > w * bounds[2 * k + 1])) {
                    exact[word] |= 1L << (lane % 64);
                }
            }
            bits = exact[word];
            while (bits != 0) {
                int lane = word * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int at = head + 2 * lane;
                long k = exactTry(Uniforms.uniform(words[at], words[at + 1]) - 0.5,
                        Uniforms.uniform(words[at + 2], words[at + 3]));
                if (k != REJECTED) {
                    accepted[word] |= 1L << (lane % 64);
                    ks[lane] = k;
                }
            }
        }
        return tries;
    }

    /** What {@link #exactTry} returns for a rejected try (a real k is never negative). */
    private static final long REJECTED = -1;

    /** One PTRS try exactly as NumPy runs it: the accepted k, or {@link #REJECTED}. */
    private long exactTry(double u, double v) {
        double us = 0.5 - Math.abs(u);
        long k = (long) Math.floor((twoA / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr) {
            return k;
        }
        if (k < 0 || (us < 0.013 && v > us)) {
            return REJECTED;
        }
        if (Math.log(v) + logInvalpha - Math.log(a / (us * us) + b) <= logAcceptBound(k)) {
            return k;
        }
        return REJECTED;
    }

    /** R(k) = −λ + k·ln λ − lnΓ(k+1), NumPy's right-hand side. */
    private double logAcceptBound(long k) {
        return -lambda + k * loglam - LegacyRandom.logGamma(k + 1);
    }
}
