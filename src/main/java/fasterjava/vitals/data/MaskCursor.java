package fasterjava.vitals.data;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * A position in a stream of missing-value masks: one uniform (two outputs) per row. The test u < p is done on the
 * uniform's 53-bit integer m (u = m / 2^53 exactly), on vector lanes, one row per lane.
 */
final class MaskCursor {
    /** u < p exactly when m < this: the smallest integer not below p·2^53 (p·2^53 is exact, not an integer). */
    static final long THRESHOLD = (long) Math.ceil(VitalsRecipe.MISSING_PROBABILITY * 0x1p53);
    private static final int ROWS_PER_VECTOR = Uniforms.WORDS_PER_VECTOR / 2;
    private static final DoubleVector MISSING = DoubleVector.broadcast(Uniforms.DOUBLES, Double.NaN);

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
        int at = from;
        int to = from + count;
        while (at < to) {
            buffer.ready(2);
            int rows = Math.min(to - at, buffer.available() / 2);
            int head = buffer.head;
            int row = 0;
            for (; row + ROWS_PER_VECTOR <= rows; row += ROWS_PER_VECTOR) {
                LongVector m = Uniforms.mantissas(words, head + 2 * row);
                VectorMask<Double> missing = m.lt(THRESHOLD).cast(Uniforms.DOUBLES);
                DoubleVector.fromArray(Uniforms.DOUBLES, column, at + row).blend(MISSING, missing)
                        .intoArray(column, at + row);
            }
            for (; row < rows; row++) {
                if (Uniforms.uniform(words[head + 2 * row], words[head + 2 * row + 1])
                        < VitalsRecipe.MISSING_PROBABILITY) {
                    column[at + row] = Double.NaN;
                }
            }
            buffer.head = head + 2 * rows;
            at += rows;
        }
    }

    /** Moves past {@code rows} rows' uniforms without drawing them. */
    void skip(long rows) {
        buffer.skip(2 * rows);
    }
}
