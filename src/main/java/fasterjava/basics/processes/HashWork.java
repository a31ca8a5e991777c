package fasterjava.basics.processes;

/**
 * The CPU-bound task: the sum of a 64-bit hash (SplitMix64's finalizer) of every integer in a range. It touches
 * no memory, every element costs the same, and sums of pieces add up to the sum of the whole (modulo 2^64) in any
 * order, so any split across threads or processes can be checked against one thread's answer.
 */
final class HashWork {
    private HashWork() {
    }

    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The sum of {@link #mix} over {@code [from, to)}. */
    static long sum(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            sum += mix(i);
        }
        return sum;
    }
}
