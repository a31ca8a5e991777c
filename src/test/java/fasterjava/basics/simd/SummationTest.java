package fasterjava.basics.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle is exact, and every way lands within the rounding bound of it, at lengths that leave tails. */
class SummationTest {

    @Test
    void exactSumsMatchBigDecimalArithmetic() {
        for (int n : new int[] {0, 1, 3, 1_000, 70_001}) {
            double[] x = ExactSums.values(n, 11);
            double[] y = ExactSums.values(n, 12);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal dot = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(new BigDecimal(x[i]));
                dot = dot.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
            }
            assertEquals(0, sum.compareTo(ExactSums.sum(x)), "sum of " + n);
            assertEquals(0, dot.compareTo(ExactSums.dot(x, y)), "dot of " + n);
        }
    }

    @Test
    void everyWayIsWithinTheBoundAtAwkwardLengths() {
        for (int n : new int[] {0, 1, 2, 3, 5, 7, 8, 9, 17, 1_003, 100_000}) {
            Summation.Data data = Summation.Data.of(ExactSums.values(n, n), ExactSums.values(n, n + 1L));
            BigDecimal exactSum = ExactSums.sum(data.x());
            BigDecimal exactDot = ExactSums.dot(data.x(), data.y());
            for (Summation way : Summation.values()) {
                double sumError = ExactSums.error(way.sum(data), exactSum);
                double dotError = ExactSums.error(way.dot(data), exactDot);
                assertTrue(sumError <= ExactSums.tolerance(n, exactSum), way.slug() + " sum of " + n + ": " + sumError);
                assertTrue(dotError <= ExactSums.tolerance(n, exactDot), way.slug() + " dot of " + n + ": " + dotError);
            }
        }
    }

    @Test
    void aWrongResultIsCaughtByTheVerification() {
        Summation.Data data = Summation.Data.of(ExactSums.values(1_000, 1), ExactSums.values(1_000, 2));
        BigDecimal exact = ExactSums.sum(data.x());
        double oneValueMissing = Summation.DOUBLE_LOOP.sum(data) - data.x()[999];
        assertTrue(ExactSums.error(oneValueMissing, exact) > ExactSums.tolerance(1_000, exact));
        List<String> log = new ArrayList<>();
        SimdTopic.verify(data, log::add);
        assertEquals(2, log.size());
        assertTrue(log.stream().allMatch(line -> line.startsWith("verified: ")), log.toString());
    }

    @Test
    void theBoundIsHighamsGamma() {
        BigDecimal exact = new BigDecimal(1000);
        double nu = 10 * 0x1.0p-53;
        assertEquals(nu / (1 - nu) * 1000, ExactSums.tolerance(10, exact), 1e-30);
    }

    @Test
    void valuesOffTheGridAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactSums.sum(new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> ExactSums.sum(new double[] {2.0}));
        assertThrows(IllegalArgumentException.class, () -> ExactSums.sum(new double[] {-0.5}));
        assertThrows(IllegalArgumentException.class, () -> Summation.Data.of(new double[1], new double[2]));
    }

    @Test
    void prefixesKeepTheFirstValues() {
        Summation.Data data = Summation.Data.of(ExactSums.values(100, 1), ExactSums.values(100, 2));
        Summation.Data prefix = SimdTopic.prefix(data, 10);
        assertEquals(10, prefix.length());
        assertEquals(data.boxedY().subList(0, 10), prefix.boxedY());
        assertEquals(data.x()[9], prefix.x()[9]);
    }
}
