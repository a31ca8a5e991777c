package fasterjava.corrset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.search.ScoredSet;
import org.junit.jupiter.api.Test;

/**
 * The exact ranking where doubles cannot decide: values a few units apart in the 17th digit, equal values written
 * differently, both signs, and ties broken by the index tuple.
 */
class CorrelationTest {
    /** r = num / √(da·db) with da = db = d, so r = num / d exactly. */
    private static int compare(long num1, long d1, long num2, long d2) {
        return Correlation.compare(Correlation.r(2, num1, d1, d1), num1, d1, d1, Correlation.r(2, num2, d2, d2),
                num2, d2, d2);
    }

    @Test
    void valuesDifferingInTheSeventeenthDigitAreOrderedExactly() {
        // 1/3 and N/(3N + 1) differ by 1/(3·(3N + 1)) ≈ 1.0e-17: no double tells them apart reliably.
        long big = 11_111_111_111_111_111L;
        double third = Correlation.r(2, 1, 3, 3);
        double almost = Correlation.r(2, big, 3 * big + 1, 3 * big + 1);
        assertTrue(Math.abs(third - almost) < 1e-15, third + " vs " + almost);
        assertEquals(1, compare(1, 3, big, 3 * big + 1), "1/3 is larger");
        assertEquals(-1, compare(big, 3 * big + 1, 1, 3));
        // Negative: -1/3 is the smaller one.
        assertEquals(-1, compare(-1, 3, -big, 3 * big + 1), "-1/3 is smaller");
        assertEquals(1, compare(-big, 3 * big + 1, -1, 3));
    }

    @Test
    void equalValuesWrittenDifferentlyCompareEqual() {
        assertEquals(0, compare(1, 3, 2, 6));
        assertEquals(0, compare(-5, 7, -10, 14));
        // r = 1 from different parts: num² = da·db.
        assertEquals(0, Correlation.compare(1.0, 6, 4, 9, 1.0, 12, 16, 9));
    }

    @Test
    void signsAndZeroOrderBeforeMagnitudes() {
        assertEquals(1, compare(1, 1_000_000_000_000L, -1, 1_000_000_000_000L),
                "a tiny positive beats a tiny negative");
        assertEquals(-1, compare(0, 5, 1, 1_000_000_000_000L));
        assertEquals(1, compare(0, 5, -1, 1_000_000_000_000L));
        assertEquals(0, compare(0, 5, 0, 7));
    }

    @Test
    void doublesFarApartDecideOnTheirOwn() {
        assertEquals(1, compare(1, 2, 1, 3));
        assertEquals(-1, compare(-1, 2, -1, 3));
    }

    @Test
    void equalRGoesToTheSmallerTupleInEitherSign() {
        for (long sign : new long[] {1, -1}) {
            ScoredSet later = new ScoredSet(new int[] {0, 2, 5}, Correlation.r(2, 2 * sign, 6, 6), 4, 2 * sign, 6, 6);
            ScoredSet earlier = new ScoredSet(new int[] {0, 2, 4}, Correlation.r(2, sign, 3, 3), 4, sign, 3, 3);
            assertTrue(earlier.beats(later), "sign " + sign);
            assertTrue(!later.beats(earlier), "sign " + sign);
            assertTrue(ScoredSet.BEST_FIRST.compare(earlier, later) < 0);
        }
    }

    @Test
    void theLargerExactValueRanksFirstEvenWhenTheDoublesAgree() {
        long big = 11_111_111_111_111_111L;
        ScoredSet third = new ScoredSet(new int[] {3, 4}, Correlation.r(2, 1, 3, 3), 3, 1, 3, 3);
        ScoredSet almost = new ScoredSet(new int[] {0, 1}, Correlation.r(2, big, 3 * big + 1, 3 * big + 1), 3, big,
                3 * big + 1, 3 * big + 1);
        assertTrue(third.beats(almost), "larger r first, whatever the tuples");
    }
}
