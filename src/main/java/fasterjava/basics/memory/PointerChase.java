package fasterjava.basics.memory;

import java.util.SplittableRandom;

/**
 * Memory latency by pointer chasing: every load reads the address of the next one, so the CPU can neither
 * overlap loads nor guess the next address, and the time per load is the latency of wherever the working set
 * lives (a cache level or RAM). The working set holds one {@code int} per 64-byte cache line, linked in a single
 * random cycle through every line.
 */
final class PointerChase {
    /** The cache line size of x86 and most ARM cores; one element per line makes every load touch a new line. */
    static final int LINE_BYTES = 64;
    static final int STRIDE = LINE_BYTES / Integer.BYTES;

    private PointerChase() {
    }

    /**
     * A working set of {@code bytes} (a multiple of {@link #LINE_BYTES}, at least two lines) whose lines form one
     * random cycle: {@code next[line * STRIDE]} is the index of the next line's element. Sattolo's algorithm draws
     * the cycle uniformly among all single cycles.
     */
    static int[] randomCycle(long bytes, long seed) {
        if (bytes % LINE_BYTES != 0 || bytes < 2 * LINE_BYTES || bytes / Integer.BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("working set must be 2 or more whole cache lines and fit an int[]: "
                    + bytes + " bytes");
        }
        int lines = (int) (bytes / LINE_BYTES);
        int[] successor = new int[lines];
        for (int i = 0; i < lines; i++) {
            successor[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = lines - 1; i > 0; i--) {
            int j = random.nextInt(i); // j < i, never i itself: that is what makes the permutation one cycle
            int swap = successor[i];
            successor[i] = successor[j];
            successor[j] = swap;
        }
        int[] next = new int[lines * STRIDE];
        for (int i = 0; i < lines; i++) {
            next[i * STRIDE] = successor[i] * STRIDE;
        }
        return next;
    }

    /** Loads from element 0 until the chase is back at element 0: the cycle's length in lines. */
    static int cycleLength(int[] next) {
        int position = 0;
        int length = 0;
        do {
            position = next[position];
            length++;
        } while (position != 0 && length <= next.length);
        return length;
    }

    /** {@code loads} dependent loads from {@code start}; returns where the chase ended (so none is dead code). */
    static int chase(int[] next, int start, int loads) {
        int position = start;
        for (int i = 0; i < loads; i++) {
            position = next[position];
        }
        return position;
    }
}
