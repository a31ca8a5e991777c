package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One K-subset with a defined r and the exact parts behind it. {@link #BEST_FIRST} is the spec's ranking: larger
 * exact r first, ties to the lexicographically smallest index tuple.
 *
 * @param indices question indices, ascending
 * @param r the reported double, {@code num / √(da·db)}
 * @param n users counted
 */
public record ScoredSet(int[] indices, double r, int n, long num, long da, long db) implements Serializable {
    public static final Comparator<ScoredSet> BEST_FIRST = (a, b) -> {
        int byR = Correlation.compare(b.r, b.num, b.da, b.db, a.r, a.num, a.da, a.db);
        return byR != 0 ? byR : Arrays.compare(a.indices, b.indices);
    };

    public ScoredSet {
        indices = indices.clone();
    }

    /** Builds the set from its six integer sums; the caller has checked it is defined. */
    public static ScoredSet of(int[] indices, long n, long sa, long sb, long sab, long saa, long sbb) {
        long num = Correlation.numerator(n, sa, sb, sab);
        long da = Correlation.spread(n, sa, saa);
        long db = Correlation.spread(n, sb, sbb);
        return new ScoredSet(indices, Correlation.r(n, num, da, db), Math.toIntExact(n), num, da, db);
    }

    /** True if this set ranks strictly before {@code other}. */
    public boolean beats(ScoredSet other) {
        return BEST_FIRST.compare(this, other) < 0;
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredSet s && Arrays.equals(indices, s.indices) && n == s.n && num == s.num
                && da == s.da && db == s.db;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + Long.hashCode(num);
    }

    @Override
    public String toString() {
        return Arrays.toString(indices) + " r=" + r + " n=" + n;
    }
}
