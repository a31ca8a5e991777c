package fasterjava.vitals.data;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * MT19937's twist and tempering over whole 624-word blocks on vector lanes: the streaming generator draws tens of
 * billions of outputs, and one lane-parallel pass per block costs a fraction of the word-at-a-time
 * {@link Mt19937#nextInt()}. Word i of a twist depends on words i, i+1 and i+397 of the previous block, or on the
 * new word i−227 once i ≥ 227: both at least one vector away, so lanes never depend on each other.
 */
final class MtBlocks {
    static final int WORDS = Mt19937.STATE_WORDS;
    private static final int SHIFT = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();

    private MtBlocks() {
    }

    /**
     * Writes the block that follows {@code from} into {@code to}; {@code to} may be {@code from} (in place): every
     * word is read before it is overwritten, in both cases.
     */
    static void twist(int[] from, int[] to) {
        int i = 0;
        for (; i + LANES <= WORDS - SHIFT; i += LANES) {
            IntVector y = IntVector.fromArray(INTS, from, i).and(UPPER_MASK)
                    .or(IntVector.fromArray(INTS, from, i + 1).and(LOWER_MASK));
            IntVector.fromArray(INTS, from, i + SHIFT).lanewise(VectorOperators.XOR, mixed(y)).intoArray(to, i);
        }
        for (; i < WORDS - SHIFT; i++) {
            int y = (from[i] & UPPER_MASK) | (from[i + 1] & LOWER_MASK);
            to[i] = from[i + SHIFT] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i + LANES <= WORDS - 1; i += LANES) {
            IntVector y = IntVector.fromArray(INTS, from, i).and(UPPER_MASK)
                    .or(IntVector.fromArray(INTS, from, i + 1).and(LOWER_MASK));
            IntVector.fromArray(INTS, to, i + SHIFT - WORDS).lanewise(VectorOperators.XOR, mixed(y))
                    .intoArray(to, i);
        }
        for (; i < WORDS - 1; i++) {
            int y = (from[i] & UPPER_MASK) | (from[i + 1] & LOWER_MASK);
            to[i] = to[i + SHIFT - WORDS] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (from[WORDS - 1] & UPPER_MASK) | (to[0] & LOWER_MASK);
        to[WORDS - 1] = to[SHIFT - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }

    /** (y >>> 1) ^ (MATRIX_A if y is odd). */
    private static IntVector mixed(IntVector y) {
        IntVector odd = y.lanewise(VectorOperators.LSHL, 31).lanewise(VectorOperators.ASHR, 31);
        return y.lanewise(VectorOperators.LSHR, 1).lanewise(VectorOperators.XOR, odd.and(MATRIX_A));
    }

    /** Tempers the whole {@code block} into {@code out[at..at+624)}. */
    static void temper(int[] block, int[] out, int at) {
        int i = 0;
        for (; i + LANES <= WORDS; i += LANES) {
            IntVector y = IntVector.fromArray(INTS, block, i);
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 11));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 7).and(0x9d2c5680));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 15).and(0xefc60000));
            y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 18)).intoArray(out, at + i);
        }
        for (; i < WORDS; i++) {
            out[at + i] = Mt19937.temper(block[i]);
        }
    }
}
