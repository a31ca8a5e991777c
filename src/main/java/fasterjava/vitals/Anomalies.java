package fasterjava.vitals;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The spec's anomaly test, {@code |v − mean| > 2·std}, decided exactly where floating point cannot.
 *
 * <p>The data are decimal numbers with one or two decimals, so a value can sit exactly on {@code mean ± 2·std};
 * whether rounding then puts it above or below depends on the order of the arithmetic, and two correct programs
 * would disagree. The project decides such ties on the exact decimal values (a value exactly at the threshold is
 * not an anomaly): a step compares in floating point as usual and, when some value of a series lies within
 * {@link #MARGIN} of the threshold ({@link #nearThreshold}), recounts that series with {@link #countExactly}. The
 * margin is far wider than the rounding error of any step's mean and std, so every step reaches the same count.
 *
 * <p>The exact value of a double is taken to be the shortest decimal that reads back as that double — what the
 * CSV holds for data written with up to 15 significant digits (a file's {@code 72.3} is 72.3, not the double's
 * binary expansion).
 */
public final class Anomalies {
    /** Relative distance from the threshold inside which a floating-point comparison is not trusted. */
    public static final double MARGIN = 1e-9;

    private Anomalies() {
    }

    /**
     * Whether the floating-point comparison of {@code deviation = |v − mean|} with {@code twoStd = 2·std} might
     * have gone the other way: they lie within {@link #MARGIN} of each other, relative to the magnitudes involved.
     */
    public static boolean nearThreshold(double value, double mean, double twoStd) {
        double deviation = Math.abs(value - mean);
        double magnitude = Math.abs(value) + Math.abs(mean) + twoStd;
        return Math.abs(deviation - twoStd) <= MARGIN * magnitude;
    }

    /**
     * The exact number of anomalies among {@code values[from..to)} (NaN entries are missing and skipped). With m
     * values, sum s and sum of squares q, {@code |v − mean| > 2·std} is {@code (m−1)(m·v − s)² > 4m(m·q − s²)},
     * which is evaluated exactly.
     */
    public static int countExactly(double[] values, int from, int to) {
        BigDecimal[] exact = new BigDecimal[to - from];
        int m = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                BigDecimal v = new BigDecimal(Double.toString(values[i]));
                exact[m++] = v;
                sum = sum.add(v);
                squares = squares.add(v.multiply(v));
            }
        }
        if (m < 2) {
            return 0;
        }
        BigDecimal count = BigDecimal.valueOf(m);
        BigDecimal bound = count.multiply(squares).subtract(sum.multiply(sum)).multiply(count)
                .multiply(BigDecimal.valueOf(4));
        BigInteger lessOne = BigInteger.valueOf(m - 1);
        int anomalies = 0;
        for (int i = 0; i < m; i++) {
            BigDecimal t = count.multiply(exact[i]).subtract(sum);
            if (t.multiply(t).multiply(new BigDecimal(lessOne)).compareTo(bound) > 0) {
                anomalies++;
            }
        }
        return anomalies;
    }
}
