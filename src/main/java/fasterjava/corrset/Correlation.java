package fasterjava.corrset;

import java.math.BigInteger;

/**
 * Pearson's r from exact integer sums, and the spec's exact ranking of r values.
 *
 * <p>For n pairs (x, y) with sums {@code Sa = Σx, Sb = Σy, Sab = Σxy, Saa = Σx², Sbb = Σy²}:
 * {@code num = n·Sab − Sa·Sb}, {@code da = n·Saa − Sa²}, {@code db = n·Sbb − Sb²} and
 * {@code r = num / √(da·db)}. All three are exact in 64 bits for the data the loader accepts (it rejects data
 * where {@code users × max grand total} could overflow). r is undefined when {@code n < 2}, {@code da = 0} or
 * {@code db = 0}; undefined sets never win.
 *
 * <p>Ranking compares the exact rational value, never the rounded double: two sets whose doubles agree to the
 * last bit can still differ, and different float formulas round differently, so "the best set" would otherwise
 * depend on the implementation.
 */
public final class Correlation {
    /**
     * Doubles further apart than this decide a comparison on their own: r is computed with a relative error of a
     * few ulps (≈1e-16), far inside this margin. Closer pairs are settled exactly.
     */
    private static final double DOUBLE_DECIDES = 1e-9;

    private Correlation() {
    }

    public static long numerator(long n, long sa, long sb, long sab) {
        return n * sab - sa * sb;
    }

    public static long spread(long n, long sum, long sumOfSquares) {
        return n * sumOfSquares - sum * sum;
    }

    public static boolean defined(long n, long da, long db) {
        return n >= 2 && da != 0 && db != 0;
    }

    /** The reported r: {@code num / √((double) da · (double) db)}, or NaN when undefined. */
    public static double r(long n, long num, long da, long db) {
        if (!defined(n, da, db)) {
            return Double.NaN;
        }
        return num / Math.sqrt((double) da * (double) db);
    }

    /** r straight from the six sums, or NaN when undefined. */
    public static double r(long n, long sa, long sb, long sab, long saa, long sbb) {
        return r(n, numerator(n, sa, sb, sab), spread(n, sa, saa), spread(n, sb, sbb));
    }

    /**
     * Compares two defined r values exactly: negative if the first is smaller, 0 if equal, positive if larger.
     * {@code r1}/{@code r2} are their doubles (as from {@link #r(long, long, long, long)}), used as a fast path.
     */
    public static int compare(double r1, long num1, long da1, long db1, double r2, long num2, long da2, long db2) {
        if (Math.abs(r1 - r2) > DOUBLE_DECIDES) {
            return r1 < r2 ? -1 : 1;
        }
        int sign1 = Long.signum(num1);
        int sign2 = Long.signum(num2);
        if (sign1 != sign2) {
            return Integer.compare(sign1, sign2);
        }
        if (sign1 == 0) {
            return 0;
        }
        // Same sign: compare num1²·da2·db2 with num2²·da1·db1 (da, db > 0); for negatives the order flips.
        BigInteger left = square(num1).multiply(BigInteger.valueOf(da2)).multiply(BigInteger.valueOf(db2));
        BigInteger right = square(num2).multiply(BigInteger.valueOf(da1)).multiply(BigInteger.valueOf(db1));
        int magnitude = left.compareTo(right);
        return sign1 > 0 ? magnitude : -magnitude;
    }

    private static BigInteger square(long value) {
        BigInteger big = BigInteger.valueOf(value);
        return big.multiply(big);
    }
}
