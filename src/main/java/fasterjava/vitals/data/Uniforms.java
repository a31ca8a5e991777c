package fasterjava.vitals.data;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * NumPy's uniform doubles on vector lanes: two consecutive tempered outputs (a, b) make
 * {@code u = ((a >>> 5)·2^26 + (b >>> 6)) / 2^53}, i.e. u = m / 2^53 for the 53-bit integer m. Read as one
 * little-endian 64-bit lane, m is a few shifts away, and the polar method's x = 2u − 1 = (m − 2^52) / 2^52 is
 * built from its bits without a long-to-double conversion (which AVX2 lacks): with f the low 52 bits of m,
 * x = (1 + f/2^52) − (2 if m < 2^52, else 1), both terms exact doubles and the difference exact.
 */
final class Uniforms {
    static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Outputs per vector; uniforms per vector is half of it. */
    static final int WORDS_PER_VECTOR = INTS.length();
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long TWO_BITS = 0x4000000000000000L;
    private static final long LOW_52 = 0x000FFFFFFFFFFFFFL;
    /** Swaps lanes 2t and 2t+1: puts a try's x2 next to its x1 and back. */
    static final VectorShuffle<Double> SWAP_PAIRS = VectorShuffle.fromOp(DOUBLES, lane -> lane ^ 1);

    private Uniforms() {
    }

    /** The 53-bit integers m of the uniforms in {@code words[at .. at + WORDS_PER_VECTOR)}. */
    static LongVector mantissas(int[] words, int at) {
        LongVector pairs = IntVector.fromArray(INTS, words, at).reinterpretAsLongs();
        // a is the low half, b the high half: (a >>> 5) << 26 == (a & ~31) << 21.
        return pairs.and(0xFFFFFFE0L).lanewise(VectorOperators.LSHL, 21)
                .or(pairs.lanewise(VectorOperators.LSHR, 38));
    }

    /** 2u − 1 for each uniform, exactly as NumPy computes it. */
    static DoubleVector twoUMinusOne(LongVector m) {
        DoubleVector onePlusFraction = m.and(LOW_52).or(ONE_BITS).reinterpretAsDoubles();
        // m's bit 52 set: subtract 1; clear: subtract 2.
        DoubleVector offset = LongVector.broadcast(LONGS, TWO_BITS)
                .sub(m.lanewise(VectorOperators.LSHR, 52).lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles();
        return onePlusFraction.sub(offset);
    }

    /** NumPy's {@code next_double} from two tempered outputs, one at a time. */
    static double uniform(int high, int low) {
        return ((high >>> 5) * 67108864.0 + (low >>> 6)) / 9007199254740992.0;
    }
}
