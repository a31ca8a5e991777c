package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact anomaly counts where a value sits on mean ± 2·std, and the margin that sends a series there. */
class AnomaliesTest {

    @Test
    void aValueExactlyOnTheThresholdIsNotAnAnomaly() {
        // Mean 0.8, std 0.4: 0.0 is exactly 2·std below the mean; floating point puts it just beyond.
        double[] tie = {1.0, 1.0, 0.0, 1.0, 0.8, 1.0};
        assertEquals(0, Anomalies.countExactly(tie, 0, tie.length));
        double mean = 4.8 / 6;
        assertTrue(Anomalies.nearThreshold(0.0, mean, 0.8));
        // Lower 0.0 slightly: now beyond the threshold for real.
        double[] beyond = {1.0, 1.0, -0.1, 1.0, 0.8, 1.0};
        assertEquals(1, Anomalies.countExactly(beyond, 0, beyond.length));
    }

    @Test
    void missingValuesAreSkippedAndShortSeriesHaveNone() {
        double nan = Double.NaN;
        double[] series = {nan, 1.0, 1.0, nan, 0.0, 1.0, 0.8, 1.0, 9.0};
        assertEquals(0, Anomalies.countExactly(series, 0, 8));
        assertEquals(1, Anomalies.countExactly(series, 0, 9));
        assertEquals(0, Anomalies.countExactly(new double[] {5.0}, 0, 1));
        assertEquals(0, Anomalies.countExactly(new double[] {5.0, 5.0, 5.0}, 0, 3), "zero variance");
    }

    @Test
    void farFromTheThresholdIsNotNear() {
        assertFalse(Anomalies.nearThreshold(100, 72, 24));
        assertFalse(Anomalies.nearThreshold(72, 72, Double.NaN));
    }
}
