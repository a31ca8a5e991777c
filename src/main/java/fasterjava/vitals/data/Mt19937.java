package fasterjava.vitals.data;

/**
 * The 32-bit Mersenne Twister MT19937 as NumPy's legacy {@code RandomState} runs it: seeded by the classic
 * {@code init_genrand}, the whole 624-word state regenerated ("twisted") at once when it is used up, standard
 * tempering. Its position is the number of 32-bit outputs drawn since seeding.
 *
 * <p>Hand-written because the generator must reproduce NumPy's stream bit for bit and the fast paths need the raw
 * state: {@link #twist()} alone advances 624 outputs without tempering them, {@link #temper} is applied by callers
 * that generate outputs in bulk, and {@link #copy()} snapshots a stream position (2.5 KB) to resume from later.
 */
final class Mt19937 {
    /** Words of state, and outputs per twist. */
    static final int STATE_WORDS = 624;
    private static final int SHIFT_WORDS = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final int SEED_MULTIPLIER = 1812433253;

    /** The current block of untempered outputs; word {@code index} is the next one drawn. */
    final int[] state;
    /** Next word of {@link #state} to draw; {@link #STATE_WORDS} means the block is used up. */
    int index;

    /** The generator right after {@code init_genrand(seed)}: no output drawn, the next draw twists first. */
    Mt19937(int seed) {
        state = new int[STATE_WORDS];
        state[0] = seed;
        for (int i = 1; i < STATE_WORDS; i++) {
            int previous = state[i - 1];
            state[i] = SEED_MULTIPLIER * (previous ^ (previous >>> 30)) + i;
        }
        index = STATE_WORDS;
    }

    private Mt19937(int[] state, int index) {
        this.state = state;
        this.index = index;
    }

    /** A generator whose current block is {@code state} (taken, not copied) with word {@code index} next. */
    static Mt19937 at(int[] state, int index) {
        if (state.length != STATE_WORDS || index < 0 || index > STATE_WORDS) {
            throw new IllegalArgumentException("not an MT19937 state: " + state.length + " words, index " + index);
        }
        return new Mt19937(state, index);
    }

    /** An independent generator at the same stream position. */
    Mt19937 copy() {
        return new Mt19937(state.clone(), index);
    }

    /** Makes this generator continue from {@code other}'s position (no allocation). */
    void copyFrom(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, STATE_WORDS);
        index = other.index;
    }

    /** The next tempered 32-bit output. */
    int nextInt() {
        if (index == STATE_WORDS) {
            twist();
            index = 0;
        }
        return temper(state[index++]);
    }

    /** NumPy's {@code next_double}: 53 random bits from two outputs, in [0, 1). */
    double nextDouble() {
        int high = nextInt() >>> 5;
        int low = nextInt() >>> 6;
        return (high * 67108864.0 + low) / 9007199254740992.0;
    }

    /** Skips {@code outputs} outputs without tempering them: whole blocks cost one twist each. */
    void skip(long outputs) {
        long remaining = outputs;
        while (remaining > 0) {
            if (index == STATE_WORDS) {
                twist();
                index = 0;
            }
            int step = (int) Math.min(remaining, STATE_WORDS - index);
            index += step;
            remaining -= step;
        }
    }

    /** Replaces the 624 words with the next 624 untempered outputs (the caller resets {@link #index}). */
    void twist() {
        int[] mt = state;
        int kk = 0;
        for (; kk < STATE_WORDS - SHIFT_WORDS; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + SHIFT_WORDS] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; kk < STATE_WORDS - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + SHIFT_WORDS - STATE_WORDS] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (mt[STATE_WORDS - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[STATE_WORDS - 1] = mt[SHIFT_WORDS - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }

    /** MT19937's output tempering of one state word. */
    static int temper(int word) {
        int y = word;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }
}
