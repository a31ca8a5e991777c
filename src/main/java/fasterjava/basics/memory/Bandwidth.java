package fasterjava.basics.memory;

/**
 * Reading a large {@code long[]} in order (the hardware prefetcher streams it) and in a random order (every read
 * a different cache line, but independent of the others, so many misses are in flight at once). Both sums are
 * checked: the array holds {@code 0, 1, 2, ...}, and the random order visits every index exactly once.
 */
final class Bandwidth {
    /** A full-period linear congruential step modulo any power of two: c odd and a = 1 (mod 4) (Hull–Dobell). */
    private static final int LCG_MULTIPLIER = 1_664_525;
    private static final int LCG_INCREMENT = 1_013_904_223;

    private Bandwidth() {
    }

    /** {@code 0, 1, ..., length - 1}; {@code length} must be a power of two for {@link #randomOrderSum}. */
    static long[] ascending(int length) {
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        return values;
    }

    /** What both sums must be: 0 + 1 + ... + (length - 1). */
    static long expectedSum(int length) {
        return (long) length * (length - 1) / 2;
    }

    static long sequentialSum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    /** The sum in a scrambled order; each index is computed, not loaded, so the loads do not wait on each other. */
    static long randomOrderSum(long[] values) {
        if (Integer.bitCount(values.length) != 1) {
            throw new IllegalArgumentException("length must be a power of two: " + values.length);
        }
        int mask = values.length - 1;
        int index = 0;
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            index = (index * LCG_MULTIPLIER + LCG_INCREMENT) & mask;
            sum += values[index];
        }
        return sum;
    }
}
