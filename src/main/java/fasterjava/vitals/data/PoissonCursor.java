package fasterjava.vitals.data;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A position in a stream of Poisson(λ) draws by NumPy's PTRS method (λ ≥ 10). Every try consumes four outputs
 * (two uniforms U and V), accepted or not, so, as for the normals, all buffered tries are decided at once on
 * vector lanes, one try per lane, and the accepted ones then read off a bit mask.
 *
 * <p>A try accepts k = ⌊(2a/us + b)·U + λ + 0.43⌋ at once if us ≥ 0.07 and V ≤ vr (us = 0.5 − |U|), and rejects
 * it if k < 0 or (us < 0.013 and V > us). Otherwise (about half the tries) NumPy tests
 * {@code ln V + ln(1/α) − ln W ≤ R(k)} with W = a/us² + b and R(k) = −λ + k·ln λ − lnΓ(k+1); here that is decided
 * without logarithms or a second division: with the table value T(k) = e^(R(k) − ln(1/α) − δ) (R(k) the same
 * double NumPy computes), {@code V·us² < (a + b·us²)·T(k)} proves NumPy's test true and
 * {@code V·us² > (a + b·us²)·T(k)·e^2δ} proves it false. The margin δ = 1e-9 dwarfs the rounding of both sides
 * (about 1e-13: three logarithms within one ulp each, two additions, a few products). Inside the margin (never
 * seen in practice), for k beyond the table (one undecided try in 40,000 for λ = 16), and where k is too large for
 * the vector floor, the try runs exactly as NumPy's.
 */
final class PoissonCursor {
    /** Values of k with a precomputed bound. */
    static final int TABLE_SIZE = 64;
    /** The margin δ, in the logarithm's units. */
    private static final double MARGIN = 1e-9;
    /** e^2δ: V·us² above {@code (a + b·us²)·T(k)·e^2δ} rejects k. */
    private static final double MARGIN_FACTOR = Math.exp(2 * MARGIN);
    /** Adding and subtracting 1.5·2^52 rounds a double below 2^51 in magnitude to an integer (half to even). */
    private static final double ROUNDING = 0x1.8p52;
    /** Where the vector floor stops being trusted: such tries (us below ~1e-10) run exactly. */
    private static final double LARGEST_VECTOR_K = 0x1p31;
    private static final VectorSpecies<Double> DOUBLES = Uniforms.DOUBLES;
    private static final VectorSpecies<Long> LONGS = Uniforms.LONGS;
    /** Tries per group: one per double lane; a group reads two vectors of outputs. */
    private static final int TRIES_PER_GROUP = DOUBLES.length();
    private static final int WORDS_PER_GROUP = 4 * TRIES_PER_GROUP;
    /** Picks each try's first (U) and second (V) uniform out of two vectors of uniform integers. */
    private static final LongVector FIRSTS = LongVector.zero(LONGS).addIndex(2);
    private static final LongVector SECONDS = FIRSTS.add(1);
    private static final int MAX_TRIES = (OutputBuffer.MAX_READY + Mt19937.STATE_WORDS) / 4 + TRIES_PER_GROUP;

    private final OutputBuffer buffer;
    private final double lambda;
    private final double loglam;
    private final double b;
    private final double a;
    private final double vr;
    private final double twoA;
    private final double logInvalpha;
    private final int tableSize;
    /** T(k): V·us² below {@code (a + b·us²)·T(k)} accepts k. */
    private final double[] table = new double[TABLE_SIZE];
    /** T(k) for a group's lanes. */
    private final double[] looked = new double[TRIES_PER_GROUP];
    /** Per buffered try: k (as a double). */
    private final double[] ks = new double[MAX_TRIES];
    /** Try bits, 64 per long: accepted; to be decided by NumPy's own test. */
    private final long[] accepted = new long[(MAX_TRIES + 63) / 64];
    private final long[] exact = new long[accepted.length];

    PoissonCursor(Mt19937 start, double lambda) {
        this(start, lambda, TABLE_SIZE);
    }

    /** With a smaller table (0: every try the quick tests leave open runs exactly), for tests of that path. */
    PoissonCursor(Mt19937 start, double lambda, int tableSize) {
        if (!(lambda >= LegacyRandom.PTRS_MIN_LAMBDA)) {
            throw new IllegalArgumentException("only λ >= " + LegacyRandom.PTRS_MIN_LAMBDA + " is implemented");
        }
        if (tableSize < 0 || tableSize > TABLE_SIZE) {
            throw new IllegalArgumentException("table size must be in 0.." + TABLE_SIZE + ", got " + tableSize);
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
        for (int k = 0; k < tableSize; k++) {
            table[k] = Math.exp(logAcceptBound(k) - logInvalpha - MARGIN);
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
            int tries = decideTries();
            int consumedTries = tries;
            scan:
            for (int word = 0; word * 64 < tries; word++) {
                long bits = accepted[word];
                while (bits != 0) {
                    int tryIndex = word * 64 + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    out[at++] = ks[tryIndex];
                    if (at == to) {
                        consumedTries = tryIndex + 1;
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
            int tries = decideTries();
            long found = 0;
            for (int word = 0; word * 64 < tries; word++) {
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
                int lastTry = word * 64 + Long.numberOfTrailingZeros(bits);
                buffer.head += 4 * (lastTry + 1);
                rest = 0;
                break;
            }
        }
    }

    /** Moves past the next {@code tries} tries and returns how many of them accepted. */
    long skipTries(long tries) {
        long found = 0;
        long rest = tries;
        while (rest > 0) {
            buffer.ready(4);
            int take = (int) Math.min(rest, decideTries());
            for (int word = 0; word * 64 < take; word++) {
                int inWord = Math.min(64, take - word * 64);
                long mask = inWord == 64 ? -1L : (1L << inWord) - 1;
                found += Long.bitCount(accepted[word] & mask);
            }
            buffer.head += 4 * take;
            rest -= take;
        }
        return found;
    }

    /** Moves past the next {@code tries} tries without deciding them (the generator only twists). */
    void discardTries(long tries) {
        buffer.skip(4 * tries);
    }

    /**
     * Decides every whole try in the buffer: all tests but NumPy's logarithms on vector lanes, then those for the
     * few tries left open. Sets {@link #accepted} and, for accepted tries, {@link #ks}; returns the number of tries.
     */
    private int decideTries() {
        int tries = buffer.available() / 4;
        int[] words = buffer.words;
        int head = buffer.head;
        int groups = (tries + TRIES_PER_GROUP - 1) / TRIES_PER_GROUP;
        for (int group = 0; group < groups; group++) {
            decideGroup(words, head + group * WORDS_PER_GROUP, group * TRIES_PER_GROUP);
        }
        int words64 = (tries + 63) / 64;
        if (tries % 64 != 0) {
            long keep = (1L << (tries % 64)) - 1;
            accepted[words64 - 1] &= keep;
            exact[words64 - 1] &= keep;
        }
        for (int word = 0; word < words64; word++) {
            long bits = exact[word];
            while (bits != 0) {
                int tryIndex = word * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int at = head + 4 * tryIndex;
                long k = exactTry(Uniforms.uniform(words[at], words[at + 1]) - 0.5,
                        Uniforms.uniform(words[at + 2], words[at + 3]));
                if (k != REJECTED) {
                    accepted[word] |= 1L << (tryIndex % 64);
                    ks[tryIndex] = k;
                }
            }
        }
        return tries;
    }

    /**
     * The vector tests of the tries from {@code first} on, whose outputs start at {@code words[at]}: sets their
     * bits in {@link #accepted} and {@link #exact} and their k in {@link #ks}. No vector crosses a call that C2
     * might not inline (it would be boxed): helpers that return vectors are kept tiny.
     */
    private void decideGroup(int[] words, int at, int first) {
        LongVector m0 = Uniforms.mantissas(words, at);
        LongVector m1 = Uniforms.mantissas(words, at + Uniforms.WORDS_PER_VECTOR);
        // U = u − 0.5 = (2u − 1)/2 and V = u = ((2u − 1) + 1)/2, both exact.
        DoubleVector u = Uniforms.twoUMinusOne(FIRSTS.selectFrom(m0, m1)).mul(0.5);
        DoubleVector v = Uniforms.twoUMinusOne(SECONDS.selectFrom(m0, m1)).add(1.0).mul(0.5);
        DoubleVector us = u.abs().neg().add(0.5);
        DoubleVector kx = us.broadcast(twoA).div(us).add(b).mul(u).add(lambda).add(0.43);
        DoubleVector rounded = kx.add(ROUNDING).sub(ROUNDING);
        DoubleVector k = rounded.sub(1.0, rounded.compare(VectorOperators.GT, kx));
        VectorMask<Double> large = kx.abs().compare(VectorOperators.GE, LARGEST_VECTOR_K)
                .or(kx.test(VectorOperators.IS_NAN));
        VectorMask<Double> quick = us.compare(VectorOperators.GE, 0.07).and(v.compare(VectorOperators.LE, vr));
        VectorMask<Double> rejected = k.compare(VectorOperators.LT, 0.0)
                .or(us.compare(VectorOperators.LT, 0.013).and(v.compare(VectorOperators.GT, us)));
        VectorMask<Double> open = quick.or(rejected).or(large).not();
        VectorMask<Double> inTable = k.compare(VectorOperators.LT, tableSize);
        DoubleVector us2 = us.mul(us);
        DoubleVector left = v.mul(us2);
        // T(k) by a scalar gather: the Vector API's gather wants the indices as an int vector of half the width,
        // a conversion C2 left to boxed fallback code here (slower, and garbage on every group).
        k.intoArray(ks, first);
        for (int lane = 0; lane < TRIES_PER_GROUP; lane++) {
            looked[lane] = table[(int) Math.min(Math.max(ks[first + lane], 0), TABLE_SIZE - 1)];
        }
        DoubleVector right = us2.mul(b).add(a).mul(DoubleVector.fromArray(DOUBLES, looked, 0));
        VectorMask<Double> below = left.compare(VectorOperators.LT, right);
        VectorMask<Double> above = left.compare(VectorOperators.GT, right.mul(MARGIN_FACTOR));
        VectorMask<Double> decidedByTable = inTable.and(below.or(above));
        VectorMask<Double> accept = quick.andNot(large).or(open.and(inTable).and(below));
        VectorMask<Double> runExactly = large.or(open.andNot(decidedByTable));
        int word = first / 64;
        int shift = first % 64;
        if (shift == 0) {
            accepted[word] = 0;
            exact[word] = 0;
        }
        accepted[word] |= accept.toLong() << shift;
        exact[word] |= runExactly.toLong() << shift;
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
