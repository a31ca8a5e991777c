package fasterjava.cli;

/** Checks on option values that picocli's types let through. */
final class Arguments {
    private Arguments() {
    }

    /** False for zero, negative, NaN and infinite durations (picocli parses "NaN" and "Infinity" as doubles). */
    static boolean positiveFinite(double seconds) {
        return seconds > 0 && Double.isFinite(seconds);
    }
}
