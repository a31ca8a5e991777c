package fasterjava.basics.growth;

import java.util.Locale;

/**
 * How finely {@link System#nanoTime()} measures on this machine: its granularity (the smallest step between two
 * readings that differ) and the cost of one reading. A timed interval is only as precise as the larger of the two,
 * so a sample should last many times longer; {@link GrowthCurves} batches calls until it does and flags samples
 * that stayed near it.
 *
 * @param granularityNanos the smallest non-zero difference between consecutive readings
 * @param readNanos the average cost of one {@code nanoTime()} call
 */
public record TimerResolution(double granularityNanos, double readNanos) {
    private static final int TRIALS = 20_000;
    private static final int READS = 200_000;
    private static volatile TimerResolution measured;

    /** The resolution of this JVM's timer, measured once (a few milliseconds) and remembered. */
    public static TimerResolution get() {
        TimerResolution result = measured;
        if (result == null) {
            result = measure();
            measured = result;
        }
        return result;
    }

    /** Measures the granularity (smallest step over many trials) and the cost of a reading. */
    static TimerResolution measure() {
        long smallestStep = Long.MAX_VALUE;
        for (int trial = 0; trial < TRIALS; trial++) {
            long first = System.nanoTime();
            long next = System.nanoTime();
            while (next == first) {
                next = System.nanoTime();
            }
            smallestStep = Math.min(smallestStep, next - first);
        }
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < READS; i++) {
            sink += System.nanoTime();
        }
        long elapsed = System.nanoTime() - start;
        // The sum must be used, or the loop could be removed; it never is zero in practice.
        double readNanos = sink == 0 ? Double.NaN : (double) elapsed / READS;
        return new TimerResolution(smallestStep, readNanos);
    }

    /** The larger of the granularity and the cost of a reading: the error of one timed interval. */
    public double seconds() {
        return Math.max(granularityNanos, readNanos) / 1e9;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "System.nanoTime: steps of %.0f ns, %.1f ns per reading", granularityNanos,
                readNanos);
    }
}
