package fasterjava.cli;

/** Checks on option values that picocli's types let through. */
final class Arguments {
    private Arguments() {
    }

    /** Beyond this many threads per core, extra threads only wait for a core and cost memory. */
    static final int MAX_THREADS_PER_CORE = 4;

    /**
     * The worker threads a {@code --threads} value asks for: all cores when it is not given; refused outside 1 to
     * {@link #MAX_THREADS_PER_CORE} per core (a hundred thousand threads would run out of memory after a long wait).
     */
    static int threads(Integer threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null) {
            return cores;
        }
        int most = MAX_THREADS_PER_CORE * cores;
        if (threads < 1 || threads > most) {
            throw new IllegalArgumentException("--threads must be between 1 and " + most + " ("
                    + MAX_THREADS_PER_CORE + " per core, " + cores + " core(s) here), got " + threads);
        }
        return threads;
    }

    /** False for zero, negative, NaN and infinite durations (picocli parses "NaN" and "Infinity" as doubles). */
    static boolean positiveFinite(double seconds) {
        return seconds > 0 && Double.isFinite(seconds);
    }
}
