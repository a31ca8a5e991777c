package fasterjava.ladder;

/**
 * One rung of an optimization ladder: the same task as every other rung, done a different way.
 *
 * <p>{@link #prepare} is the untimed part (converting the shared input into the form this step works on);
 * {@link #compute} is the timed part and must do all the work for the first {@code items} work items, returning
 * everything needed to check it against the baseline. A step instance is prepared once and may be computed many
 * times (warm-up, repetitions). {@link #close} releases what {@code prepare} built (copies of the data, thread
 * pools); the harness calls it when it is done with the step, so a ladder of steps that each hold a copy of the
 * data does not hold them all at once.
 *
 * @param <D> the ladder's input data
 * @param <R> the ladder's result type
 */
public interface Step<D, R> extends AutoCloseable {
    void prepare(D data);

    R compute(int items);

    /** Releases what {@link #prepare} built; the step is not computed again. Nothing to release by default. */
    @Override
    default void close() {
    }
}
