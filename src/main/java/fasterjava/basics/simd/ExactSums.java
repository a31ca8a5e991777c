package fasterjava.basics.simd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The oracle for {@link Summation}: values built so that their sum and dot product can be computed exactly, and
 * the bound within which any order of floating-point additions must land.
 *
 * <p>Every value is j·2⁻⁵³ for an integer 0 ≤ j &lt; 2⁵³, a double in [0, 1) held exactly. So Σx = (Σj)·2⁻⁵³ and
 * Σx·y = (Σj·k)·2⁻¹⁰⁶, sums of integers that this class adds exactly in {@code long} blocks and
 * {@link BigInteger}s — its own arithmetic, sharing nothing with the code it checks.
 *
 * <p>The tolerance: adding numbers in any order, each addition rounds to within a factor (1 ± u) with
 * u = 2⁻⁵³, so a computed sum of n terms differs from the exact one by at most γₙ·Σ|terms| with
 * γₙ = n·u / (1 − n·u); the same γₙ bounds a dot product of n terms, the roundings of its products included
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1 and §4.2), and a fused multiply-add only
 * rounds less. All terms here are non-negative, so Σ|terms| is the exact result itself. Results of the five
 * ways differ from each other because they add in different orders; each must lie within this bound of the
 * exact value. Typical errors are far smaller (random rounding errors grow like √n, not n).
 */
public final class ExactSums {
    private static final double UNIT_ROUNDOFF = 0x1.0p-53;
    private static final double SCALE = 0x1.0p-53;
    /** 2¹⁰ values of at most 2⁵³ each stay below 2⁶³. */
    private static final int SUM_BLOCK = 1 << 10;

    private ExactSums() {
    }

    /** n values j·2⁻⁵³ in [0, 1), j uniform over 0..2⁵³−1, from {@code seed}. */
    public static double[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (random.nextLong() >>> 11) * SCALE;
        }
        return values;
    }

    /** The exact Σx of values made by {@link #values}. */
    public static BigDecimal sum(double[] x) {
        BigInteger total = BigInteger.ZERO;
        for (int start = 0; start < x.length; start += SUM_BLOCK) {
            long block = 0;
            for (int i = start; i < Math.min(x.length, start + SUM_BLOCK); i++) {
                block += integer(x[i]);
            }
            total = total.add(BigInteger.valueOf(block));
        }
        return new BigDecimal(total).multiply(new BigDecimal(SCALE));
    }

    /** The exact Σx·y of values made by {@link #values}: 106-bit products added as 128-bit (high, low) pairs. */
    public static BigDecimal dot(double[] x, double[] y) {
        BigInteger total = BigInteger.ZERO;
        // Each high word is below 2⁴², so 2¹⁶ of them stay far below 2⁶³.
        int block = 1 << 16;
        for (int start = 0; start < x.length; start += block) {
            long high = 0;
            long low = 0;
            for (int i = start; i < Math.min(x.length, start + block); i++) {
                long j = integer(x[i]);
                long k = integer(y[i]);
                long productLow = j * k;
                long sumLow = low + productLow;
                long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
                high += Math.multiplyHigh(j, k) + carry;
                low = sumLow;
            }
            total = total.add(BigInteger.valueOf(high).shiftLeft(64)).add(new BigInteger(Long.toUnsignedString(low)));
        }
        return new BigDecimal(total).multiply(new BigDecimal(SCALE * SCALE));
    }

    /** γₙ·Σ|terms| for n = {@code terms} non-negative terms whose exact total is {@code exact}. */
    public static double tolerance(long terms, BigDecimal exact) {
        double nu = terms * UNIT_ROUNDOFF;
        return nu / (1 - nu) * exact.doubleValue();
    }

    /** |computed − exact|, computed exactly and then rounded. */
    public static double error(double computed, BigDecimal exact) {
        return new BigDecimal(computed).subtract(exact).abs().doubleValue();
    }

    private static long integer(double value) {
        double scaled = value / SCALE;
        long j = (long) scaled;
        if (j != scaled || j < 0 || j >= 1L << 53) {
            throw new IllegalArgumentException("not a value of the form j·2⁻⁵³ with 0 ≤ j < 2⁵³: " + value);
        }
        return j;
    }
}
