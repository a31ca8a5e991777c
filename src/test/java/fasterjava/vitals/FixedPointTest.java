package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which decimals hold a series exactly in 16 bits, and when none do. */
class FixedPointTest {

    private static int decimals(double... values) {
        return FixedPoint.decimals(values, 0, values.length);
    }

    @Test
    void fewestDecimalsThatHoldEveryValue() {
        assertEquals(0, decimals(16, 12, Double.NaN, 0, -3));
        assertEquals(1, decimals(72.3, 98.0, Double.NaN, 120.1));
        assertEquals(2, decimals(98.6, 98.63, 97.01));
        assertEquals(4, decimals(0.0001, 3.2767));
        assertEquals(0, decimals(Double.NaN), "nothing to hold");
    }

    @Test
    void tooManyDecimalsOrTooLargeDoNotFit() {
        assertEquals(-1, decimals(72.12345));
        assertEquals(-1, decimals(0.1 + 0.2), "0.30000000000000004 is not 0.3");
        assertEquals(-1, decimals(3276.8, 0.01), "327,680 hundredths exceed 16 bits");
        assertEquals(1, decimals(3276.7));
        assertEquals(-1, decimals(32768));
        assertEquals(0, decimals(-32767));
        assertEquals(-1, decimals(1e300));
    }
}
