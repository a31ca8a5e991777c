package fasterjava.vitals.data;

/** A position in a stream of missing-value masks: one uniform (two outputs) per row. */
final class MaskCursor {
    private final OutputBuffer buffer;

    MaskCursor(Mt19937 start) {
        buffer = new OutputBuffer(start);
    }

    Mt19937 snapshot() {
        return buffer.snapshot();
    }

    /** Sets {@code column[from..from+count)} to NaN where the row's uniform is below the missing probability. */
    void apply(double[] column, int from, int count) {
        int[] words = buffer.words;
        for (int i = from; i < from + count; i++) {
            buffer.ready(2);
            int h = buffer.head;
            if (NormalCursor.uniform(words[h], words[h + 1]) < VitalsRecipe.MISSING_PROBABILITY) {
                column[i] = Double.NaN;
            }
            buffer.head = h + 2;
        }
    }

    /** Moves past {@code rows} rows' uniforms without drawing them. */
    void skip(long rows) {
        buffer.skip(2 * rows);
    }
}
