package fasterjava.corrset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Combinations} against the oracle's own recursive enumeration. */
class CombinationsTest {
    @Test
    void nextWalksTheSameOrderAsTheOraclesRecursion() {
        for (int n = 1; n <= 9; n++) {
            for (int k = 1; k <= n; k++) {
                List<int[]> expected = Oracle.combinations(n, k, Long.MAX_VALUE);
                int[] combination = Combinations.first(k);
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), combination, "n=" + n + " k=" + k + " #" + i);
                    assertEquals(i, Combinations.rank(combination, n));
                    assertArrayEquals(combination, Combinations.unrank(i, n, k));
                    boolean more = Combinations.next(combination, n);
                    assertEquals(i < expected.size() - 1, more, "n=" + n + " k=" + k + " #" + i);
                }
                assertEquals(expected.size(), Combinations.countExact(n, k));
            }
        }
    }

    @Test
    void theLastCombinationHasNoSuccessor() {
        int[] last = {3, 4, 5};
        assertFalse(Combinations.next(last, 6));
    }
}
