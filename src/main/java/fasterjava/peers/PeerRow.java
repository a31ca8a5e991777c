package fasterjava.peers;

/**
 * One row of the side-by-side table.
 *
 * @param kind measured in Java here, measured in Python here, or published elsewhere
 * @param step the Java step's id, the Python version's id, or the published figure's source and label
 * @param title what it does
 * @param nanosPerItem time per work item
 * @param threads threads it computes on (0: not known, for published figures)
 * @param mirrors for a Java row the Python version mirroring it, else the Java step it mirrors ("" if none)
 * @param javaSpeedup the Python version's time over the Java step's (NaN without a pair): above 1, Java is faster
 * @param detail items and runs, preparation, compile time — what a reader needs to trust the figure
 */
public record PeerRow(Kind kind, String step, String title, double nanosPerItem, int threads, String mirrors,
        double javaSpeedup, String detail) {

    /** The three kinds of rows, each a series of the chart. */
    public enum Kind {
        JAVA("Java, measured here"), PYTHON("Python, measured here"), PUBLISHED("published");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
