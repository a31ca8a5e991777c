package fasterjava.ladder;

/**
 * A figure published elsewhere for a comparable step, shown beside ours — never mixed into our measurements.
 *
 * @param source who published it, short: {@code Python article}, {@code Rust article}
 * @param label their step's name
 * @param nanosPerItem their time per work item, in nanoseconds
 * @param machine where they measured
 */
public record Published(String source, String label, double nanosPerItem, String machine) {
}
