package fasterjava.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a search's work units into contiguous ranges of about the same number of sets, one per Spark task.
 *
 * <p>Contiguous, because a range of the prefix tree's units shares its first questions and the engine stops a range
 * early as a whole; balanced by sets, because the units are very uneven (for K = 5 of 200 questions, the first holds
 * C(198, 3) = 1,274,196 sets and the last one holds 1). The engine's time per set is close to even across units,
 * and a few ranges per core let Spark's scheduler even out the rest.
 */
public final class UnitRanges {
    private UnitRanges() {
    }

    /**
     * At most {@code parts} non-empty ranges covering units {@code 0..sizes.length-1} in order; range i ends at the
     * first unit where the running total of sets reaches (i + 1) / parts of all sets. Fewer ranges when there are
     * fewer units than parts.
     */
    public static List<UnitRange> balanced(long[] sizes, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("the number of ranges must be at least 1, got " + parts);
        }
        long total = 0;
        for (long size : sizes) {
            total += size;
        }
        List<UnitRange> ranges = new ArrayList<>();
        int from = 0;
        long done = 0;
        for (int unit = 0; unit < sizes.length; unit++) {
            done += sizes[unit];
            int part = ranges.size() + 1;
            boolean lastUnit = unit == sizes.length - 1;
            if (lastUnit || (part < parts && productAtLeast(done, parts, total, part))) {
                ranges.add(new UnitRange(from, unit + 1));
                from = unit + 1;
            }
        }
        return ranges;
    }

    /** a·b ≥ c·d for non-negative operands, exactly (the products may not fit in a long). */
    private static boolean productAtLeast(long a, long b, long c, long d) {
        long high = Math.multiplyHigh(a, b);
        long otherHigh = Math.multiplyHigh(c, d);
        return high != otherHigh ? high > otherHigh : Long.compareUnsigned(a * b, c * d) >= 0;
    }
}
