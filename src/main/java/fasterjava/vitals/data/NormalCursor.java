package fasterjava.vitals.data;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * A position in NumPy's legacy normal stream: the polar method's accepted tries give two normals each, f·x2 then
 * f·x1 (the second kept for the next draw). A cursor at an even normal index sits right after an accepted try; at
 * an odd one it also holds the kept f·x1.
 *
 * <p>Every try, accepted or not, consumes four outputs, so tries sit at fixed places in the buffer and their
 * accept tests ({@code r2 = x1² + x2²} in (0, 1)) run on vector lanes for all buffered tries at once, leaving one
 * bit per try; skipping only counts those bits, and producing values visits the set bits for the logarithm.
 */
final class NormalCursor {
    /** A cursor's position: the generator right after the last accepted try, and the kept value if any. */
    record State(Mt19937 twister, boolean hasKept, double kept) {
    }

    /** Tries per vector of outputs. */
    private static final int TRIES_PER_VECTOR = Uniforms.WORDS_PER_VECTOR / 4;
    /** Lanes (two per try) whose accept bits fit in one long. */
    private static final int LANES_PER_LONG = Long.SIZE;
    private static final long EVEN_LANES = 0x5555555555555555L;
    /** The most tries the buffer can hold, rounded up to whole vectors. */
    private static final int MAX_TRIES = (OutputBuffer.MAX_READY + Mt19937.STATE_WORDS) / 4 + TRIES_PER_VECTOR;

    private final OutputBuffer buffer;
    private boolean hasKept;
    private double kept;
    /** Per buffered try t: x1 at [2t], x2 at [2t+1]; r2 at [2t] (and [2t+1]). */
    private final double[] xs = new double[2 * MAX_TRIES];
    private final double[] r2s = new double[2 * MAX_TRIES];
    /** Accept bits: lane 2t of try t, 64 lanes per long. */
    private final long[] accepted = new long[(2 * MAX_TRIES + LANES_PER_LONG - 1) / LANES_PER_LONG];

    NormalCursor(State start) {
        buffer = new OutputBuffer(start.twister());
        hasKept = start.hasKept();
        kept = start.kept();
    }

    State snapshot() {
        return new State(buffer.snapshot(), hasKept, kept);
    }

    /** Writes the next {@code count} normals, as {@code column}'s values, to {@code out[from..from+count)}. */
    void fill(VitalsRecipe.NormalColumn column, double[] out, int from, int count) {
        int at = from;
        int to = from + count;
        if (at < to && hasKept) {
            out[at++] = kept;
            hasKept = false;
        }
        while (at < to) {
            buffer.ready(4);
            int tries = testTries(true);
            int consumedTries = tries;
            scan:
            for (int word = 0; word * LANES_PER_LONG < 2 * tries; word++) {
                long bits = accepted[word] & EVEN_LANES;
                while (bits != 0) {
                    int lane = word * LANES_PER_LONG + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    double r2 = r2s[lane];
                    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
                    if (to - at >= 2) {
                        out[at] = f * xs[lane + 1];
                        out[at + 1] = f * xs[lane];
                        at += 2;
                        if (at < to) {
                            continue;
                        }
                    } else {
                        out[at++] = f * xs[lane + 1];
                        kept = f * xs[lane];
                        hasKept = true;
                    }
                    consumedTries = lane / 2 + 1;
                    break scan;
                }
            }
            buffer.head += 4 * consumedTries;
        }
        column.toValues(out, from, to);
    }

    /** Moves past the next {@code count} normals without computing them (but the kept one, if it ends odd). */
    void skip(long count) {
        long rest = count;
        if (rest > 0 && hasKept) {
            hasKept = false;
            rest--;
        }
        long pairs = rest / 2;
        while (pairs > 0) {
            buffer.ready(4);
            int tries = testTries(false);
            long found = 0;
            int words = (2 * tries + LANES_PER_LONG - 1) / LANES_PER_LONG;
            for (int word = 0; word < words; word++) {
                found += Long.bitCount(accepted[word] & EVEN_LANES);
            }
            if (found <= pairs) {
                pairs -= found;
                buffer.head += 4 * tries;
                continue;
            }
            // The last pair needed is among these tries: find the try that accepts it.
            for (int word = 0; ; word++) {
                long bits = accepted[word] & EVEN_LANES;
                int inWord = Long.bitCount(bits);
                if (inWord < pairs) {
                    pairs -= inWord;
                    continue;
                }
                for (long k = 1; k < pairs; k++) {
                    bits &= bits - 1;
                }
                int lane = word * LANES_PER_LONG + Long.numberOfTrailingZeros(bits);
                buffer.head += 4 * (lane / 2 + 1);
                pairs = 0;
                break;
            }
        }
        if (rest % 2 == 1) {
            keepNext();
        }
    }

    /** Draws one accepted try, keeping f·x1 (the cursor lands on an odd index). */
    private void keepNext() {
        int[] words = buffer.words;
        while (true) {
            buffer.ready(4);
            int h = buffer.head;
            double x1 = 2.0 * Uniforms.uniform(words[h], words[h + 1]) - 1.0;
            double x2 = 2.0 * Uniforms.uniform(words[h + 2], words[h + 3]) - 1.0;
            buffer.head = h + 4;
            double r2 = x1 * x1 + x2 * x2;
            if (r2 < 1.0 && r2 != 0.0) {
                kept = Math.sqrt(-2.0 * Math.log(r2) / r2) * x1;
                hasKept = true;
                return;
            }
        }
    }

    /**
     * Runs the accept test of every whole try in the buffer on vector lanes: sets {@link #accepted} (bits past
     * the last try cleared) and, if {@code keepValues}, {@link #xs} and {@link #r2s}. Returns the number of tries.
     */
    private int testTries(boolean keepValues) {
        int tries = buffer.available() / 4;
        int[] words = buffer.words;
        int head = buffer.head;
        int vectors = (tries + TRIES_PER_VECTOR - 1) / TRIES_PER_VECTOR;
        int lanesPerVector = 2 * TRIES_PER_VECTOR;
        java.util.Arrays.fill(accepted, 0L);
        for (int v = 0; v < vectors; v++) {
            DoubleVector x = Uniforms.twoUMinusOne(Uniforms.mantissas(words, head + v * Uniforms.WORDS_PER_VECTOR));
            DoubleVector squares = x.mul(x);
            DoubleVector r2 = squares.add(squares.rearrange(Uniforms.SWAP_PAIRS));
            long bits = r2.lt(1.0).and(r2.compare(VectorOperators.NE, 0.0)).toLong();
            int lane = v * lanesPerVector;
            accepted[lane / LANES_PER_LONG] |= bits << (lane % LANES_PER_LONG);
            if (keepValues) {
                x.intoArray(xs, lane);
                r2.intoArray(r2s, lane);
            }
        }
        int lanes = 2 * tries;
        if (lanes % LANES_PER_LONG != 0) {
            accepted[lanes / LANES_PER_LONG] &= (1L << (lanes % LANES_PER_LONG)) - 1;
        }
        return tries;
    }
}
