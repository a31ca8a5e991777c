package fasterjava.vitals.data;

/**
 * A window of tempered MT19937 outputs for the bulk draws: the current 624-word block tempered at once into
 * {@link #words}, preceded by the few words of the previous block not yet consumed ({@link #carry}), so a draw of
 * several outputs never straddles a block boundary. {@link #head} is the next word to draw; {@link #snapshot()}
 * gives the generator's state at that position, whether it lies in the current block or the carried words (the
 * previous block is kept for that: the twist writes into a second array instead of overwriting it).
 */
final class OutputBuffer {
    private static final int BLOCK = Mt19937.STATE_WORDS;
    /** The most words a caller may ask to have ready at once. */
    static final int MAX_READY = 64;

    /** Tempered outputs: {@code words[head..end)} are the next ones in stream order. */
    final int[] words = new int[MAX_READY + BLOCK];
    int head;
    int end;
    /** How many of {@code words[0..end)} are the tail of the previous block. */
    private int carry;
    private int[] current;
    private int[] previous = new int[BLOCK];

    /** Starts at {@code start}'s position (the generator itself is left untouched). */
    OutputBuffer(Mt19937 start) {
        current = start.state.clone();
        int index = start.index;
        if (index == BLOCK) {
            twistInto(current, previous);
            int[] swap = current;
            current = previous;
            previous = swap;
            index = 0;
        }
        temper(current, 0, 0);
        head = index;
        end = BLOCK;
        carry = 0;
    }

    /** Makes at least {@code count} (≤ {@link #MAX_READY}) words available from {@link #head}. */
    void ready(int count) {
        if (end - head < count) {
            nextBlock();
        }
    }

    /** Moves the unconsumed words to the front and appends the next block, tempered. */
    private void nextBlock() {
        int remaining = end - head;
        System.arraycopy(words, head, words, 0, remaining);
        int[] swap = previous;
        previous = current;
        current = swap;
        twistInto(previous, current);
        temper(current, 0, remaining);
        carry = remaining;
        head = 0;
        end = remaining + BLOCK;
    }

    /** Skips {@code count} outputs; whole blocks are twisted without tempering. */
    void skip(long count) {
        long available = end - head;
        if (count <= available) {
            head += (int) count;
            return;
        }
        long rest = count - available;
        // Position at the end of the current block, then twist through whole blocks.
        long blocks = rest / BLOCK;
        int offset = (int) (rest % BLOCK);
        if (offset == 0) {
            blocks--;
            offset = BLOCK;
        }
        for (long b = 0; b < blocks; b++) {
            twistInPlace();
        }
        int[] swap = previous;
        previous = current;
        current = swap;
        twistInto(previous, current);
        temper(current, 0, 0);
        carry = 0;
        head = offset;
        end = BLOCK;
    }

    /** The generator's state at {@link #head}: an independent copy. */
    Mt19937 snapshot() {
        if (head < carry) {
            return Mt19937.at(previous.clone(), BLOCK - carry + head);
        }
        return Mt19937.at(current.clone(), head - carry);
    }

    private void twistInPlace() {
        Mt19937 twister = Mt19937.at(current, BLOCK);
        twister.twist();
    }

    /** Writes the block after {@code from} into {@code to}. */
    private static void twistInto(int[] from, int[] to) {
        System.arraycopy(from, 0, to, 0, BLOCK);
        Mt19937.at(to, BLOCK).twist();
    }

    private void temper(int[] block, int from, int at) {
        for (int i = from; i < BLOCK; i++) {
            words[at + i - from] = Mt19937.temper(block[i]);
        }
    }
}
