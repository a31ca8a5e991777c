package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.search.PrefixTreeSearch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges cover every unit once, in order, and carry about the same cost: sets plus a fixed cost per unit. */
class UnitRangesTest {
    @Test
    void rangesCoverEveryUnitInOrderWithBalancedSets() {
        long[] sizes = PrefixTreeSearch.unitSizes(200, 5);
        long total = Arrays.stream(sizes).sum();
        long largest = Arrays.stream(sizes).max().orElseThrow();
        for (int parts : new int[] {1, 2, 3, 8, 64, 1000}) {
            List<UnitRange> ranges = UnitRanges.balanced(sizes, parts, 0);
            assertEquals(parts, ranges.size(), "parts=" + parts);
            int next = 0;
            for (UnitRange range : ranges) {
                assertEquals(next, range.from(), "contiguous, parts=" + parts);
                assertTrue(range.units() > 0, "no empty range, parts=" + parts);
                long sets = Arrays.stream(sizes, range.from(), range.to()).sum();
                // A range ends at the first unit that reaches its share, so it overshoots by less than a unit.
                assertTrue(sets <= total / parts + largest, "parts=" + parts + " " + range + " has " + sets);
                next = range.to();
            }
            assertEquals(sizes.length, next, "every unit, parts=" + parts);
        }
    }

    @Test
    void fewerUnitsThanPartsGiveOneRangePerUnit() {
        assertEquals(List.of(new UnitRange(0, 1)), UnitRanges.balanced(PrefixTreeSearch.unitSizes(20, 2), 8));
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {5, 1, 1}, 10, 0);
        assertEquals(List.of(new UnitRange(0, 1), new UnitRange(1, 2), new UnitRange(2, 3)), ranges);
    }

    @Test
    void aHugeFirstUnitTakesARangeOfItsOwn() {
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {100, 1, 1, 1, 1}, 2, 0);
        assertEquals(List.of(new UnitRange(0, 1), new UnitRange(1, 5)), ranges);
    }

    @Test
    void setCountsNearLongMaxDoNotOverflow() {
        long big = Long.MAX_VALUE / 4;
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {big, big, big, big}, 1000, 0);
        assertEquals(4, ranges.size());
    }

    @Test
    void aUnitsFixedCostMovesWorkFromTheManySmallUnitsAtTheEnd() {
        long[] sizes = PrefixTreeSearch.unitSizes(200, 5);
        long cost = UnitRanges.UNIT_COST_IN_SETS;
        long total = Arrays.stream(sizes).sum() + cost * sizes.length;
        long largest = Arrays.stream(sizes).max().orElseThrow() + cost;
        List<UnitRange> bySets = UnitRanges.balanced(sizes, 8, 0);
        List<UnitRange> byCost = UnitRanges.balanced(sizes, 8);
        assertEquals(8, byCost.size());
        for (UnitRange range : byCost) {
            long rangeCost = Arrays.stream(sizes, range.from(), range.to()).sum() + cost * range.units();
            assertTrue(rangeCost <= total / 8 + largest, range + " costs " + rangeCost);
        }
        // The last range holds the smallest units: fewer of them once each one's start counts.
        assertTrue(byCost.get(7).units() < bySets.get(7).units(), byCost.get(7) + " against " + bySets.get(7));
        assertEquals(sizes.length, byCost.get(7).to());
    }

    @Test
    void aZeroUnitCostBalancesSetsAlone() {
        assertEquals(List.of(new UnitRange(0, 2), new UnitRange(2, 4)),
                UnitRanges.balanced(new long[] {3, 3, 3, 3}, 2, 0));
        // With a start cost far above the sets, ranges hold equal numbers of units whatever their sizes.
        assertEquals(List.of(new UnitRange(0, 2), new UnitRange(2, 4)),
                UnitRanges.balanced(new long[] {9, 0, 0, 0}, 2, 1_000_000));
    }

    @Test
    void aNegativeUnitCostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UnitRanges.balanced(new long[] {1}, 1, -1));
    }

    @Test
    void noPartitionsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitRanges.balanced(new long[] {1}, 0));
        assertEquals("the number of ranges must be at least 1, got 0", e.getMessage());
    }
}
