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
    /** Words past {@link #end} that vector code may read (and ignore). */
    static final int PADDING = 64;

    /** Tempered outputs: {@code words[head..end)} are the next ones in stream order. */
    final int[] words = new int[MAX_READY + BLOCK + PADDING];
    int head;
    int end;
    /** How many of {@code words[0..end)} are the tail of the previous block. */
    private int carry;
    private int[] current;
    private int[] previous = new int[BLOCK];

    /** Starts at {@code start}'s position (the generator itself is left untouched). */
    OutputBuffer(Mt19937 start) {
        current = start.state.clone();
        head = start.index;
        if (head == BLOCK) {
            advanceBlock();
            head = 0;
        }
        MtBlocks.temper(current, words, 0);
        end = BLOCK;
        carry = 0;
    }

    /** Words ready from {@link #head}. */
    int available() {
        return end - head;
    }

    /** Makes at least {@code count} (≤ {@link #MAX_READY}) words available from {@link #head}. */
    void ready(int count) {
        if (end - head < count) {
            int remaining = end - head;
            System.arraycopy(words, head, words, 0, remaining);
            advanceBlock();
            MtBlocks.temper(current, words, remaining);
            carry = remaining;
            head = 0;
            end = remaining + BLOCK;
        }
    }

    /** Skips {@code count} outputs; whole blocks are twisted without tempering. */
    void skip(long count) {
        long available = end - head;
        if (count <= available) {
            head += (int) count;
            return;
        }
        // From the end of the current block: whole blocks twisted in place, then the one holding the target.
        long rest = count - available;
        long wholeBlocks = (rest - 1) / BLOCK;
        for (long b = 0; b < wholeBlocks; b++) {
            MtBlocks.twist(current, current);
        }
        advanceBlock();
        MtBlocks.temper(current, words, 0);
        carry = 0;
        head = (int) (rest - wholeBlocks * BLOCK);
        end = BLOCK;
    }

    /** The generator's state at {@link #head}: an independent copy. */
    Mt19937 snapshot() {
        if (head < carry) {
            return Mt19937.at(previous.clone(), BLOCK - carry + head);
        }
        return Mt19937.at(current.clone(), head - carry);
    }

    /** Twists {@code current} into the other array and makes that current, keeping the old one as previous. */
    private void advanceBlock() {
        MtBlocks.twist(current, previous);
        int[] swap = current;
        current = previous;
        previous = swap;
    }
}
