package fasterjava.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a search's work units into contiguous ranges of about the same cost, one per Spark task.
 *
 * <p>Contiguous, because a range of the prefix tree's units shares its first questions and the engine stops a range
 * early as a whole; balanced by cost, because the units are very uneven (for K = 5 of 200 questions, the first holds
 * C(198, 3) = 1,274,196 sets and the last one holds 1). A unit costs its sets plus a fixed amount for starting it
 * (gathering its users and their bitmaps), given in sets: without it the ranges at the end, thousands of small units
 * each, ran twice as long as the first.
 */
public final class UnitRanges {
    /**
     * What starting a unit costs, in sets: the full 200-question K = 5 search, eight ranges of equal set counts timed
     * one at a time on one thread, twice (a 2-core AMD EPYC with AVX-512, JDK 25), least-squares fitted about 12 ns
     * per set plus 0.32 ms per unit.
     */
    public static final long UNIT_COST_IN_SETS = 27_000;

    private UnitRanges() {
    }

    /** {@link #balanced(long[], int, long)} with {@link #UNIT_COST_IN_SETS}. */
    public static List<UnitRange> balanced(long[] sizes, int parts) {
        return balanced(sizes, parts, UNIT_COST_IN_SETS);
    }

    /**
     * At most {@code parts} non-empty ranges covering units {@code 0..sizes.length-1} in order, where unit u costs
     * {@code sizes[u] + unitCost}; range i ends at the first unit where the running cost reaches (i + 1) / parts of
     * the whole. Fewer ranges when there are fewer units than parts.
     */
    public static List<UnitRange> balanced(long[] sizes, int parts, long unitCost) {
        if (parts < 1) {
            throw new IllegalArgumentException("the number of ranges must be at least 1, got " + parts);
        }
        if (unitCost < 0) {
            throw new IllegalArgumentException("a unit's cost must not be negative, got " + unitCost);
        }
        long total = 0;
        for (long size : sizes) {
            total += size + unitCost;
        }
        List<UnitRange> ranges = new ArrayList<>();
        int from = 0;
        long done = 0;
        for (int unit = 0; unit < sizes.length; unit++) {
            done += sizes[unit] + unitCost;
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
