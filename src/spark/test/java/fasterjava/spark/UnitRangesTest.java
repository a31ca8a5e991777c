package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.search.PrefixTreeSearch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges cover every unit once, in order, and carry about the same number of sets. */
class UnitRangesTest {
    @Test
    void rangesCoverEveryUnitInOrderWithBalancedSets() {
        long[] sizes = PrefixTreeSearch.unitSizes(200, 5);
        long total = Arrays.stream(sizes).sum();
        long largest = Arrays.stream(sizes).max().orElseThrow();
        for (int parts : new int[] {1, 2, 3, 8, 64, 1000}) {
            List<UnitRange> ranges = UnitRanges.balanced(sizes, parts);
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
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {5, 1, 1}, 10);
        assertEquals(List.of(new UnitRange(0, 1), new UnitRange(1, 2), new UnitRange(2, 3)), ranges);
    }

    @Test
    void aHugeFirstUnitTakesARangeOfItsOwn() {
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {100, 1, 1, 1, 1}, 2);
        assertEquals(List.of(new UnitRange(0, 1), new UnitRange(1, 5)), ranges);
    }

    @Test
    void setCountsNearLongMaxDoNotOverflow() {
        long big = Long.MAX_VALUE / 4;
        List<UnitRange> ranges = UnitRanges.balanced(new long[] {big, big, big, big}, 1000);
        assertEquals(4, ranges.size());
    }

    @Test
    void noPartitionsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitRanges.balanced(new long[] {1}, 0));
        assertEquals("the number of ranges must be at least 1, got 0", e.getMessage());
    }
}
