package fasterjava.vitals.data;

/** Where a run of consecutive blocks gets its rows: each call continues where the previous one stopped. */
interface RowSource {
    /** Writes the next {@code rows} rows of every vital to {@code values[vital.ordinal()][0..rows)}. */
    void fill(double[][] values, int rows);
}
