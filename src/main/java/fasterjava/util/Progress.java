package fasterjava.util;

/**
 * Progress of a long run, in work units (combinations, patients, ...). Implementations must tolerate calls from
 * several threads; {@link #NONE} ignores everything.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };

    /** Begins a task of {@code total} units (0 if unknown). */
    void start(String task, long total);

    /** Adds {@code units} finished units. */
    void advance(long units);

    /** Ends the task (clears or completes the display). */
    void finish();

    /**
     * Reports a problem the task works around without stopping (a checkpoint that could not be saved); ignored
     * unless the implementation shows it.
     */
    default void warn(String message) {
    }
}
