package fasterjava.corrset;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * K-subsets of {@code 0..n-1} in lexicographic order (itertools order): {@code [0,1,2], [0,1,3], ...}.
 * A combination is an ascending {@code int[]}; its rank is its position in that order.
 */
public final class Combinations {
    private Combinations() {
    }

    /** The first combination, {@code [0, 1, ..., k-1]}. */
    public static int[] first(int k) {
        int[] combination = new int[k];
        for (int i = 0; i < k; i++) {
            combination[i] = i;
        }
        return combination;
    }

    /** Advances {@code combination} to its lexicographic successor in place; false if it was the last one. */
    public static boolean next(int[] combination, int n) {
        int k = combination.length;
        int i = k - 1;
        while (i >= 0 && combination[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        combination[i]++;
        for (int j = i + 1; j < k; j++) {
            combination[j] = combination[j - 1] + 1;
        }
        return true;
    }

    /** C(n, k) exactly. */
    public static BigInteger count(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        int smaller = Math.min(k, n - k);
        for (int i = 0; i < smaller; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    /** C(n, k) as a long; throws {@link ArithmeticException} if it does not fit. */
    public static long countExact(int n, int k) {
        return count(n, k).longValueExact();
    }

    /** The combination at {@code rank} (0-based) in lexicographic order of the k-subsets of {@code 0..n-1}. */
    public static int[] unrank(long rank, int n, int k) {
        if (rank < 0 || BigInteger.valueOf(rank).compareTo(count(n, k)) >= 0) {
            throw new IllegalArgumentException("rank " + rank + " out of range for C(" + n + ", " + k + ")");
        }
        int[] combination = new int[k];
        long remaining = rank;
        int candidate = 0;
        for (int i = 0; i < k; i++) {
            while (true) {
                long withCandidate = countExact(n - candidate - 1, k - i - 1);
                if (remaining < withCandidate) {
                    break;
                }
                remaining -= withCandidate;
                candidate++;
            }
            combination[i] = candidate++;
        }
        return combination;
    }

    /** The position of {@code combination} in lexicographic order; inverse of {@link #unrank}. */
    public static long rank(int[] combination, int n) {
        int k = combination.length;
        long rank = 0;
        int previous = -1;
        for (int i = 0; i < k; i++) {
            for (int c = previous + 1; c < combination[i]; c++) {
                rank += countExact(n - c - 1, k - i - 1);
            }
            previous = combination[i];
        }
        return rank;
    }

    /** Lexicographic comparison of two index tuples of the same length. */
    public static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }
}
