package fasterjava.basics.growth;

import fasterjava.basics.Size;

/**
 * How long {@link GrowthCurves} spends on each point of a curve, and when it stops growing n.
 *
 * @param warmupSeconds calls made at each size before any sample is kept, so the JIT has compiled the code for
 *     inputs of that size (at least one call is always made; a curve's first size gets
 *     {@link GrowthCurves#FIRST_POINT_WARMUP_FACTOR} times as long)
 * @param repetitions samples kept per point; the point reports the fastest and the spread
 * @param minSampleSeconds calls are batched until one sample lasts at least this long (and at least
 *     {@link GrowthCurves#RESOLUTION_MULTIPLE} times the timer's resolution); 0 times every call alone
 * @param callCapSeconds the curve stops growing once one call takes longer than this (or the next size would
 *     take more than twice as long), so quadratic curves end near this time per call
 */
public record GrowthBudget(double warmupSeconds, int repetitions, double minSampleSeconds, double callCapSeconds) {
    public GrowthBudget {
        if (!(warmupSeconds >= 0) || !(minSampleSeconds >= 0) || !(callCapSeconds > 0) || repetitions < 1) {
            throw new IllegalArgumentException("bad growth budget: warm-up " + warmupSeconds + " s, " + repetitions
                    + " repetitions, samples of " + minSampleSeconds + " s, cap " + callCapSeconds + " s");
        }
    }

    /**
     * The budget for a topic's size: {@code tiny} only checks that everything runs (calls capped at 5 ms),
     * {@code small} gives steady exponents in seconds per curve (calls up to 0.1 s), {@code full} grows quadratic
     * curves to about one second per call.
     */
    public static GrowthBudget of(Size size) {
        return switch (size) {
            case TINY -> new GrowthBudget(0.002, 3, 0.0005, 0.005);
            case SMALL -> new GrowthBudget(0.02, 7, 0.001, 0.1);
            case FULL -> new GrowthBudget(0.1, 9, 0.005, 1.0);
        };
    }

    /** This budget with another warm-up time. */
    public GrowthBudget withWarmup(double seconds) {
        return new GrowthBudget(seconds, repetitions, minSampleSeconds, callCapSeconds);
    }

    /** This budget with another call cap ({@code Double.POSITIVE_INFINITY}: every size is measured). */
    public GrowthBudget withCallCap(double seconds) {
        return new GrowthBudget(warmupSeconds, repetitions, minSampleSeconds, seconds);
    }

    /** This budget with every call timed alone (no batching): shows what the timer's resolution does. */
    public GrowthBudget unbatched() {
        return new GrowthBudget(warmupSeconds, repetitions, 0, callCapSeconds);
    }
}
