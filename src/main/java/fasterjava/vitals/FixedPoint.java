package fasterjava.vitals;

/**
 * Vitals as 16-bit fixed-point numbers: with d decimals, a value v is held as the whole number
 * {@code x = v · 10^d}, which must lie in {@code ±}{@link #LIMIT}; {@link #MISSING} marks a missing value. The
 * spec's data fit with d = 1 (heart rate, blood pressure, oxygen), 2 (temperature) or 0 (respiratory rate).
 *
 * <p>A value is held only when it is exactly the double nearest {@code x / 10^d} — that is, when its shortest
 * decimal has at most d decimals — so a step that computes on the whole numbers computes on the very decimal values
 * the data hold. With at most {@link #MAX_SERIES} values per series and day offsets within {@link #MAX_SPAN}, every
 * sum the steps take ({@code Σx}, {@code Σx²}, {@code Σd·x}, ...) stays below 2^46 and the products the features
 * combine them with below 2^62: {@code long} arithmetic is exact, and so are doubles holding whole numbers below
 * 2^53.
 */
public final class FixedPoint {
    /** The most decimals a value may have. */
    public static final int MAX_DECIMALS = 4;
    /** The largest magnitude of a held value, {@code x}. */
    public static final int LIMIT = Short.MAX_VALUE;
    /** Marks a missing value; outside {@code ±LIMIT}. */
    public static final short MISSING = Short.MIN_VALUE;
    /** The widest range of days (last − first) one patient may span. */
    public static final int MAX_SPAN = Short.MAX_VALUE;
    /** The most rows one patient may have (days are unique, so this follows from {@link #MAX_SPAN}). */
    public static final int MAX_SERIES = MAX_SPAN + 1;

    private static final double[] SCALES = {1, 10, 100, 1_000, 10_000};

    private FixedPoint() {
    }

    /** {@code 10^decimals}. */
    public static double scale(int decimals) {
        return SCALES[decimals];
    }

    /**
     * The fewest decimals that hold every non-missing value of {@code values[from..to)} exactly within
     * {@code ±LIMIT}, or -1 if no number of decimals up to {@link #MAX_DECIMALS} does.
     */
    public static int decimals(double[] values, int from, int to) {
        int decimals = 0;
        double largest = 0;
        for (int i = from; i < to; i++) {
            double value = values[i];
            if (Double.isNaN(value)) {
                continue;
            }
            while (!holds(value, decimals)) {
                if (++decimals > MAX_DECIMALS) {
                    return -1;
                }
            }
            largest = Math.max(largest, Math.abs(value));
        }
        return Math.rint(largest * SCALES[decimals]) <= LIMIT ? decimals : -1;
    }

    /** Whether {@code value} is exactly the double nearest some whole number / 10^decimals. */
    private static boolean holds(double value, int decimals) {
        double scale = SCALES[decimals];
        double whole = Math.rint(value * scale);
        return Math.abs(whole) <= 1L << 52 && whole / scale == value;
    }
}
