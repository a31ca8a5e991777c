package fasterjava.basics.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BandwidthTest {

    @Test
    void bothOrdersReadEveryElementOnce() {
        for (int length : new int[] {1, 2, 8, 1024, 1 << 16}) {
            long[] values = Bandwidth.ascending(length);
            long oracle = 0;
            for (int i = 0; i < length; i++) {
                oracle += i;
            }
            assertEquals(oracle, Bandwidth.expectedSum(length));
            assertEquals(oracle, Bandwidth.sequentialSum(values));
            assertEquals(oracle, Bandwidth.randomOrderSum(values), "random order over " + length);
        }
    }

    @Test
    void theRandomOrderNoticesAChangedElement() {
        long[] values = Bandwidth.ascending(1 << 12);
        values[1234] = 0;
        assertEquals(Bandwidth.expectedSum(1 << 12) - 1234, Bandwidth.randomOrderSum(values));
    }

    @Test
    void randomOrderNeedsAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.randomOrderSum(new long[1000]));
    }
}
