package fasterjava.ladder;

/**
 * How many work items one run of a prepared step should hold, for tools that run a step outside the ladder's own
 * timing (a profile, a JMH operation). Not tied to any ladder.
 */
public final class RunSizes {
    private RunSizes() {
    }

    /**
     * Runs {@code step} on {@code factor}, {@code factor²}, … items (never more than {@code limit}) until one run
     * lasts {@code minSeconds}, and returns the size of the last run. The runs on the way also let the JIT compile
     * the step, so a size taken from one cold call is never used.
     */
    public static int grow(Step<?, ?> step, int limit, int factor, double minSeconds) {
        int items = 1;
        double seconds = 0;
        while (seconds < minSeconds && items < limit) {
            items = (int) Math.min(limit, (long) items * factor);
            seconds = seconds(step, items);
        }
        return items;
    }

    /** The wall-clock seconds of one {@code step.compute(items)}. */
    public static double seconds(Step<?, ?> step, int items) {
        long start = System.nanoTime();
        step.compute(items);
        return (System.nanoTime() - start) / 1e9;
    }
}
