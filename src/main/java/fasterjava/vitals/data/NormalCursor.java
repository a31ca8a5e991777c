package fasterjava.vitals.data;

/**
 * A position in NumPy's legacy normal stream: the polar method's accepted tries give two normals each, f·x2 then
 * f·x1 (the second kept for the next draw). A cursor at an even normal index sits right after an accepted try; at
 * an odd one it also holds the kept f·x1. Every try, accepted or not, consumes four outputs, so skipping needs
 * only the accept test, not the logarithm.
 */
final class NormalCursor {
    /** A cursor's position: the generator right after the last accepted try, and the kept value if any. */
    record State(Mt19937 twister, boolean hasKept, double kept) {
    }

    private final OutputBuffer buffer;
    private boolean hasKept;
    private double kept;

    NormalCursor(State start) {
        buffer = new OutputBuffer(start.twister());
        hasKept = start.hasKept();
        kept = start.kept();
    }

    State snapshot() {
        return new State(buffer.snapshot(), hasKept, kept);
    }

    /** Writes the next {@code count} normals, as {@code column}'s values, to {@code out[from..from+count)}. */
    void fill(VitalsRecipe.NormalColumn column, double[] out, int from, int count) {
        int at = from;
        int to = from + count;
        if (at < to && hasKept) {
            out[at++] = column.value(kept);
            hasKept = false;
        }
        int[] words = buffer.words;
        while (at < to) {
            double x1;
            double x2;
            double r2;
            do {
                buffer.ready(4);
                int h = buffer.head;
                x1 = 2.0 * uniform(words[h], words[h + 1]) - 1.0;
                x2 = 2.0 * uniform(words[h + 2], words[h + 3]) - 1.0;
                buffer.head = h + 4;
                r2 = x1 * x1 + x2 * x2;
            } while (r2 >= 1.0 || r2 == 0.0);
            double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
            out[at++] = column.value(f * x2);
            if (at < to) {
                out[at++] = column.value(f * x1);
            } else {
                kept = f * x1;
                hasKept = true;
            }
        }
    }

    /** Moves past the next {@code count} normals without computing them (but the kept one, if it ends odd). */
    void skip(long count) {
        long rest = count;
        if (rest > 0 && hasKept) {
            hasKept = false;
            rest--;
        }
        int[] words = buffer.words;
        long pairs = rest / 2;
        while (pairs > 0) {
            buffer.ready(4);
            int h = buffer.head;
            double x1 = 2.0 * uniform(words[h], words[h + 1]) - 1.0;
            double x2 = 2.0 * uniform(words[h + 2], words[h + 3]) - 1.0;
            buffer.head = h + 4;
            double r2 = x1 * x1 + x2 * x2;
            if (r2 < 1.0 && r2 != 0.0) {
                pairs--;
            }
        }
        if (rest % 2 == 1) {
            double[] one = new double[1];
            fill(IDENTITY, one, 0, 1);
        }
    }

    /** Leaves a normal unchanged (for {@link #skip} when it ends on a kept value). */
    private static final VitalsRecipe.NormalColumn IDENTITY =
            new VitalsRecipe.NormalColumn(null, 0, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);

    /** NumPy's {@code next_double} from two tempered outputs. */
    static double uniform(int high, int low) {
        return ((high >>> 5) * 67108864.0 + (low >>> 6)) / 9007199254740992.0;
    }
}
